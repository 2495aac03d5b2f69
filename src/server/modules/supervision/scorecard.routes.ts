import type { FastifyPluginAsync } from "fastify";
import { scorecardEndpoints as api } from "../../../shared/api/scorecard";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { SupervisionOrderService } from "./order.service";
import type { ScorecardService } from "./scorecard.service";

export const scorecardRoutes: FastifyPluginAsync<{ scorecards: ScorecardService; orders: SupervisionOrderService }> = async (app, { scorecards, orders }) => {
  route(app, api.getSupervisionScorecards, async (req) => scorecards.scorecard(requireStaff(req), req.query.month));
  route(app, api.getSupervisionScorecardSettings, async (req) => scorecards.settingsView(requireStaff(req)));
  route(app, api.postSupervisionScorecardSettings, async (req) => scorecards.saveSettings(requireStaff(req), req.body, requestContext(req)));
  route(app, api.getSupervisionOrders, async (req) => ({ items: await orders.list(requireStaff(req), req.query.state, req.query.limit, req.query.offset) }));
  route(app, api.postSupervisionOrders, async (req, reply) => reply.code(201).send(await orders.send(requireStaff(req), req.body, requestContext(req))));
  route(app, api.getSupervisionOrdersById, async (req) => orders.get(requireStaff(req), req.params.id));
  route(app, api.postSupervisionOrdersByIdActions, async (req) => orders.act(requireStaff(req), req.params.id, req.body, requestContext(req)));
};
