import type { FastifyPluginAsync } from "fastify";
import { calendarEndpoints as api } from "../../../shared/api/calendar";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import { type CalendarService } from "./calendar.service";

/** 工作日历: public read; city administrators configure years. */
export const calendarRoutes: FastifyPluginAsync<{ calendar: CalendarService }> = async (app, { calendar }) => {
  route(app, api.getCalendarYears, async () => ({ items: calendar.list() }));
  route(app, api.putCalendarYearsByYear, async (req) => calendar.save(requireStaff(req), req.params.year, req.body, requestContext(req)));
};
