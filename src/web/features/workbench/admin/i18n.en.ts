import type { workbenchAdminZh } from "./i18n";

/** English for the texts of web/features/workbench/admin/i18n.ts (loaded when English is chosen). */
export const workbenchAdminEn: typeof workbenchAdminZh = {
  cal: { title: "Working-day calendar", toolDesc: "Official holidays and make-up workdays", year: "Year", source_built_in: "built in (State Council notice)", source_configured: "configured", holidays: "Holidays", workdays: "Make-up workdays", add: "Add a year", save: "Save", date: "Date", festival: "Festival", addHoliday: "Add holiday", addWorkday: "Add make-up workday", saved: "Calendar {{year}} saved" },
};
