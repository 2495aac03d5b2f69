import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, int32, uuid } from "../../../shared/schemas/common";
import { forCitizen, forStaff, PUBLIC_ROUTE, requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { AppointmentService } from "./appointment.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const day = z.iso.date();
const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
const appointment = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(["booked", "cancelled", "checked_in"]),
  lockVersion: z.number(),
  itemId: z.string(),
  itemName: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  personName: z.string(),
  slotId: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  checkedInAt: z.string().nullable(),
});

/** 预约: published slots (public), booking for citizens, the day's list and check-in for the centre's clerks. */
export const appointmentRoutes: FastifyPluginAsyncZod<{ appointments: AppointmentService }> = async (app, { appointments }) => {
  app.get(
    "/appointment-centres",
    { config: PUBLIC_ROUTE, schema: { tags: ["appointments"], summary: "可预约的服务中心 Service centres taking appointments", security: [], response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } } },
    async () => ({ items: await appointments.centres() }),
  );

  app.get(
    "/appointment-centres/managed",
    { config: forStaff(), schema: { tags: ["appointments"], summary: "我管理的服务中心 Centres the caller runs (window clerks, administrators)", response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }), ...errors } } },
    async (req) => ({ items: await appointments.managedCentres(requireStaff(req)) }),
  );

  app.get(
    "/appointment-centres/:centreId/slots",
    {
      config: PUBLIC_ROUTE,
      schema: {
        tags: ["appointments"],
        summary: "预约时段 A centre's slots between two days with the places left",
        security: [],
        params: z.strictObject({ centreId: uuid }),
        querystring: z.strictObject({ from: day, to: day }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), day: z.string(), start: z.string(), end: z.string(), capacity: z.number(), left: z.number(), past: z.boolean() })) }), ...errors },
      },
    },
    async (req) => ({ items: await appointments.slots(req.params.centreId, req.query.from, req.query.to) }),
  );

  app.post(
    "/appointment-centres/:centreId/slots",
    {
      config: forStaff("window_clerk", "sys_admin"),
      schema: {
        tags: ["appointments"],
        summary: "发布时段 A clerk of the centre (or an administrator above it) publishes slots on every working day of a range",
        params: z.strictObject({ centreId: uuid }),
        body: z.strictObject({ from: day, to: day, times: z.array(z.strictObject({ start: time, end: time, capacity: int32.min(1).max(500) })).min(1).max(24) }),
        response: { 201: z.object({ created: z.number(), workingDays: z.number() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await appointments.publish(requireStaff(req), { centreOrgId: req.params.centreId, ...req.body }, requestContext(req))),
  );

  app.get(
    "/appointment-centres/:centreId/appointments",
    {
      config: forStaff("window_clerk", "sys_admin"),
      schema: {
        tags: ["appointments"],
        summary: "当日预约 The day's appointments at a centre, for its clerks",
        params: z.strictObject({ centreId: uuid }),
        querystring: z.strictObject({ day }),
        response: { 200: z.object({ items: z.array(appointment) }), ...errors },
      },
    },
    async (req) => ({ items: await appointments.centreDay(requireStaff(req), req.params.centreId, req.query.day) }),
  );

  app.get("/appointments", { config: forCitizen, schema: { tags: ["appointments"], summary: "我的预约 My appointments", response: { 200: z.object({ items: z.array(appointment) }), ...errors } } }, async (req) => ({
    items: await appointments.mine(requireCitizen(req)),
  }));

  app.post(
    "/appointments",
    { config: forCitizen, schema: { tags: ["appointments"], summary: "预约 Book a place in a slot for an item (409 SLOT_FULL when none is left)", body: z.strictObject({ slotId: uuid, itemId: uuid }), response: { 201: appointment, ...errors } } },
    async (req, reply) => reply.status(201).send(await appointments.book(requireCitizen(req), req.body, requestContext(req))),
  );

  app.post(
    "/appointments/:id/cancel",
    { config: forCitizen, schema: { tags: ["appointments"], summary: "取消预约 Cancel before the slot starts", params: z.strictObject({ id: uuid }), body: z.strictObject({ lockVersion: int32.min(0) }), response: { 200: appointment, ...errors } } },
    async (req) => appointments.cancel(requireCitizen(req), req.params.id, req.body.lockVersion, requestContext(req)),
  );

  app.post(
    "/appointments/:id/reschedule",
    {
      config: forCitizen,
      schema: { tags: ["appointments"], summary: "改约 Move to another slot before the current one starts", params: z.strictObject({ id: uuid }), body: z.strictObject({ slotId: uuid, lockVersion: int32.min(0) }), response: { 200: appointment, ...errors } },
    },
    async (req) => appointments.reschedule(requireCitizen(req), req.params.id, req.body, requestContext(req)),
  );

  app.post(
    "/appointments/:id/check-in",
    { config: forStaff("window_clerk", "sys_admin"), schema: { tags: ["appointments"], summary: "签到 A clerk of the centre checks the arrival in, on the day", params: z.strictObject({ id: uuid }), response: { 200: appointment, ...errors } } },
    async (req) => appointments.checkIn(requireStaff(req), req.params.id, requestContext(req)),
  );
};
