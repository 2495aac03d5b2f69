import type { FastifyPluginAsync } from "fastify";
import { appealEndpoints as api } from "../../../shared/api/appeal";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { route } from "../../http/endpoints";
import { requestContext, requireActor, requireStaff } from "../../http/auth-plugin";
import type { DispatchService } from "./dispatch.service";
import type { HotTopicsService } from "./hot-topics.service";
import type { TicketService } from "./ticket.service";

/** 12345: suggestions, tickets (citizens and hotline agents), their closed loop, the dispatch catalogue and hot topics. */
/** A caller's latest applications, from the applications module (composed at the root). */
export type ApplicationsOfCaller = (accountId: string, personId: string | null) => Promise<Array<ResponseOf<typeof api.postHotlineCallerHistory>["applications"][number]>>;

export const appealRoutes: FastifyPluginAsync<{ tickets: TicketService; dispatch: DispatchService; hotTopics: HotTopicsService; applicationsOfCaller: ApplicationsOfCaller; publicRateLimitPerMinute: number }> = async (app, { tickets, dispatch, hotTopics, applicationsOfCaller, publicRateLimitPerMinute }) => {
  route(app, api.postHotlineCallerHistory, async (req) => tickets.callerHistory(requireStaff(req), req.body.mobile, applicationsOfCaller, requestContext(req)));
  route(app, api.getHotlineCallbacks, async (req) => ({ items: await tickets.callbacks(requireStaff(req), req.query.limit) }));
  route(app, api.postAppealsSuggestions, async (req) => ({ items: await tickets.suggestions(req.body.text) }), { config: { rateLimit: { max: publicRateLimitPerMinute, timeWindow: "1 minute" } } });
  route(app, api.postAppealsLocate, async (req) => {
    requireActor(req);
    return tickets.locate(req.body.address);
  });
  route(app, api.postTickets, (req) => tickets.create(requireActor(req), req.body, req.headers["idempotency-key"] ?? null, requestContext(req)));
  route(app, api.getTickets, async (req) => ({ items: await tickets.list(requireActor(req), req.query, req.query.limit, req.query.offset) }));
  route(app, api.getTicketsById, async (req) => tickets.get(requireActor(req), req.params.id));
  route(app, api.postTicketsByIdContact, async (req) => tickets.contact(requireStaff(req), req.params.id, requestContext(req)));
  route(app, api.postTicketsByIdActions, async (req) => tickets.act(requireActor(req), req.params.id, req.body, requestContext(req)));
  route(app, api.getDispatchRules, async (req) => ({ items: await dispatch.list(requireStaff(req)) }));
  route(app, api.putDispatchRules, async (req) => ({ items: await dispatch.save(requireStaff(req), req.body, requestContext(req)) }));
  route(app, api.deleteDispatchRulesById, async (req) => {
    await dispatch.remove(requireStaff(req), req.params.id, requestContext(req));
    return null;
  });
  route(app, api.getAppealsHotTopics, async (req) => hotTopics.figures(requireStaff(req), req.query.weeks));
};
