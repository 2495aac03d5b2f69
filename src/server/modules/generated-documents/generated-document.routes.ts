import type { FastifyPluginAsync } from "fastify";
import { generatedDocumentEndpoints as api } from "../../../shared/api/generated-document";
import { route } from "../../http/endpoints";
import { requestContext, requireActor } from "../../http/auth-plugin";
import { sendPdf } from "../../http/send-pdf";
import type { GeneratedDocumentService } from "./generated-document.service";

/** 系统生成材料: open an application's generated document; preview one before submitting. */
export const generatedDocumentRoutes: FastifyPluginAsync<{ documents: GeneratedDocumentService }> = async (app, { documents }) => {
  route(app, api.getApplicationsByIdGeneratedByMaterialKey, async (req, reply) => {
    const doc = await documents.read(requireActor(req), req.params.id, req.params.materialKey, requestContext(req));
    reply.header("x-document-sha256", doc.sha256);
    return sendPdf(reply, doc.fileName, doc.body, !!req.query.preview && !req.query.download);
  });
  route(app, api.postCatalogueItemsByIdDocumentsByMaterialKeyPreview, async (req, reply) => {
    const actor = requireActor(req);
    const doc = await documents.preview(req.params.id, req.params.materialKey, req.body.formData, actor.actingFor?.name ?? actor.name);
    return sendPdf(reply, doc.fileName, doc.body, true);
  });
};
