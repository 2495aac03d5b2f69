import { LIMITS, changeOf, int32, pageQuery, uuid } from "../schemas/common";
import { prefillRequest, prefillResponse, sharingRuleInput, sharingRuleView } from "../schemas/data";
import { dataAccessRecord } from "../schemas/identity";
import { z } from "zod";
import { citizens, signedIn, staff, endpoint } from "./endpoint";


/** The endpoints of modules/sharing/sharing.routes.ts. */
export const sharingEndpoints = {
  getMeDataAccess: endpoint({
    method: "GET",
    path: "/me/data-access",
    access: signedIn,
    tags: ["identity"],
    summary: "我的数据使用记录 Who used my personal data, when and why",
    query: pageQuery,
    response: z.object({ items: z.array(dataAccessRecord), total: int32 }),
  }),
  postCatalogueItemsByIdPrefill: endpoint({
    method: "POST",
    path: "/catalogue/items/:id/prefill",
    access: citizens,
    tags: ["data"],
    summary: "授权预填 With the applicant's consent, fill the item's form from the registries and certificates (each value with its source; the read is logged)",
    params: z.strictObject({ id: uuid }),
    body: prefillRequest,
    response: prefillResponse,
  }),
  getAdminSharingRules: endpoint({
    method: "GET",
    path: "/admin/sharing-rules",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "共享目录 Sharing rules of organisations in one's subtree (data administrators)",
    query: z.strictObject({ itemCode: z.string().regex(/^[A-Z]{2}\d{8}$/).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50), offset: z.coerce.number().int().min(0).default(0) }),
    response: z.object({ items: z.array(sharingRuleView) }),
  }),
  postAdminSharingRules: endpoint({
    method: "POST",
    path: "/admin/sharing-rules",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "新增共享规则 Add a sharing rule (data administrators above the org)",
    body: sharingRuleInput,
    response: sharingRuleView,
    status: 201,
  }),
  patchAdminSharingRulesById: endpoint({
    method: "PATCH",
    path: "/admin/sharing-rules/:id",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "修改共享规则 Change a rule's elements or note, suspend or reactivate it",
    params: z.strictObject({ id: uuid }),
    body: changeOf(z.strictObject({ elements: sharingRuleInput.shape.elements.optional(), status: z.enum(["active", "suspended"]).optional(), note: z.string().trim().max(200).optional() }), ["elements", "status", "note"]),
    response: sharingRuleView,
  }),
};
