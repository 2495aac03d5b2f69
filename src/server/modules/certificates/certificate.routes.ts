import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, int32, uuid } from "../../../shared/schemas/common";
import { forCitizen, forStaff, PUBLIC_ROUTE, requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { CertificatePayload, CertificateService } from "./certificate.service";
import { MAX_SHARE_HOURS, type CertificateShareService } from "./certificate-share.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const verification = z.object({
  valid: z.boolean(),
  reason: z.enum(["VALID", "NOT_FOUND", "SIGNATURE_INVALID", "MISMATCH", "EXPIRED", "SUSPENDED", "REVOKED"]),
  message: z.string(),
  certificate: z
    .object({ identifier: z.string(), typeName: z.string(), number: z.string(), issuerName: z.string(), holder: z.string(), issuedOn: z.string(), validFrom: z.string(), validTo: z.string().nullable() })
    .nullable(),
});
const seal = z.strictObject({ keyId: uuid, algorithm: z.string().max(20), signature: z.string().max(200) });
const document = z.strictObject({ payload: z.record(z.string(), z.unknown()), seal });

/** 电子证照: public verification (no login), the holder's wallet, and the issuer's status changes. */
export const certificateRoutes: FastifyPluginAsyncZod<{ certificates: CertificateService; shares: CertificateShareService }> = async (app, { certificates, shares }) => {
  app.get(
    "/certificates/verify",
    {
      config: PUBLIC_ROUTE,
      schema: {
        tags: ["certificates"],
        summary: "验证电子证照 Anyone checks a certificate by its identifier (the QR code's link): seal, status, validity; the holder is masked",
        security: [],
        querystring: z.strictObject({ id: z.string().trim().min(1).max(200) }),
        response: { 200: verification, ...errors },
      },
    },
    async (req) => certificates.verifyById(req.query.id),
  );

  app.post(
    "/certificates/verify",
    {
      config: { ...PUBLIC_ROUTE, csrf: false },
      schema: { tags: ["certificates"], summary: "验证证照文件 Anyone checks a downloaded certificate (payload and seal): a changed copy fails", security: [], body: document, response: { 200: verification, ...errors } },
    },
    async (req) => certificates.verifyDocument(req.body as unknown as { payload: CertificatePayload; seal: z.infer<typeof seal> }),
  );

  app.get(
    "/me/certificates",
    {
      config: forCitizen,
      schema: {
        tags: ["certificates"],
        summary: "我的证照 The holder's certificates (or their enterprise's when acting for it), each with its signed copy",
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), identifier: z.string(), typeName: z.string(), issuerName: z.string(), validFrom: z.string(), validTo: z.string().nullable(), status: z.enum(["valid", "expired", "suspended", "revoked"]), document: z.object({ payload: z.record(z.string(), z.unknown()), seal: z.object({ keyId: z.string(), algorithm: z.string(), signature: z.string() }) }) }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ items: await certificates.mine(requireCitizen(req)) }),
  );

  app.post(
    "/certificates/:id/status",
    {
      config: forStaff("approver", "sys_admin"),
      schema: {
        tags: ["certificates"],
        summary: "变更证照状态 The issuer suspends, reinstates or revokes (final) a certificate, with a reason",
        params: z.strictObject({ id: uuid }),
        body: z.strictObject({ status: z.enum(["valid", "suspended", "revoked"]), reason: z.string().trim().min(1).max(300) }),
        response: { 200: z.object({ id: z.string(), status: z.string() }), ...errors },
      },
    },
    async (req) => certificates.setStatus(requireStaff(req), req.params.id, req.body, requestContext(req)),
  );

  const shareView = z.object({ id: z.string(), purpose: z.string(), disclosed: z.array(z.string()), createdAt: z.string(), expiresAt: z.string(), uses: z.number(), status: z.enum(["active", "expired", "revoked"]) });
  app.post(
    "/me/certificates/:id/shares",
    {
      config: forCitizen,
      schema: {
        tags: ["certificates"],
        summary: "亮证 Share one certificate through a time-limited, purpose-stated link that discloses only the chosen fields (the token is shown once)",
        params: z.strictObject({ id: uuid }),
        body: z.strictObject({ purpose: z.string().trim().min(2).max(100), hours: int32.min(1).max(MAX_SHARE_HOURS), disclose: z.array(z.string().max(40)).max(20).default([]) }),
        response: { 201: z.object({ id: z.string(), token: z.string(), path: z.string(), expiresAt: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await shares.create(requireCitizen(req), req.params.id, req.body, requestContext(req))),
  );
  app.get(
    "/me/certificates/:id/shares",
    { config: forCitizen, schema: { tags: ["certificates"], summary: "亮证记录 The certificate's share links with their uses", params: z.strictObject({ id: uuid }), response: { 200: z.object({ items: z.array(shareView) }), ...errors } } },
    async (req) => ({ items: await shares.list(requireCitizen(req), req.params.id) }),
  );
  app.delete(
    "/me/certificates/shares/:shareId",
    { config: forCitizen, schema: { tags: ["certificates"], summary: "撤销亮证 Revoke a share link at once", params: z.strictObject({ shareId: uuid }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await shares.revoke(requireCitizen(req), req.params.shareId, requestContext(req));
      return reply.code(204).send(null);
    },
  );
  app.get(
    "/certificates/shared/:token",
    {
      config: PUBLIC_ROUTE,
      schema: {
        tags: ["certificates"],
        summary: "查看亮证 Anyone with a share link sees the checked certificate and the fields its holder disclosed; each use is logged (410 when expired or revoked)",
        security: [],
        params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
        response: { 200: verification.extend({ purpose: z.string(), expiresAt: z.string(), disclosed: z.array(z.object({ label: z.string(), value: z.string() })) }), ...errors, 410: errorBody },
      },
    },
    async (req) => shares.open(req.params.token, requestContext(req)),
  );
};
