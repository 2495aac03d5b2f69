import { z } from "zod";
import { calendarYearInput } from "../schemas/calendar";
import { anyone, staff, endpoint } from "./endpoint";

export const year = z.object({
  year: z.number(),
  source: z.enum(["built_in", "configured"]),
  lockVersion: z.number().nullable(),
  updatedBy: z.string().nullable(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  workdays: z.array(z.string()),
});

/** The endpoints of modules/calendar/calendar.routes.ts. */
export const calendarEndpoints = {
  getCalendarYears: endpoint({
    method: "GET",
    path: "/calendar/years",
    access: anyone,
    tags: ["calendar"],
    summary: "工作日历 Every configured year: holidays and make-up workdays",
    response: z.object({ items: z.array(year) }),
  }),
  putCalendarYearsByYear: endpoint({
    method: "PUT",
    path: "/calendar/years/:year",
    access: staff(),
    tags: ["calendar"],
    summary: "配置年度日历 Set a year's holidays and make-up workdays (city administrators); lockVersion null creates the year",
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    body: calendarYearInput,
    response: year,
  }),
};
