import type { FastifyPluginAsync } from "fastify";
import { registryImportEndpoints as api } from "../../../shared/api/registry-import";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import { DomainError } from "../../domain-error";
import { REGISTRY_COLUMNS } from "./registry-import";
import type { RegistryImportService } from "./registry-import.service";

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** 基础库导入与数据质量: data administrators load registries by file and watch their quality. */
export const registryImportRoutes: FastifyPluginAsync<{ imports: RegistryImportService }> = async (app, { imports }) => {
  // The file is the body (CSV or .xlsx), read as bytes: its content decides what it is, not its name or type.
  for (const type of ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"]) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
  }
  route(app, api.postAdminRegistriesByRegistryImports, async (req) => {
    const body = req.body as unknown;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError("REGISTRY_FILE_INVALID");
    const name = typeof req.headers["x-file-name"] === "string" ? decodeURIComponent(req.headers["x-file-name"]).slice(0, 200) : null;
    return imports.import(requireStaff(req), req.params.registry, req.query.source, { body, name }, requestContext(req));
  });
  route(app, api.getAdminRegistriesByRegistryTemplate, async (req, reply) => {
    requireStaff(req);
    const header = REGISTRY_COLUMNS[req.params.registry].map((c) => c.header).join(",");
    return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${req.params.registry}-template.csv"`).send(`\uFEFF${header}\r\n`);
  });
  route(app, api.getAdminRegistriesImports, async (req) => ({ items: await imports.history(requireStaff(req)) }));
  route(app, api.getAdminRegistriesQuality, async (req) => ({ items: await imports.quality(requireStaff(req)) }));
};
