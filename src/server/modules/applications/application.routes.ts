import type { FastifyPluginAsync } from "fastify";
import { applicationEndpoints as api } from "../../../shared/api/applications";
import { requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { ApplicationService } from "./application.service";
import type { DraftService } from "./draft.service";

/** 办件: the routes of shared/api/applications.ts, each one service call. */
export const applicationRoutes: FastifyPluginAsync<{ applications: ApplicationService; drafts: DraftService }> = async (app, { applications, drafts }) => {
  route(app, api.drafts, async (req) => ({ items: await drafts.list(requireCitizen(req)) }));
  route(app, api.draft, (req) => drafts.get(requireCitizen(req), req.params.itemId));
  route(app, api.saveDraft, (req) => drafts.save(requireCitizen(req), req.params.itemId, req.body));
  route(app, api.discardDraft, async (req) => {
    await drafts.discard(requireCitizen(req), req.params.itemId);
    return null;
  });
  route(app, api.submit, (req) => applications.submit(requireCitizen(req), req.body, req.headers["idempotency-key"] ?? null, requestContext(req)));
  route(app, api.oneClick, (req) => applications.oneClick(requireCitizen(req), req.params.id, req.headers["idempotency-key"], requestContext(req)));
  route(app, api.submitAtWindow, (req) => applications.submitAtWindow(requireStaff(req, "window_clerk"), req.body, requestContext(req), req.headers["idempotency-key"] ?? null));
  route(app, api.mine, async (req) => ({ items: await applications.listMine(requireCitizen(req), req.query.limit, req.query.offset) }));
  route(app, api.inbox, (req) =>
    applications.inbox(
      requireStaff(req),
      {
        states: req.query.state ? req.query.state.split(",") : null,
        overdue: req.query.overdue === "true",
        dueSoon: req.query.dueSoon === "true",
        assigned: req.query.assigned ?? null,
        q: req.query.q ?? null,
        itemId: req.query.itemId ?? null,
        channel: req.query.channel ?? null,
        orgId: req.query.orgId ?? null,
      },
      req.query.limit,
      req.query.offset,
    ),
  );
  route(app, api.inboxSummary, (req) => applications.inboxSummary(requireStaff(req), req.query.orgId ?? null));
  route(app, api.assign, (req) => applications.assign(requireStaff(req), req.params.id, req.body, requestContext(req)));
  route(app, api.get, (req) => applications.get(requireActor(req), req.params.id, requestContext(req)));
  route(app, api.assignees, async (req) => ({ items: await applications.assignees(requireStaff(req), req.params.id) }));
  route(app, api.document, (req) => applications.document(requireActor(req), req.params.id, req.params.kind));
  route(app, api.act, (req) => applications.act(requireActor(req), req.params.id, req.body, requestContext(req)));
};
