import type { FastifyPluginAsync } from "fastify";
import { catalogueAdminEndpoints as api } from "../../../shared/api/catalogue-admin";
import { route } from "../../http/endpoints";
import { sendXlsx, XLSX_TYPE } from "../../http/send-xlsx";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import { DomainError } from "../../domain-error";
import type { CatalogueAdminService } from "./catalogue-admin.service";
import type { ItemWorkflowService } from "./item-workflow.service";
import { chinaToday } from "../../../shared/china-time";

/** Catalogue editing and publication for 事项管理员 and reviewers, within their org subtree. */
const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

export const catalogueAdminRoutes: FastifyPluginAsync<{ admin: CatalogueAdminService; workflows: ItemWorkflowService }> = async (app, { admin, workflows }) => {
  
  route(app, api.getAdminCatalogueItemsByIdWorkflow, async (req) => workflows.get(requireStaff(req), req.params.id));
  route(app, api.putAdminCatalogueItemsByIdWorkflow, async (req) => workflows.save(requireStaff(req), req.params.id, req.body, requestContext(req)));

  app.addContentTypeParser(XLSX_TYPE, { parseAs: "buffer", bodyLimit: MAX_WORKBOOK_BYTES }, (_req, body, done) => done(null, body));
  route(app, api.getAdminCatalogueExport, async (req, reply) => {
    const buffer = await admin.exportWorkbook(requireStaff(req));
    return sendXlsx(reply, `catalogue-${chinaToday()}.xlsx`, buffer);
  });
  route(app, api.postAdminCatalogueImport, async (req) => {
    const body = req.body as unknown;
    // Checked by content, not by name: an .xlsx is a ZIP archive (PK\x03\x04).
    if (!Buffer.isBuffer(body) || body.length < 4 || body.readUInt32LE(0) !== 0x04034b50) throw new DomainError("UPLOAD_TYPE_INVALID");
    return admin.importWorkbook(requireStaff(req, "catalog_admin"), body, requestContext(req));
  });
  route(app, api.getAdminCatalogueItems, async (req) => admin.listItems(requireStaff(req), req.query.q, req.query.limit, req.query.offset));
  route(app, api.getAdminCatalogueBaseItems, async (req) => {
    requireStaff(req, "catalog_admin", "reviewer");
    return { items: await admin.listBaseItems() };
  });
  route(app, api.postAdminCatalogueBaseItems, (req) => admin.createBaseItem(requireStaff(req, "catalog_admin"), req.body, requestContext(req)));
  route(app, api.postAdminCatalogueItems, (req) => admin.createItem(requireStaff(req, "catalog_admin"), req.body, requestContext(req)));
  route(app, api.getAdminCatalogueItemsById, async (req) => admin.getItem(requireStaff(req), req.params.id));
  route(app, api.postAdminCatalogueItemsByIdDrafts, (req) => admin.createDraft(requireStaff(req), req.params.id, requestContext(req)));
  route(app, api.getAdminCatalogueItemsByIdDiff, async (req) => admin.diff(requireStaff(req), req.params.id, req.query.from, req.query.to));
  route(app, api.getAdminCatalogueVersionsByVersionId, async (req) => admin.getVersion(requireStaff(req), req.params.versionId));
  route(app, api.putAdminCatalogueVersionsByVersionId, async (req) => admin.saveDraft(requireStaff(req), req.params.versionId, req.body.lockVersion, req.body.content, requestContext(req)));
  route(app, api.postAdminCatalogueVersionsByVersionIdActions, async (req) => admin.act(requireStaff(req), req.params.versionId, req.body.action, req.body.comment, requestContext(req)));
};
