import type { FastifyPluginAsync } from "fastify";
import { applicationEndpoints as api } from "../../../shared/api/applications";
import { requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { ApplicationService } from "./application.service";
import type { DraftService } from "./draft.service";

/** 办件: the routes of shared/api/applications.ts, each one service call. */
export const applicationRoutes: FastifyPluginAsync<{ applications: ApplicationService; drafts: DraftService }> = async (app, { applications, drafts }) => {
  route(app, api.drafts, async (req) => ({ items: await drafts.list(requireCitizen(req)) }));
  route(app, api.draft, (req, { params }) => drafts.get(requireCitizen(req), params.itemId));
  route(app, api.saveDraft, (req, { params, body }) => drafts.save(requireCitizen(req), params.itemId, body));
  route(app, api.discardDraft, async (req, { params }) => {
    await drafts.discard(requireCitizen(req), params.itemId);
    return null;
  });
  route(app, api.submit, (req, { body, headers }) => applications.submit(requireCitizen(req), body, headers["idempotency-key"] ?? null, requestContext(req)));
  route(app, api.oneClick, (req, { params, headers }) => applications.oneClick(requireCitizen(req), params.id, headers["idempotency-key"], requestContext(req)));
  route(app, api.submitAtWindow, (req, { body, headers }) => applications.submitAtWindow(requireStaff(req, "window_clerk"), body, requestContext(req), headers["idempotency-key"] ?? null));
  route(app, api.mine, async (req, { query }) => ({ items: await applications.listMine(requireCitizen(req), query.limit, query.offset) }));
  route(app, api.inbox, (req, { query }) =>
    applications.inbox(
      requireStaff(req),
      {
        states: query.state ? query.state.split(",") : null,
        overdue: query.overdue === "true",
        dueSoon: query.dueSoon === "true",
        assigned: query.assigned ?? null,
        q: query.q ?? null,
        itemId: query.itemId ?? null,
        channel: query.channel ?? null,
      },
      query.limit,
      query.offset,
    ),
  );
  route(app, api.assign, (req, { params, body }) => applications.assign(requireStaff(req), params.id, body, requestContext(req)));
  route(app, api.get, (req, { params }) => applications.get(requireActor(req), params.id, requestContext(req)));
  route(app, api.assignees, async (req, { params }) => ({ items: await applications.assignees(requireStaff(req), params.id) }));
  route(app, api.document, (req, { params }) => applications.document(requireActor(req), params.id, params.kind));
  route(app, api.act, (req, { params, body }) => applications.act(requireActor(req), params.id, body, requestContext(req)));
};
