import { okBody, uuid } from "../schemas/common";
import { ruleTestRequest, ruleTestView } from "../schemas/rules";
import { z } from "zod";
import { rule } from "../rules";
import { staff, endpoint } from "./endpoint";

export const grantMode = z.enum(["consent", "opt_out"]).nullable();
export const view = z.object({ rule, version: z.number(), enabled: z.boolean(), tested: z.boolean(), grantMode, sampleEvery: z.number(), updatedBy: z.string(), updatedAt: z.string() }).nullable();
export const id = z.strictObject({ id: uuid });

/** The endpoints of modules/auto-approval/auto-approval.routes.ts. */
export const autoApprovalEndpoints = {
  getAdminCatalogueItemsByIdAutoApproval: endpoint({
    method: "GET",
    path: "/admin/catalogue/items/:id/auto-approval",
    access: staff("catalog_admin", "supervisor", "sys_admin", "reviewer", "approver"),
    tags: ["rules"],
    summary: "秒批规则 An item's auto-approval rule (null when it has none)",
    params: id,
    response: z.object({ autoApproval: view }),
  }),
  putAdminCatalogueItemsByIdAutoApproval: endpoint({
    method: "PUT",
    path: "/admin/catalogue/items/:id/auto-approval",
    access: staff("catalog_admin"),
    tags: ["rules"],
    summary: "保存秒批规则 Catalogue administrators in scope; each save is a new version, off until tested and switched on (checked: RULE_INVALID); grantMode makes a benefit 免申即享",
    params: id,
    body: z.strictObject({ rule, grantMode: grantMode.optional() }),
    response: z.object({ autoApproval: view }),
  }),
  postAdminCatalogueItemsByIdAutoApprovalTest: endpoint({
    method: "POST",
    path: "/admin/catalogue/items/:id/auto-approval/test",
    access: staff("catalog_admin", "supervisor"),
    tags: ["rules"],
    summary: "测试秒批规则 Test the item's saved rule against a person or enterprise; a tested version may be switched on (the read is logged)",
    params: id,
    body: ruleTestRequest.omit({ rule: true }),
    response: ruleTestView.extend({ version: z.number() }),
  }),
  postAdminCatalogueItemsByIdAutoApprovalEnabled: endpoint({
    method: "POST",
    path: "/admin/catalogue/items/:id/auto-approval/enabled",
    access: staff(),
    tags: ["rules"],
    summary: "开关秒批 Supervisors (or catalogue administrators) in scope switch auto-approval on or off; on needs the current version tested (RULE_UNTESTED)",
    params: id,
    body: z.strictObject({ enabled: z.boolean() }),
    response: z.object({ autoApproval: view }),
  }),
  getAutoApprovalRules: endpoint({
    method: "GET",
    path: "/auto-approval/rules",
    access: staff(),
    tags: ["rules"],
    summary: "秒批事项 Items in my subtree with an auto-approval rule: version, switch, tested, grant mode, approved and handed-to-people counts (supervisors, catalogue administrators)",
    response: z.object({ items: z.array(z.object({ itemId: z.string(), itemName: z.string(), orgName: z.string(), version: z.number(), enabled: z.boolean(), tested: z.boolean(), grantMode, approved: z.number(), toPeople: z.number() })) }),
  }),
  getAutoApprovalChecks: endpoint({
    method: "GET",
    path: "/auto-approval/checks",
    access: staff(),
    tags: ["rules"],
    summary: "秒批抽检 Sampled automatic approvals waiting for a person's re-check (reviewers, approvers, supervisors in scope)",
    response: z.object({ items: z.array(z.object({ applicationId: z.string(), number: z.string(), applicantName: z.string(), orgName: z.string(), ruleVersion: z.number(), conditions: z.array(z.string()), decidedAt: z.string() })) }),
  }),
  postAutoApprovalChecksById: endpoint({
    method: "POST",
    path: "/auto-approval/checks/:id",
    access: staff(),
    tags: ["rules"],
    summary: "抽检结论 Confirm a sampled automatic approval or flag it with the reason",
    params: id,
    body: z.strictObject({ status: z.enum(["confirmed", "flagged"]), note: z.string().trim().max(500).optional() }),
    response: okBody,
  }),
};
