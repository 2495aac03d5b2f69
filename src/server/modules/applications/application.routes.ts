import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, idNumber, int32, LIMITS, uuid } from "../../../shared/schemas/common";
import { forCitizen, forStaff, requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import { DOCUMENT_KINDS, printableDocument } from "../../../shared/schemas/documents";
import type { ApplicationService } from "./application.service";
import type { DraftService } from "./draft.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const light = z.enum(["green", "yellow", "red"]).nullable();
const receipt = z.object({
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
const summary = z.object({
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
const materialRefs = z.array(z.strictObject({ materialKey: z.string().min(1).max(60), fileId: uuid })).max(60);
const page = { limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) };

/** 办件: online submission (with Idempotency-Key), my applications, the staff inbox, detail and actions. */
export const applicationRoutes: FastifyPluginAsyncZod<{ applications: ApplicationService; drafts: DraftService }> = async (app, { applications, drafts }) => {
  const draft = z.object({ itemId: z.string(), formData: z.record(z.string(), z.unknown()), materials: z.array(z.object({ materialKey: z.string(), fileId: z.string() })), lockVersion: z.number(), updatedAt: z.string() });
  app.get(
    "/drafts",
    { config: forCitizen, schema: { tags: ["applications"], summary: "我的草稿 My saved drafts", response: { 200: z.object({ items: z.array(z.object({ itemId: z.string(), itemName: z.string(), updatedAt: z.string() })) }), ...errors } } },
    async (req) => ({ items: await drafts.list(requireCitizen(req)) }),
  );
  app.get(
    "/drafts/:itemId",
    { config: forCitizen, schema: { tags: ["applications"], summary: "读取草稿 The saved draft for an item (continue on another device)", params: z.strictObject({ itemId: uuid }), response: { 200: draft, ...errors } } },
    async (req) => drafts.get(requireCitizen(req), req.params.itemId),
  );
  app.put(
    "/drafts/:itemId",
    {
      config: forCitizen,
      schema: {
        tags: ["applications"],
        summary: "保存草稿 Save (autosave) the draft; lockVersion null creates it, a stale lockVersion gets 409 DRAFT_CHANGED",
        params: z.strictObject({ itemId: uuid }),
        body: z.strictObject({ formData: z.record(z.string(), z.unknown()), materials: materialRefs.default([]), lockVersion: int32.min(0).nullable() }),
        response: { 200: draft, ...errors },
      },
    },
    async (req) => drafts.save(requireCitizen(req), req.params.itemId, req.body),
  );
  app.delete(
    "/drafts/:itemId",
    { config: forCitizen, schema: { tags: ["applications"], summary: "删除草稿 Discard the draft", params: z.strictObject({ itemId: uuid }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await drafts.discard(requireCitizen(req), req.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/applications",
    {
      config: forCitizen,
      schema: {
        tags: ["applications"],
        summary: "提交申请 Submit an application online; an Idempotency-Key header makes retries return the same receipt (受理回执)",
        headers: z.object({ "idempotency-key": z.string().trim().min(8).max(100).optional() }).passthrough(),
        body: z.strictObject({ itemId: uuid, formData: z.record(z.string(), z.unknown()), materials: materialRefs.optional(), prefillId: uuid.optional(), dataConsent: z.boolean().optional() }),
        response: { 201: receipt, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await applications.submit(requireCitizen(req), req.body, req.headers["idempotency-key"] ?? null, requestContext(req))),
  );

  app.post(
    "/catalogue/items/:id/one-click",
    {
      config: forCitizen,
      schema: {
        tags: ["applications"],
        summary: "一键申请 Agree that government data fills the form and stands in for materials, and submit with no typing; ONE_CLICK_INCOMPLETE names the fields to fill in yourself. Idempotency-Key required",
        params: z.strictObject({ id: uuid }),
        headers: z.object({ "idempotency-key": z.string().trim().min(8).max(100) }).passthrough(),
        body: z.strictObject({ consent: z.literal(true) }),
        response: { 201: receipt, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await applications.oneClick(requireCitizen(req), req.params.id, req.headers["idempotency-key"], requestContext(req))),
  );

  app.post(
    "/window/applications",
    {
      config: forStaff("window_clerk"),
      schema: {
        tags: ["applications"],
        summary: "窗口收件 A window clerk applies for a walk-in person (by ID number; routed to the competent org for 全市通办 items); an Idempotency-Key header makes retries and double clicks safe",
        headers: z.object({ "idempotency-key": z.string().trim().min(8).max(100).optional() }).passthrough(),
        body: z.strictObject({ itemId: uuid, idNumber, formData: z.record(z.string(), z.unknown()), materials: materialRefs.optional(), dataConsent: z.boolean().optional() }),
        response: { 201: receipt, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await applications.submitAtWindow(requireStaff(req, "window_clerk"), req.body, requestContext(req), req.headers["idempotency-key"] ?? null)),
  );

  app.get(
    "/applications",
    {
      config: forCitizen,
      schema: { tags: ["applications"], summary: "我的办件 My applications (or my enterprise's when acting for it)", querystring: z.strictObject(page), response: { 200: z.object({ items: z.array(summary) }), ...errors } },
    },
    async (req) => ({ items: await applications.listMine(requireCitizen(req), req.query.limit, req.query.offset) }),
  );

  app.get(
    "/applications/inbox",
    {
      config: forStaff(),
      schema: {
        tags: ["applications"],
        summary: "待办 Applications handled in one's org subtree (supervisors: their government level's, read-only but for assignment): by state, overdue (已超期), due soon (即将到期, one working day or less), claimed by me or unclaimed, by number or applicant name, item and channel; nearest deadline first",
        querystring: z.strictObject({
          state: z.string().regex(/^[a-z_,]+$/).optional(),
          overdue: z.enum(["true", "false"]).optional(),
          dueSoon: z.enum(["true", "false"]).optional(),
          assigned: z.enum(["me", "none"]).optional(),
          q: z.string().trim().min(1).max(40).optional(),
          itemId: uuid.optional(),
          channel: z.enum(["online", "window", "mobile", "agent"]).optional(),
          ...page,
        }),
        response: { 200: z.object({ items: z.array(summary), hasMore: z.boolean() }), ...errors },
      },
    },
    async (req) =>
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
        },
        req.query.limit,
        req.query.offset,
      ),
  );

  app.post(
    "/applications/:id/assignment",
    {
      config: forStaff(),
      schema: {
        tags: ["applications"],
        summary: "认领 / 指派 Claim the application for oneself (assigneeAccountId null), or assign it to a colleague (supervisors and approvers)",
        params: z.strictObject({ id: uuid }),
        body: z.strictObject({ assigneeAccountId: uuid.nullable(), lockVersion: int32.min(0) }),
        response: { 200: receipt, ...errors },
      },
    },
    async (req) => applications.assign(requireStaff(req), req.params.id, req.body, requestContext(req)),
  );

  app.get(
    "/applications/:id",
    {
      schema: {
        tags: ["applications"],
        summary: "办件详情 An application with its timeline and the actions open to the caller",
        params: z.strictObject({ id: uuid }),
        response: {
          200: receipt.extend({
            itemId: z.string(),
            formData: z.record(z.string(), z.unknown()),
            applicantName: z.string(),
            channel: z.string(),
            assigneeName: z.string().nullable(),
            documents: z.array(z.enum(DOCUMENT_KINDS)),
            certificates: z.array(z.object({ identifier: z.string(), typeName: z.string(), number: z.string(), status: z.string() })),
            waivedMaterials: z.number(),
            prefilledFields: z.number(),
            dataConsentAt: z.string().nullable(),
            evidence: z.array(z.object({ materialKey: z.string(), materialName: z.string(), source: z.string(), typeName: z.string().nullable(), element: z.string().nullable(), number: z.string().nullable(), identifier: z.string().nullable(), issuerName: z.string().nullable() })),
            lockVersion: z.number(),
            materials: z.array(z.object({ fileId: z.string(), materialKey: z.string().nullable(), materialName: z.string().nullable(), fileName: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string() })),
            actions: z.array(z.object({ key: z.string(), name: z.string(), reasonRequired: z.boolean(), supplement: z.boolean() })),
            timeline: z.array(z.object({ action: z.string(), actionName: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string(), opinion: z.string().nullable(), details: z.record(z.string(), z.unknown()), at: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => applications.get(requireActor(req), req.params.id, requestContext(req)),
  );

  app.get(
    "/applications/:id/assignees",
    {
      config: forStaff(),
      schema: {
        tags: ["applications"],
        summary: "可指派人员 Colleagues who may take the current step (for supervisors and approvers of the handling org)",
        params: z.strictObject({ id: uuid }),
        response: { 200: z.object({ items: z.array(z.object({ accountId: z.string(), name: z.string(), orgName: z.string() })) }), ...errors },
      },
    },
    async (req) => ({ items: await applications.assignees(requireStaff(req), req.params.id) }),
  );

  app.get(
    "/applications/:id/documents/:kind",
    {
      schema: {
        tags: ["applications"],
        summary: "文书 A printable document: receipt 受理回执, acceptance 受理通知书, supplement 补正告知书, rejection 不予受理决定书, decision 准予/不予决定书",
        params: z.strictObject({ id: uuid, kind: z.enum(DOCUMENT_KINDS) }),
        response: {
          200: printableDocument,
          ...errors,
        },
      },
    },
    async (req) => applications.document(requireActor(req), req.params.id, req.params.kind),
  );

  app.post(
    "/applications/:id/actions",
    {
      schema: {
        tags: ["applications"],
        summary: "办理 Take a workflow action; lockVersion detects concurrent handling (409 APPLICATION_CHANGED)",
        params: z.strictObject({ id: uuid }),
        body: z.strictObject({
          action: z.string().regex(/^[a-z_]{1,40}$/),
          opinion: z.string().trim().max(1000).optional(),
          lockVersion: int32.min(0),
          supplementItems: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
          formData: z.record(z.string(), z.unknown()).optional(),
          materials: materialRefs.optional(),
        }),
        response: { 200: receipt, ...errors },
      },
    },
    async (req) => applications.act(requireActor(req), req.params.id, req.body, requestContext(req)),
  );
};
