import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, int32, LIMITS, uuid } from "../../../shared/schemas/common";
import { forStaff, requestContext, requireStaff } from "../../http/auth-plugin";
import { DomainError } from "../../domain-error";
import type { CatalogueAdminService } from "./catalogue-admin.service";
import type { ItemWorkflowService } from "./item-workflow.service";
import { chinaToday } from "../../../shared/china-time";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const statuses = z.enum(["draft", "in_review", "published", "superseded", "rejected"]);

/** Catalogue editing and publication for 事项管理员 and reviewers, within their org subtree. */
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

export const catalogueAdminRoutes: FastifyPluginAsyncZod<{ admin: CatalogueAdminService; workflows: ItemWorkflowService }> = async (app, { admin, workflows }) => {
  const workflowView = z.object({ custom: z.boolean(), definition: z.record(z.string(), z.unknown()), template: z.string(), lockVersion: z.number(), canEdit: z.boolean() });
  app.get(
    "/admin/catalogue/items/:id/workflow",
    { config: forStaff("catalog_admin", "reviewer"), schema: { tags: ["catalogue-admin"], summary: "办理流程 The item's workflow definition (its own, or the template it uses)", params: z.strictObject({ id: uuid }), response: { 200: workflowView, ...errors } } },
    async (req) => workflows.get(requireStaff(req), req.params.id),
  );
  app.put(
    "/admin/catalogue/items/:id/workflow",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "编辑办理流程 Save the item's own workflow definition (validated: reachable states, no dead ends, roles, reasons), or null for the template",
        params: z.strictObject({ id: uuid }),
        body: z.strictObject({ definition: z.record(z.string(), z.unknown()).nullable(), lockVersion: int32.min(0) }),
        response: { 200: workflowView, ...errors },
      },
    },
    async (req) => workflows.save(requireStaff(req), req.params.id, req.body, requestContext(req)),
  );

  app.addContentTypeParser(XLSX, { parseAs: "buffer", bodyLimit: MAX_WORKBOOK_BYTES }, (_req, body, done) => done(null, body));

  app.get(
    "/admin/catalogue/export",
    { config: forStaff(), schema: { tags: ["catalogue-admin"], summary: "导出目录 The published catalogue of one's subtree as an .xlsx workbook (401/403 as JSON errors)" } },
    async (req, reply) => {
      const buffer = await admin.exportWorkbook(requireStaff(req));
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="catalogue-${chinaToday()}.xlsx"`)
        .send(buffer);
    },
  );

  app.post(
    "/admin/catalogue/import",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "导入目录 Upload an .xlsx workbook (as exported): all rows apply as new drafts, or none with a report of each bad cell",
        response: {
          200: z.object({ rows: z.number(), drafts: z.number(), implCodes: z.array(z.string()) }),
          ...errors,
          413: errorBody,
          415: errorBody,
          422: errorBody,
        },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      // Checked by content, not by name: an .xlsx is a ZIP archive (PK\x03\x04).
      if (!Buffer.isBuffer(body) || body.length < 4 || body.readUInt32LE(0) !== 0x04034b50) throw new DomainError("UPLOAD_TYPE_INVALID");
      return admin.importWorkbook(requireStaff(req, "catalog_admin"), body, requestContext(req));
    },
  );

  app.get(
    "/admin/catalogue/items",
    {
      config: forStaff(),
      schema: {
        tags: ["catalogue-admin"],
        summary: "事项管理列表 Items implemented in one's subtree, with their open draft",
        querystring: z.strictObject({
          q: z.string().trim().max(LIMITS.nameMax).optional(),
          limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({
            total: int32,
            items: z.array(
              z.object({
                id: z.string(),
                implCode: z.string(),
                basicCode: z.string(),
                name: z.string(),
                orgName: z.string(),
                level: z.string(),
                publishedVersion: z.number().nullable(),
                openVersionId: z.string().nullable(),
                openVersion: z.number().nullable(),
                openStatus: statuses.nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => admin.listItems(requireStaff(req), req.query.q, req.query.limit, req.query.offset),
  );

  app.get(
    "/admin/catalogue/base-items",
    {
      config: forStaff("catalog_admin", "reviewer"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "基本目录 Every base item (one code across all levels)",
        response: { 200: z.object({ items: z.array(z.object({ basicCode: z.string(), name: z.string(), kind: z.string(), departmentKey: z.string() })) }), ...errors },
      },
    },
    async (req) => {
      requireStaff(req, "catalog_admin", "reviewer");
      return { items: await admin.listBaseItems() };
    },
  );

  app.post(
    "/admin/catalogue/base-items",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "新增基本目录事项 Add a base item (city-level 事项管理员)",
        body: z.strictObject({
          basicCode: z.string().trim().toUpperCase(),
          name: z.string().trim().min(2).max(100),
          action: z.enum(["new", "change", "renew", "cancel", "none"]),
          departmentKey: z.string().regex(/^[A-Z]{2,10}$/),
          legalBasis: z.string().trim().min(2).max(1000),
        }),
        response: { 201: z.object({ basicCode: z.string(), name: z.string(), kind: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createBaseItem(requireStaff(req, "catalog_admin"), req.body, requestContext(req))),
  );

  app.post(
    "/admin/catalogue/items",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "新增实施清单事项 Implement a base item at an org of one's subtree (starts as a draft)",
        body: z.strictObject({ basicCode: z.string().trim().toUpperCase(), orgId: uuid }),
        response: { 201: z.object({ id: z.string(), implCode: z.string(), draftId: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createItem(requireStaff(req, "catalog_admin"), req.body, requestContext(req))),
  );

  app.get(
    "/admin/catalogue/items/:id",
    {
      config: forStaff("catalog_admin", "reviewer"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "事项版本 An item with every version (published versions are kept)",
        params: z.strictObject({ id: uuid }),
        response: {
          200: z.object({
            id: z.string(),
            implCode: z.string(),
            basicCode: z.string(),
            name: z.string(),
            orgName: z.string(),
            level: z.string(),
            canEdit: z.boolean(),
            canReview: z.boolean(),
            versions: z.array(
              z.object({
                id: z.string(),
                version: z.number(),
                status: statuses,
                createdAt: z.string(),
                createdByName: z.string().nullable(),
                submittedAt: z.string().nullable(),
                reviewedAt: z.string().nullable(),
                reviewedByName: z.string().nullable(),
                reviewComment: z.string().nullable(),
                publishedAt: z.string().nullable(),
                lockVersion: z.number(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => admin.getItem(requireStaff(req), req.params.id),
  );

  app.post(
    "/admin/catalogue/items/:id/drafts",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "新建草稿 Start a draft from the published version",
        params: z.strictObject({ id: uuid }),
        response: { 201: z.object({ id: z.string(), version: z.number() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createDraft(requireStaff(req), req.params.id, requestContext(req))),
  );

  app.get(
    "/admin/catalogue/items/:id/diff",
    {
      config: forStaff("catalog_admin", "reviewer"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "版本比较 What changed between two versions, in words",
        params: z.strictObject({ id: uuid }),
        querystring: z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: {
          200: z.object({ from: z.number(), to: z.number(), changes: z.array(z.object({ element: z.string(), kind: z.enum(["added", "removed", "changed"]), before: z.string().nullable(), after: z.string().nullable() })) }),
          ...errors,
        },
      },
    },
    async (req) => admin.diff(requireStaff(req), req.params.id, req.query.from, req.query.to),
  );

  app.get(
    "/admin/catalogue/versions/:versionId",
    {
      config: forStaff("catalog_admin", "reviewer"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "版本内容 The content of one version",
        params: z.strictObject({ versionId: uuid }),
        response: {
          200: z.object({ id: z.string(), itemId: z.string(), version: z.number(), status: statuses, lockVersion: z.number(), content: z.unknown(), reviewComment: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (req) => admin.getVersion(requireStaff(req), req.params.versionId),
  );

  app.put(
    "/admin/catalogue/versions/:versionId",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "保存草稿 Save a draft (whole content; lockVersion detects concurrent edits)",
        params: z.strictObject({ versionId: uuid }),
        body: z.strictObject({ lockVersion: int32.min(0), content: z.unknown() }),
        response: { 200: z.object({ lockVersion: z.number(), changes: z.number() }), ...errors },
      },
    },
    async (req) => admin.saveDraft(requireStaff(req), req.params.versionId, req.body.lockVersion, req.body.content, requestContext(req)),
  );

  app.post(
    "/admin/catalogue/versions/:versionId/actions",
    {
      config: forStaff("catalog_admin", "reviewer"),
      schema: {
        tags: ["catalogue-admin"],
        summary: "审核流转 submit / withdraw / approve (publishes) / reject (needs a reason)",
        params: z.strictObject({ versionId: uuid }),
        body: z.strictObject({ action: z.enum(["submit", "withdraw", "approve", "reject"]), comment: z.string().trim().max(500).optional() }),
        response: { 200: z.object({ status: statuses }), ...errors },
      },
    },
    async (req) => admin.act(requireStaff(req), req.params.versionId, req.body.action, req.body.comment, requestContext(req)),
  );
};
