import type { FastifyPluginAsync } from "fastify";
import { autoApprovalEndpoints as api } from "../../../shared/api/auto-approval";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { AutoApprovalService } from "./auto-approval.service";

/** 秒批: an item's auto-approval rule, its switch, and the re-check of sampled automatic approvals. */
export const autoApprovalRoutes: FastifyPluginAsync<{ autoApproval: AutoApprovalService }> = async (app, { autoApproval }) => {
  route(app, api.getAdminCatalogueItemsByIdAutoApproval, async (req) => ({ autoApproval: await autoApproval.get(requireStaff(req), req.params.id) }));
  route(app, api.putAdminCatalogueItemsByIdAutoApproval, async (req) => ({ autoApproval: await autoApproval.save(requireStaff(req), req.params.id, req.body.rule, requestContext(req), req.body.grantMode ?? null) }));
  route(app, api.postAdminCatalogueItemsByIdAutoApprovalTest, async (req) => autoApproval.test(requireStaff(req), req.params.id, req.body, requestContext(req)));
  route(app, api.postAdminCatalogueItemsByIdAutoApprovalEnabled, async (req) => ({ autoApproval: await autoApproval.setEnabled(requireStaff(req), req.params.id, req.body.enabled, requestContext(req)) }));
  route(app, api.getAutoApprovalRules, async (req) => ({ items: await autoApproval.rulesInScope(requireStaff(req)) }));
  route(app, api.getAutoApprovalChecks, async (req) => ({ items: await autoApproval.pendingChecks(requireStaff(req)) }));
  route(app, api.postAutoApprovalChecksById, async (req) => {
    await autoApproval.check(requireStaff(req), req.params.id, req.body, requestContext(req));
    return { ok: true as const };
  });
};
