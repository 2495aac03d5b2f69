import type { appointmentsZh } from "./i18n";

/** English for the texts of web/features/appointments/i18n.ts (loaded when English is chosen). */
export const appointmentsEn: typeof appointmentsZh = {
  appt: { title: "My appointments", near: "Nearby: your district, street or town", centre: "Service centre", noSlots: "No free slots soon", full: "full", left: "{{n}} left", bookFor: "Book a window visit: {{item}}", booked: "Booked", moved: "Moved", cancelled: "Cancelled", confirmation: "Code {{code}}: {{centre}}, {{day}} {{start}}–{{end}}. Bring your ID and check in with the code.", howTo: "Use “Book a visit” on a service's guide to book a window.", none: "No appointments yet", code: "Code", time: "Time", status_booked: "booked", status_cancelled: "cancelled", status_checked_in: "checked in", reschedule: "Move", cancel: "Cancel", centreTitle: "Appointments", toolDesc: "Check arrivals in and publish slots", day: "Day", noneToday: "No appointments that day", checkIn: "Check in", checkedIn: "{{name}} checked in", publish: "Publish slots", range: "Days", start: "From", end: "To", capacity: "Places", published: "{{created}} slots on {{workingDays}} working days" },
};
