import type { FastifyPluginAsync } from "fastify";
import { signingEndpoints as api } from "../../../shared/api/signing";
import { requestContext, requireCitizen } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import { sendPdf } from "../../http/send-pdf";
import type { SigningService } from "./signing.service";

/** 多方在线签署: start, read, sign, refuse, remind. */
export const signingRoutes: FastifyPluginAsync<{ signing: SigningService }> = async (app, { signing }) => {
  route(app, api.postSigningRequests, (req) => signing.start(requireCitizen(req), req.body, requestContext(req)));
  route(app, api.getSigningRequests, async (req) => ({ items: await signing.listMine(requireCitizen(req)) }));
  route(app, api.getSigningRequestsById, (req) => signing.view(requireCitizen(req), req.params.id));
  route(app, api.getSigningRequestsByIdDocumentsByKey, async (req, reply) => {
    const doc = await signing.document(requireCitizen(req), req.params.id, req.params.key);
    reply.header("x-document-sha256", doc.sha256);
    return sendPdf(reply, doc.fileName, doc.body, true);
  });
  route(app, api.postSigningRequestsByIdSign, (req) => signing.sign(requireCitizen(req), req.params.id, req.body.documents, requestContext(req)));
  route(app, api.postSigningRequestsByIdRefuse, (req) => signing.refuse(requireCitizen(req), req.params.id, req.body.reason, requestContext(req)));
  route(app, api.postSigningRequestsByIdRemind, (req) => signing.remind(requireCitizen(req), req.params.id, requestContext(req)));
};
