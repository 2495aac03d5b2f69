import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rule } from "../../../shared/rules";
import { errorBody, okBody, uuid } from "../../../shared/schemas/common";
import { ruleTestRequest, ruleTestView } from "../../../shared/schemas/rules";
import { forStaff, requestContext, requireStaff } from "../../http/auth-plugin";
import type { AutoApprovalService } from "./auto-approval.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const grantMode = z.enum(["consent", "opt_out"]).nullable();
const view = z.object({ rule, version: z.number(), enabled: z.boolean(), tested: z.boolean(), grantMode, sampleEvery: z.number(), updatedBy: z.string(), updatedAt: z.string() }).nullable();
const id = z.strictObject({ id: uuid });

/** 秒批: an item's auto-approval rule, its switch, and the re-check of sampled automatic approvals. */
export const autoApprovalRoutes: FastifyPluginAsyncZod<{ autoApproval: AutoApprovalService }> = async (app, { autoApproval }) => {
  app.get(
    "/admin/catalogue/items/:id/auto-approval",
    { config: forStaff("catalog_admin", "supervisor", "sys_admin", "reviewer", "approver"), schema: { tags: ["rules"], summary: "秒批规则 An item's auto-approval rule (null when it has none)", params: id, response: { 200: z.object({ autoApproval: view }), ...errors } } },
    async (req) => ({ autoApproval: await autoApproval.get(requireStaff(req), req.params.id) }),
  );
  app.put(
    "/admin/catalogue/items/:id/auto-approval",
    { config: forStaff("catalog_admin"), schema: { tags: ["rules"], summary: "保存秒批规则 Catalogue administrators in scope; each save is a new version, off until tested and switched on (checked: RULE_INVALID); grantMode makes a benefit 免申即享", params: id, body: z.strictObject({ rule, grantMode: grantMode.optional() }), response: { 200: z.object({ autoApproval: view }), ...errors } } },
    async (req) => ({ autoApproval: await autoApproval.save(requireStaff(req), req.params.id, req.body.rule, requestContext(req), req.body.grantMode ?? null) }),
  );
  app.post(
    "/admin/catalogue/items/:id/auto-approval/test",
    {
      config: forStaff("catalog_admin", "supervisor"),
      schema: {
        tags: ["rules"],
        summary: "测试秒批规则 Test the item's saved rule against a person or enterprise; a tested version may be switched on (the read is logged)",
        params: id,
        body: ruleTestRequest.omit({ rule: true }),
        response: { 200: ruleTestView.extend({ version: z.number() }), ...errors },
      },
    },
    async (req) => autoApproval.test(requireStaff(req), req.params.id, req.body, requestContext(req)),
  );
  app.post(
    "/admin/catalogue/items/:id/auto-approval/enabled",
    { config: forStaff(), schema: { tags: ["rules"], summary: "开关秒批 Supervisors (or catalogue administrators) in scope switch auto-approval on or off; on needs the current version tested (RULE_UNTESTED)", params: id, body: z.strictObject({ enabled: z.boolean() }), response: { 200: z.object({ autoApproval: view }), ...errors } } },
    async (req) => ({ autoApproval: await autoApproval.setEnabled(requireStaff(req), req.params.id, req.body.enabled, requestContext(req)) }),
  );
  app.get(
    "/auto-approval/rules",
    {
      config: forStaff(),
      schema: {
        tags: ["rules"],
        summary: "秒批事项 Items in my subtree with an auto-approval rule: version, switch, tested, grant mode, approved and handed-to-people counts (supervisors, catalogue administrators)",
        response: { 200: z.object({ items: z.array(z.object({ itemId: z.string(), itemName: z.string(), orgName: z.string(), version: z.number(), enabled: z.boolean(), tested: z.boolean(), grantMode, approved: z.number(), toPeople: z.number() })) }), ...errors },
      },
    },
    async (req) => ({ items: await autoApproval.rulesInScope(requireStaff(req)) }),
  );
  app.get(
    "/auto-approval/checks",
    {
      config: forStaff(),
      schema: {
        tags: ["rules"],
        summary: "秒批抽检 Sampled automatic approvals waiting for a person's re-check (reviewers, approvers, supervisors in scope)",
        response: { 200: z.object({ items: z.array(z.object({ applicationId: z.string(), number: z.string(), applicantName: z.string(), orgName: z.string(), ruleVersion: z.number(), conditions: z.array(z.string()), decidedAt: z.string() })) }), ...errors },
      },
    },
    async (req) => ({ items: await autoApproval.pendingChecks(requireStaff(req)) }),
  );
  app.post(
    "/auto-approval/checks/:id",
    { config: forStaff(), schema: { tags: ["rules"], summary: "抽检结论 Confirm a sampled automatic approval or flag it with the reason", params: id, body: z.strictObject({ status: z.enum(["confirmed", "flagged"]), note: z.string().trim().max(500).optional() }), response: { 200: okBody, ...errors } } },
    async (req) => {
      await autoApproval.check(requireStaff(req), req.params.id, req.body, requestContext(req));
      return { ok: true as const };
    },
  );
};
