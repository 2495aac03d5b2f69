import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../shared/schemas/common";
import { forStaff, PUBLIC_ROUTE, requestContext, requireStaff } from "../../http/auth-plugin";
import { calendarYearInput, type CalendarService } from "./calendar.service";

const year = z.object({
  year: z.number(),
  source: z.enum(["built_in", "configured"]),
  lockVersion: z.number().nullable(),
  updatedBy: z.string().nullable(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  workdays: z.array(z.string()),
});

/** 工作日历: public read; city administrators configure years. */
export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (app, { calendar }) => {
  app.get(
    "/calendar/years",
    { config: PUBLIC_ROUTE, schema: { tags: ["calendar"], summary: "工作日历 Every configured year: holidays and make-up workdays", security: [], response: { 200: z.object({ items: z.array(year) }) } } },
    async () => ({ items: calendar.list() }),
  );
  app.put(
    "/calendar/years/:year",
    {
      config: forStaff(),
      schema: {
        tags: ["calendar"],
        summary: "配置年度日历 Set a year's holidays and make-up workdays (city administrators); lockVersion null creates the year",
        params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: calendarYearInput,
        response: { 200: year, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (req) => calendar.save(requireStaff(req), req.params.year, req.body, requestContext(req)),
  );
};
