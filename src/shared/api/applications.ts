import { z } from "zod";
import { idNumber, int32, LIMITS, uuid } from "../schemas/common";
import { DOCUMENT_KINDS, printableDocument } from "../schemas/documents";
import { citizens, endpoint, signedIn, staff } from "./endpoint";
import { assessedBenefit } from "../benefit";

const tags = ["applications"] as const;
const light = z.enum(["green", "yellow", "red"]).nullable();
const formData = z.record(z.string(), z.unknown());

/** 受理回执: what a submission or an action answers with. */
export const receipt = z.object({
  id: z.string(),
  number: z.string(),
  state: z.string(),
  stateName: z.string(),
  outcome: z.string().nullable(),
  submittedAt: z.string(),
  committedDeadline: z.string().nullable(),
  legalDeadline: z.string().nullable(),
  deadlineBeyondCalendar: z.boolean(),
  stepDeadline: z.string().nullable(),
  light,
});

/** One line of 我的办件 or the staff inbox. */
export const applicationSummary = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  handlingOrgName: z.string(),
  state: z.string(),
  stateName: z.string(),
  outcome: z.string().nullable(),
  submittedAt: z.string(),
  committedDeadline: z.string().nullable(),
  light,
  applicantName: z.string(),
  stepDeadline: z.string().nullable(),
  channel: z.string(),
  assigneeName: z.string().nullable(),
});

/** An application as its applicant or staff see it: form, materials, evidence, actions open to the caller, timeline. */
export const applicationDetail = receipt.extend({
  itemId: z.string(),
  formData,
  applicantName: z.string(),
  channel: z.string(),
  assigneeName: z.string().nullable(),
  documents: z.array(z.enum(DOCUMENT_KINDS)),
  /** 待遇: the amount, band and first pay date assessed on approval of a benefit; `stopped` once revoked. */
  benefit: assessedBenefit.extend({ stopped: z.boolean() }).nullable(),
  certificates: z.array(z.object({ identifier: z.string(), typeName: z.string(), number: z.string(), status: z.string() })),
  waivedMaterials: z.number(),
  prefilledFields: z.number(),
  dataConsentAt: z.string().nullable(),
  evidence: z.array(z.object({ materialKey: z.string(), materialName: z.string(), source: z.string(), typeName: z.string().nullable(), element: z.string().nullable(), number: z.string().nullable(), identifier: z.string().nullable(), issuerName: z.string().nullable() })),
  /** The form's fields filled from a base registry with consent (the registry's code; shown as its name beside the field). */
  prefilled: z.array(z.object({ fieldKey: z.string(), registry: z.string() })),
  lockVersion: z.number(),
  materials: z.array(z.object({ fileId: z.string(), materialKey: z.string().nullable(), materialName: z.string().nullable(), fileName: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string() })),
  /**
   * 系统生成材料: documents produced from the form and sealed (open at /applications/:id/generated/:materialKey).
   * Rendered after the submission commits: until then `size` and `sha256` are null (opening one renders it).
   */
  generated: z.array(z.object({ materialKey: z.string(), materialName: z.string(), fileName: z.string(), size: z.number().nullable(), sha256: z.string().nullable(), createdAt: z.string() })),
  actions: z.array(z.object({ key: z.string(), name: z.string(), reasonRequired: z.boolean(), supplement: z.boolean() })),
  // An entry's details: the items a 补正 asked for, and whatever else the action recorded.
  timeline: z.array(z.object({ action: z.string(), actionName: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string(), opinion: z.string().nullable(), details: z.looseObject({ supplementItems: z.array(z.string()).optional() }), at: z.string() })),
});

export const materialRefs = z.array(z.strictObject({ materialKey: z.string().min(1).max(60), fileId: uuid })).max(60);
const page = { limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) };
const idempotencyKey = z.string().trim().min(8).max(100);
const draft = z.object({ itemId: z.string(), formData, materials: z.array(z.object({ materialKey: z.string(), fileId: z.string() })), lockVersion: z.number(), updatedAt: z.string() });

/** 办件: drafts, online and window submission (Idempotency-Key), 一键申请, my applications, the inbox, detail, documents and actions. */
export const applicationEndpoints = {
  drafts: endpoint({
    method: "GET",
    path: "/drafts",
    tags,
    access: citizens,
    summary: "我的草稿 My saved drafts",
    response: z.object({ items: z.array(z.object({ itemId: z.string(), itemName: z.string(), updatedAt: z.string() })) }),
  }),
  draft: endpoint({
    method: "GET",
    path: "/drafts/:itemId",
    tags,
    access: citizens,
    summary: "读取草稿 The saved draft for an item (continue on another device)",
    params: z.strictObject({ itemId: uuid }),
    response: draft,
  }),
  saveDraft: endpoint({
    method: "PUT",
    path: "/drafts/:itemId",
    tags,
    access: citizens,
    summary: "保存草稿 Save (autosave) the draft; lockVersion null creates it, a stale lockVersion gets 409 DRAFT_CHANGED",
    params: z.strictObject({ itemId: uuid }),
    body: z.strictObject({ formData, materials: materialRefs.default([]), lockVersion: int32.min(0).nullable() }),
    response: draft,
  }),
  discardDraft: endpoint({
    method: "DELETE",
    path: "/drafts/:itemId",
    tags,
    access: citizens,
    summary: "删除草稿 Discard the draft",
    params: z.strictObject({ itemId: uuid }),
    status: 204,
    response: z.null(),
  }),
  submit: endpoint({
    method: "POST",
    path: "/applications",
    tags,
    access: citizens,
    summary: "提交申请 Submit an application online; an Idempotency-Key header makes retries return the same receipt (受理回执)",
    headers: z.object({ "idempotency-key": idempotencyKey.optional() }).passthrough(),
    body: z.strictObject({ itemId: uuid, formData, materials: materialRefs.optional(), prefillId: uuid.optional(), dataConsent: z.boolean().optional(), promise: z.literal(true).optional() }),
    status: 201,
    response: receipt,
  }),
  oneClick: endpoint({
    method: "POST",
    path: "/catalogue/items/:id/one-click",
    tags,
    access: citizens,
    summary: "一键申请 Agree that government data fills the form and stands in for materials, and submit with no typing; ONE_CLICK_INCOMPLETE names the fields to fill in yourself. Idempotency-Key required",
    params: z.strictObject({ id: uuid }),
    headers: z.object({ "idempotency-key": idempotencyKey }).passthrough(),
    body: z.strictObject({ consent: z.literal(true) }),
    status: 201,
    response: receipt,
  }),
  submitAtWindow: endpoint({
    method: "POST",
    path: "/window/applications",
    tags,
    access: staff("window_clerk"),
    summary: "窗口收件 A window clerk applies for a walk-in person (by ID number; routed to the competent org for 全市通办 items); an Idempotency-Key header makes retries and double clicks safe",
    headers: z.object({ "idempotency-key": idempotencyKey.optional() }).passthrough(),
    body: z.strictObject({ itemId: uuid, idNumber, formData, materials: materialRefs.optional(), dataConsent: z.boolean().optional() }),
    status: 201,
    response: receipt,
  }),
  mine: endpoint({
    method: "GET",
    path: "/applications",
    tags,
    access: citizens,
    summary: "我的办件 My applications (or my enterprise's when acting for it)",
    query: z.strictObject(page),
    response: z.object({ items: z.array(applicationSummary) }),
  }),
  inbox: endpoint({
    method: "GET",
    path: "/applications/inbox",
    tags,
    access: staff(),
    clientScope: "applications.read",
    summary: "待办 Applications handled in one's org subtree (supervisors: their government level's, read-only but for assignment): by state, overdue (已超期), due soon (即将到期, one working day or less), claimed by me or unclaimed, by number or applicant name, item and channel; nearest deadline first",
    query: z.strictObject({
      state: z.string().regex(/^[a-z_,]+$/).optional(),
      overdue: z.enum(["true", "false"]).optional(),
      dueSoon: z.enum(["true", "false"]).optional(),
      assigned: z.enum(["me", "none"]).optional(),
      q: z.string().trim().min(1).max(40).optional(),
      itemId: uuid.optional(),
      channel: z.enum(["online", "window", "mobile", "agent"]).optional(),
      orgId: uuid.optional(),
      ...page,
    }),
    response: z.object({ items: z.array(applicationSummary), hasMore: z.boolean() }),
  }),
  inboxSummary: endpoint({
    method: "GET",
    path: "/applications/inbox/summary",
    tags,
    access: staff(),
    summary: "待办统计 The inbox's tabs with counts: one per unfinished state of the workflows at work in one's subtree (in workflow order, `actionable` where the caller's roles act), overdue, due soon, claimed by me, and the departments with unfinished applications",
    query: z.strictObject({ orgId: uuid.optional() }),
    response: z.object({
      tabs: z.array(z.object({ state: z.string(), name: z.string(), count: z.number(), actionable: z.boolean() })),
      open: z.number(),
      overdue: z.number(),
      dueSoon: z.number(),
      mine: z.number(),
      departments: z.array(z.object({ orgId: z.string(), orgName: z.string(), open: z.number(), overdue: z.number() })),
    }),
  }),
  assign: endpoint({
    method: "POST",
    path: "/applications/:id/assignment",
    tags,
    access: staff(),
    clientScope: "applications.act",
    summary: "认领 / 指派 Claim the application for oneself (assigneeAccountId null), or assign it to a colleague (supervisors and approvers)",
    params: z.strictObject({ id: uuid }),
    body: z.strictObject({ assigneeAccountId: uuid.nullable(), lockVersion: int32.min(0) }),
    response: receipt,
  }),
  get: endpoint({
    method: "GET",
    path: "/applications/:id",
    tags,
    access: signedIn,
    clientScope: "applications.read",
    summary: "办件详情 An application with its timeline and the actions open to the caller",
    params: z.strictObject({ id: uuid }),
    response: applicationDetail,
  }),
  assignees: endpoint({
    method: "GET",
    path: "/applications/:id/assignees",
    tags,
    access: staff(),
    summary: "可指派人员 Colleagues who may take the current step (for supervisors and approvers of the handling org)",
    params: z.strictObject({ id: uuid }),
    response: z.object({ items: z.array(z.object({ accountId: z.string(), name: z.string(), orgName: z.string() })) }),
  }),
  document: endpoint({
    method: "GET",
    path: "/applications/:id/documents/:kind",
    tags,
    access: signedIn,
    clientScope: "applications.read",
    summary: "文书 A printable document: receipt 受理回执, acceptance 受理通知书, supplement 补正告知书, rejection 不予受理决定书, decision 准予/不予决定书",
    params: z.strictObject({ id: uuid, kind: z.enum(DOCUMENT_KINDS) }),
    response: printableDocument,
  }),
  act: endpoint({
    method: "POST",
    path: "/applications/:id/actions",
    tags,
    access: signedIn,
    clientScope: "applications.act",
    summary: "办理 Take a workflow action; lockVersion detects concurrent handling (409 APPLICATION_CHANGED)",
    params: z.strictObject({ id: uuid }),
    body: z.strictObject({
      action: z.string().regex(/^[a-z_]{1,40}$/),
      opinion: z.string().trim().max(1000).optional(),
      lockVersion: int32.min(0),
      supplementItems: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
      formData: formData.optional(),
      materials: materialRefs.optional(),
      /** On approval, a department system allowed to issue certificates gives the certificate's data (its fields by name), over what the form supplies. */
      certificateData: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/), z.string().trim().min(1).max(500)).optional(),
    }),
    response: receipt,
  }),
};
