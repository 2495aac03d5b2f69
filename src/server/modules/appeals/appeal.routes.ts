import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { dispatchRule, dispatchRuleRequest, hotTopicsView, locateRequest, locateView, suggestion, suggestionRequest, ticketActionRequest, ticketRequest, ticketSummary, ticketView } from "../../../shared/schemas/appeals";
import { errorBody, LIMITS, uuid } from "../../../shared/schemas/common";
import { forCitizenOr, forStaff, PUBLIC_ROUTE, requestContext, requireActor, requireStaff } from "../../http/auth-plugin";
import type { DispatchService } from "./dispatch.service";
import type { HotTopicsService } from "./hot-topics.service";
import type { TicketService } from "./ticket.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, 429: errorBody };
const id = z.strictObject({ id: uuid });

/** 12345: suggestions, tickets (citizens and hotline agents), their closed loop, the dispatch catalogue and hot topics. */
export const appealRoutes: FastifyPluginAsyncZod<{ tickets: TicketService; dispatch: DispatchService; hotTopics: HotTopicsService; publicRateLimitPerMinute: number }> = async (app, { tickets, dispatch, hotTopics, publicRateLimitPerMinute }) => {
  app.post(
    "/appeals/suggestions",
    {
      config: { ...PUBLIC_ROUTE, csrf: false, rateLimit: { max: publicRateLimitPerMinute, timeWindow: "1 minute" } },
      schema: { tags: ["appeals"], summary: "智能答复 Suggested answers for an enquiry from the knowledge base and the catalogue", security: [], body: suggestionRequest, response: { 200: z.object({ items: z.array(suggestion) }), ...errors } },
    },
    async (req) => ({ items: await tickets.suggestions(req.body.text) }),
  );
  app.post(
    "/appeals/locate",
    { schema: { tags: ["appeals"], summary: "地址定位 The division code of an address (address registry, then street or district names)", body: locateRequest, response: { 200: locateView, ...errors } } },
    async (req) => {
      requireActor(req);
      return tickets.locate(req.body.address);
    },
  );
  app.post(
    "/tickets",
    {
      config: forCitizenOr("hotline_agent"),
      schema: {
        tags: ["appeals"],
        summary: "提交诉求 A citizen online, or a hotline agent recording a call (with the caller); routed by the dispatch catalogue (an Idempotency-Key header makes retries safe)",
        headers: z.object({ "idempotency-key": z.string().trim().min(8).max(100).optional() }).passthrough(),
        body: ticketRequest,
        response: { 201: ticketView, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await tickets.create(requireActor(req), req.body, req.headers["idempotency-key"] ?? null, requestContext(req))),
  );
  app.get(
    "/tickets",
    {
      schema: {
        tags: ["appeals"],
        summary: "工单列表 The desk and city supervisors: all; orgs: theirs; district supervisors: their district; citizens: their own",
        querystring: z.strictObject({ state: z.string().max(20).optional(), type: z.string().max(20).optional(), q: z.string().trim().max(50).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(ticketSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await tickets.list(requireActor(req), req.query, req.query.limit, req.query.offset) }),
  );
  app.get(
    "/tickets/:id",
    { schema: { tags: ["appeals"], summary: "工单详情 A ticket with its steps and the viewer's actions (a 举报's reporter hidden from the org)", params: id, response: { 200: ticketView, ...errors } } },
    async (req) => tickets.get(requireActor(req), req.params.id),
  );
  app.post(
    "/tickets/:id/contact",
    { config: forStaff(), schema: { tags: ["appeals"], summary: "查看来电号码 The desk reads the caller's full number to call back (logged with its purpose)", params: id, response: { 200: z.object({ name: z.string(), mobile: z.string().nullable() }), ...errors } } },
    async (req) => tickets.contact(requireStaff(req), req.params.id, requestContext(req)),
  );
  app.post(
    "/tickets/:id/actions",
    { schema: { tags: ["appeals"], summary: "办理工单 派单 / 签收 / 退单 / 改派 / 答复 / 回访 / 评价 / 办结 / 重新办理 / 督办 / 合并 (lockVersion detects concurrent edits)", params: id, body: ticketActionRequest, response: { 200: ticketView, ...errors } } },
    async (req) => tickets.act(requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  app.get(
    "/dispatch-rules",
    { config: forStaff("hotline_agent", "sys_admin", "supervisor"), schema: { tags: ["appeals"], summary: "派单目录 The dispatch catalogue (desk, supervisors, administrators)", response: { 200: z.object({ items: z.array(dispatchRule) }), ...errors } } },
    async (req) => ({ items: await dispatch.list(requireStaff(req)) }),
  );
  app.put(
    "/dispatch-rules",
    { config: forStaff("hotline_agent", "sys_admin", "supervisor"), schema: { tags: ["appeals"], summary: "设置派单规则 The org for a category and place (a functional department's matter never to a street)", body: dispatchRuleRequest, response: { 200: z.object({ items: z.array(dispatchRule) }), ...errors } } },
    async (req) => ({ items: await dispatch.save(requireStaff(req), req.body, requestContext(req)) }),
  );
  app.delete(
    "/dispatch-rules/:id",
    { config: forStaff("hotline_agent", "sys_admin", "supervisor"), schema: { tags: ["appeals"], summary: "删除派单规则", params: id, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await dispatch.remove(requireStaff(req), req.params.id, requestContext(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/appeals/hot-topics",
    { config: forStaff(), schema: { tags: ["appeals"], summary: "热点分析 Counts by category, district and week, rising topics and repeated complaints (desk and supervisors)", querystring: z.strictObject({ weeks: z.coerce.number().int().min(1).max(52).default(8) }), response: { 200: hotTopicsView, ...errors } } },
    async (req) => hotTopics.figures(requireStaff(req), req.query.weeks),
  );
};
