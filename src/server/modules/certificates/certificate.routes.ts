import type { FastifyPluginAsync } from "fastify";
import { certificateEndpoints as api, seal } from "../../../shared/api/certificate";
import { route } from "../../http/endpoints";
import { z } from "zod";
import { requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { CertificatePayload, CertificateService } from "./certificate.service";
import { type CertificateShareService } from "./certificate-share.service";

/** 电子证照: public verification (no login), the holder's wallet, and the issuer's status changes. */
export const certificateRoutes: FastifyPluginAsync<{ certificates: CertificateService; shares: CertificateShareService }> = async (app, { certificates, shares }) => {
  route(app, api.getCertificatesVerify, async (req) => certificates.verifyById(req.query.id));
  route(app, api.postCertificatesVerify, async (req) => certificates.verifyDocument(req.body as unknown as { payload: CertificatePayload; seal: z.infer<typeof seal> }));
  route(app, api.getMeCertificates, async (req) => ({ items: await certificates.mine(requireCitizen(req)) }));
  route(app, api.postCertificatesByIdStatus, async (req) => certificates.setStatus(requireStaff(req), req.params.id, req.body, requestContext(req)));

  
  route(app, api.postMeCertificatesByIdShares, (req) => shares.create(requireCitizen(req), req.params.id, req.body, requestContext(req)));
  route(app, api.getMeCertificatesByIdShares, async (req) => ({ items: await shares.list(requireCitizen(req), req.params.id) }));
  route(app, api.deleteMeCertificatesSharesByShareId, async (req) => {
    await shares.revoke(requireCitizen(req), req.params.shareId, requestContext(req));
    return null;
  });
  route(app, api.getCertificatesSharedByToken, async (req) => shares.open(req.params.token, requestContext(req)));
};
