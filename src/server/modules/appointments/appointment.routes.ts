import type { FastifyPluginAsync } from "fastify";
import { appointmentEndpoints as api } from "../../../shared/api/appointment";
import { route } from "../../http/endpoints";
import { requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { AppointmentService } from "./appointment.service";

/** 预约: published slots (public), booking for citizens, the day's list and check-in for the centre's clerks. */
export const appointmentRoutes: FastifyPluginAsync<{ appointments: AppointmentService }> = async (app, { appointments }) => {
  route(app, api.getAppointmentCentres, async () => ({ items: await appointments.centres() }));
  route(app, api.getAppointmentCentresManaged, async (req) => ({ items: await appointments.managedCentres(requireStaff(req)) }));
  route(app, api.getAppointmentCentresByCentreIdSlots, async (req) => ({ items: await appointments.slots(req.params.centreId, req.query.from, req.query.to) }));
  route(app, api.postAppointmentCentresByCentreIdSlots, (req) => appointments.publish(requireStaff(req), { centreOrgId: req.params.centreId, ...req.body }, requestContext(req)));
  route(app, api.getAppointmentCentresByCentreIdAppointments, async (req) => ({ items: await appointments.centreDay(requireStaff(req), req.params.centreId, req.query.day) }));
  route(app, api.getAppointments, async (req) => ({
  items: await appointments.mine(requireCitizen(req)),
  }));
  route(app, api.postAppointments, (req) => appointments.book(requireCitizen(req), req.body, requestContext(req)));
  route(app, api.postAppointmentsByIdCancel, async (req) => appointments.cancel(requireCitizen(req), req.params.id, req.body.lockVersion, requestContext(req)));
  route(app, api.postAppointmentsByIdReschedule, async (req) => appointments.reschedule(requireCitizen(req), req.params.id, req.body, requestContext(req)));
  route(app, api.postAppointmentsByIdCheckIn, async (req) => appointments.checkIn(requireStaff(req), req.params.id, requestContext(req)));
};
