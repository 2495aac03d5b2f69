import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../shared/schemas/common";
import { registryImportView, registryQuality } from "../../../shared/schemas/data";
import { forStaff, requestContext, requireStaff } from "../../http/auth-plugin";
import { DomainError } from "../../domain-error";
import { IMPORTABLE, REGISTRY_COLUMNS } from "./registry-import";
import type { RegistryImportService } from "./registry-import.service";

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 415: errorBody, 422: errorBody };
const registryParam = z.strictObject({ registry: z.enum(IMPORTABLE) });

/** 基础库导入与数据质量: data administrators load registries by file and watch their quality. */
export const registryImportRoutes: FastifyPluginAsyncZod<{ imports: RegistryImportService }> = async (app, { imports }) => {
  // The file is the body (CSV or .xlsx), read as bytes: its content decides what it is, not its name or type.
  for (const type of ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"]) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
  }

  app.post(
    "/admin/registries/:registry/imports",
    {
      config: forStaff("data_admin", "sys_admin"),
      schema: {
        tags: ["data"],
        summary: "导入基础库 Load a registry from a CSV or .xlsx file (body = the file; x-file-name optional): every row is checked; all apply, or none with a report of each bad row",
        params: registryParam,
        querystring: z.strictObject({ source: z.string().trim().min(2).max(40) }),
        response: { 200: z.object({ importId: z.string(), rows: z.number(), inserted: z.number(), updated: z.number() }), ...errors },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError("REGISTRY_FILE_INVALID");
      const name = typeof req.headers["x-file-name"] === "string" ? decodeURIComponent(req.headers["x-file-name"]).slice(0, 200) : null;
      return imports.import(requireStaff(req), req.params.registry, req.query.source, { body, name }, requestContext(req));
    },
  );

  app.get(
    "/admin/registries/:registry/template",
    { config: forStaff("data_admin", "sys_admin"), schema: { tags: ["data"], summary: "导入模板 The CSV template (header row) of a registry", params: registryParam } },
    async (req, reply) => {
      requireStaff(req);
      const header = REGISTRY_COLUMNS[req.params.registry].map((c) => c.header).join(",");
      return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${req.params.registry}-template.csv"`).send(`\uFEFF${header}\r\n`);
    },
  );

  app.get(
    "/admin/registries/imports",
    {
      config: forStaff("data_admin", "sys_admin"),
      schema: {
        tags: ["data"],
        summary: "导入记录 The latest registry imports, applied and rejected",
        response: {
          200: z.object({ items: z.array(registryImportView) }),
          ...errors,
        },
      },
    },
    async (req) => ({ items: await imports.history(requireStaff(req)) }),
  );

  app.get(
    "/admin/registries/quality",
    {
      config: forStaff("data_admin", "sys_admin"),
      schema: {
        tags: ["data"],
        summary: "数据质量 Completeness, validity, freshness and conflicts between sources, per registry and source department",
        response: {
          200: z.object({ items: z.array(registryQuality) }),
          ...errors,
        },
      },
    },
    async (req) => ({ items: await imports.quality(requireStaff(req)) }),
  );
};
