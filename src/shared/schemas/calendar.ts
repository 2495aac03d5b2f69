import { z } from "zod";
import { int32 } from "./common";

/** A year of the working-day calendar as administrators set it: holidays and make-up workdays. */
export const calendarYearInput = z.strictObject({
  holidays: z.array(z.strictObject({ date: z.iso.date(), name: z.string().trim().min(1).max(20) })).max(60),
  workdays: z.array(z.iso.date()).max(20),
  lockVersion: int32.min(0).nullable(),
});
export type CalendarYearInput = z.infer<typeof calendarYearInput>;
