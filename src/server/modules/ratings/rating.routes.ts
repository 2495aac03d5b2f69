import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { RATING_EVENT_CODES } from "../../../shared/ratings";
import { errorBody, LIMITS, uuid } from "../../../shared/schemas/common";
import { caseActionRequest, caseSummary, caseView, invitationRequest, invitationView, myRating, pendingRating, publicFiguresView, ratingBody, ratingCreated, ratingForm, ratingRequest, traceView } from "../../../shared/schemas/ratings";
import { deadlineSettingsUpdate, deadlineSettingsView } from "../../../shared/schemas/supervision";
import { forCitizen, forCitizenOr, forStaff, PUBLIC_ROUTE, requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { SupervisionSettingsService } from "../supervision";
import type { RatingCaseService } from "./rating-case.service";
import type { RatingFiguresService } from "./rating-figures.service";
import type { RatingService } from "./rating.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 422: errorBody, 429: errorBody };
const page = { limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).default(0) };
const id = z.strictObject({ id: uuid });
const token = z.strictObject({ token: z.string().regex(/^[\w-]{20,64}$/) });

/** 好差评: rating service events, 差评 cases, tracing, public figures, and the deadline settings. */
export const ratingRoutes: FastifyPluginAsyncZod<{ ratings: RatingService; cases: RatingCaseService; figures: RatingFiguresService; settings: SupervisionSettingsService; publicRateLimitPerMinute: number }> = async (app, deps) => {
  const { ratings, cases, figures, settings } = deps;
  app.get(
    "/me/ratings/pending",
    { config: forCitizen, schema: { tags: ["ratings"], summary: "待评价 The citizen's service events that can still be rated (last 90 days)", response: { 200: z.object({ items: z.array(pendingRating) }), ...errors } } },
    async (req) => ({ items: await ratings.pending(requireCitizen(req)) }),
  );
  app.get(
    "/me/ratings",
    { config: forCitizen, schema: { tags: ["ratings"], summary: "我的评价 The citizen's ratings and what became of each 差评", querystring: z.strictObject(page), response: { 200: z.object({ items: z.array(myRating) }), ...errors } } },
    async (req) => ({ items: await ratings.mine(requireCitizen(req), req.query.limit, req.query.offset) }),
  );
  app.get(
    "/ratings/form",
    { config: forCitizen, schema: { tags: ["ratings"], summary: "评价表 What an event's rating form shows (the applicant only)", querystring: z.strictObject({ eventKind: z.enum(RATING_EVENT_CODES), eventId: uuid }), response: { 200: ratingForm, ...errors } } },
    async (req) => ratings.form(requireCitizen(req), req.query.eventKind, req.query.eventId),
  );
  app.post(
    "/ratings",
    { config: forCitizenOr("hotline_agent"), schema: { tags: ["ratings"], summary: "评价 Rate a service event once: the applicant online, or a hotline agent recording the applicant's rating on a call; 1–2 opens a 差评 case", body: ratingRequest, response: { 201: ratingCreated, ...errors } } },
    async (req, reply) => reply.status(201).send(await ratings.rate(requireActor(req), req.body, requestContext(req))),
  );
  app.post(
    "/ratings/invitations",
    { config: forStaff(), schema: { tags: ["ratings"], summary: "窗口评价器 A window clerk creates a one-time rating page (30 minutes) to hand the applicant on a tablet or as a QR code", body: invitationRequest, response: { 201: invitationView, ...errors } } },
    async (req, reply) => reply.status(201).send(await ratings.invite(requireStaff(req), req.body.eventKind, req.body.eventId, requestContext(req))),
  );
  const publicLimit = { ...PUBLIC_ROUTE, rateLimit: { max: deps.publicRateLimitPerMinute, timeWindow: "1 minute" } };
  app.get(
    "/ratings/invitations/:token",
    { config: publicLimit, schema: { tags: ["ratings"], summary: "窗口评价页 What the tablet shows (the applicant's name masked)", security: [], params: token, response: { 200: ratingForm, ...errors } } },
    async (req) => ratings.invitation(req.params.token),
  );
  app.post(
    "/ratings/invitations/:token",
    { config: { ...publicLimit, csrf: false }, schema: { tags: ["ratings"], summary: "窗口评价 The applicant rates on the tablet; the link is used up", security: [], params: token, body: ratingBody, response: { 201: ratingCreated, ...errors } } },
    async (req, reply) => reply.status(201).send(await ratings.rateByInvitation(req.params.token, req.body, requestContext(req))),
  );
  app.get(
    "/rating-cases",
    { config: forStaff(), schema: { tags: ["ratings"], summary: "差评工单 Cases of the staff member's org subtree (city supervisors: all); state `open` for unfinished ones", querystring: z.strictObject({ state: z.string().max(20).optional(), ...page }), response: { 200: z.object({ items: z.array(caseSummary) }), ...errors } } },
    async (req) => ({ items: await cases.list(requireStaff(req), req.query.state ?? null, req.query.limit, req.query.offset) }),
  );
  app.get(
    "/rating-cases/:id",
    { schema: { tags: ["ratings"], summary: "差评工单详情 A case with its rating, steps and the actions the viewer may take (its org, supervisors above it, the rater)", params: id, response: { 200: caseView, ...errors } } },
    async (req) => cases.get(requireActor(req), req.params.id),
  );
  app.post(
    "/rating-cases/:id/actions",
    { config: forStaff("appeal_handler", "reviewer", "approver", "window_clerk", "supervisor"), schema: { tags: ["ratings"], summary: "办理差评 核实 / 申诉 / 整改 / 回访 / 办结 by the org; 申诉复核 by a supervisor (lockVersion detects concurrent edits)", params: id, body: caseActionRequest, response: { 200: caseView, ...errors } } },
    async (req) => cases.act(requireStaff(req), req.params.id, req.body, requestContext(req)),
  );
  app.post(
    "/rating-cases/:id/rerate",
    { config: forCitizen, schema: { tags: ["ratings"], summary: "重新评价 The rater rates again after the reply; the case closes", params: id, body: ratingBody, response: { 201: ratingCreated, ...errors } } },
    async (req, reply) => reply.status(201).send(await ratings.rerate(requireCitizen(req), req.params.id, req.body, requestContext(req))),
  );
  app.get(
    "/ratings/trace",
    { config: forStaff(), schema: { tags: ["ratings"], summary: "服务溯源 差评 by step, tag, staff and item, and the steps with the longest waits, in the staff member's scope", querystring: z.strictObject({ orgId: uuid.optional(), itemId: uuid.optional(), days: z.coerce.number().int().min(1).max(730).default(180) }), response: { 200: traceView, ...errors } } },
    async (req) => figures.trace(requireStaff(req), req.query),
  );
  app.get(
    "/ratings/public",
    { config: PUBLIC_ROUTE, schema: { tags: ["ratings"], summary: "好差评公示 Satisfaction, 差评 and the rectified share per department and item", security: [], querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(730).default(365) }), response: { 200: publicFiguresView, ...errors } } },
    async (req) => figures.publicFigures(req.query.days),
  );
  app.get(
    "/supervision/deadlines",
    { config: forStaff(), schema: { tags: ["ratings"], summary: "办理时限设置 Working-day deadlines of 差评 cases and 12345 tickets (staff)", response: { 200: deadlineSettingsView, ...errors } } },
    async (req) => {
      requireStaff(req);
      return settings.view();
    },
  );
  app.put(
    "/supervision/deadlines",
    { config: forStaff(), schema: { tags: ["ratings"], summary: "修改办理时限 City supervisors and system administrators change the deadlines (for cases and tickets opened afterwards)", body: deadlineSettingsUpdate, response: { 200: deadlineSettingsView, ...errors } } },
    async (req) => settings.update(requireStaff(req), req.body, requestContext(req)),
  );
};
