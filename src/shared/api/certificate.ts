import { z } from "zod";
import { MAX_SHARE_HOURS } from "../certificate-types";
import { int32, uuid } from "../schemas/common";
import { anyone, citizens, staff, endpoint } from "./endpoint";

export const shareView = z.object({ id: z.string(), purpose: z.string(), disclosed: z.array(z.string()), createdAt: z.string(), expiresAt: z.string(), uses: z.number(), status: z.enum(["active", "expired", "revoked"]) });
export const seal = z.strictObject({ keyId: uuid, algorithm: z.string().max(20), signature: z.string().max(200) });
export const document = z.strictObject({ payload: z.record(z.string(), z.unknown()), seal });
export const verification = z.object({
  valid: z.boolean(),
  reason: z.enum(["VALID", "NOT_FOUND", "SIGNATURE_INVALID", "MISMATCH", "EXPIRED", "SUSPENDED", "REVOKED"]),
  message: z.string(),
  certificate: z
    .object({ identifier: z.string(), typeName: z.string(), number: z.string(), issuerName: z.string(), holder: z.string(), issuedOn: z.string(), validFrom: z.string(), validTo: z.string().nullable() })
    .nullable(),
});

/** The endpoints of modules/certificates/certificate.routes.ts. */
export const certificateEndpoints = {
  getCertificatesVerify: endpoint({
    method: "GET",
    path: "/certificates/verify",
    access: anyone,
    tags: ["certificates"],
    summary: "验证电子证照 Anyone checks a certificate by its identifier (the QR code's link): seal, status, validity; the holder is masked",
    query: z.strictObject({ id: z.string().trim().min(1).max(200) }),
    response: verification,
  }),
  postCertificatesVerify: endpoint({
    method: "POST",
    path: "/certificates/verify",
    access: anyone,
    tags: ["certificates"],
    summary: "验证证照文件 Anyone checks a downloaded certificate (payload and seal): a changed copy fails",
    body: document,
    response: verification,
    csrf: false,
  }),
  getMeCertificates: endpoint({
    method: "GET",
    path: "/me/certificates",
    access: citizens,
    tags: ["certificates"],
    summary: "我的证照 The holder's certificates (or their enterprise's when acting for it), each with its signed copy",
    response: z.object({
            items: z.array(
              z.object({ id: z.string(), identifier: z.string(), typeName: z.string(), issuerName: z.string(), validFrom: z.string(), validTo: z.string().nullable(), status: z.enum(["valid", "expired", "suspended", "revoked"]), document: z.object({ payload: z.looseObject({ type: z.string() }), seal: z.object({ keyId: z.string(), algorithm: z.string(), signature: z.string() }) }) }),
            ),
          }),
  }),
  postCertificatesByIdStatus: endpoint({
    method: "POST",
    path: "/certificates/:id/status",
    access: staff("approver", "sys_admin"),
    tags: ["certificates"],
    summary: "变更证照状态 The issuer suspends, reinstates or revokes (final) a certificate, with a reason",
    params: z.strictObject({ id: uuid }),
    body: z.strictObject({ status: z.enum(["valid", "suspended", "revoked"]), reason: z.string().trim().min(1).max(300) }),
    response: z.object({ id: z.string(), status: z.string() }),
  }),
  postMeCertificatesByIdShares: endpoint({
    method: "POST",
    path: "/me/certificates/:id/shares",
    access: citizens,
    tags: ["certificates"],
    summary: "亮证 Share one certificate through a time-limited, purpose-stated link that discloses only the chosen fields (the token is shown once)",
    params: z.strictObject({ id: uuid }),
    body: z.strictObject({ purpose: z.string().trim().min(2).max(100), hours: int32.min(1).max(MAX_SHARE_HOURS), disclose: z.array(z.string().max(40)).max(20).default([]) }),
    response: z.object({ id: z.string(), token: z.string(), path: z.string(), expiresAt: z.string() }),
    status: 201,
  }),
  getMeCertificatesByIdShares: endpoint({
    method: "GET",
    path: "/me/certificates/:id/shares",
    access: citizens,
    tags: ["certificates"],
    summary: "亮证记录 The certificate's share links with their uses",
    params: z.strictObject({ id: uuid }),
    response: z.object({ items: z.array(shareView) }),
  }),
  deleteMeCertificatesSharesByShareId: endpoint({
    method: "DELETE",
    path: "/me/certificates/shares/:shareId",
    access: citizens,
    tags: ["certificates"],
    summary: "撤销亮证 Revoke a share link at once",
    params: z.strictObject({ shareId: uuid }),
    response: z.null(),
    status: 204,
  }),
  getCertificatesSharedByToken: endpoint({
    errors: [410],
    method: "GET",
    path: "/certificates/shared/:token",
    access: anyone,
    tags: ["certificates"],
    summary: "查看亮证 Anyone with a share link sees the checked certificate and the fields its holder disclosed; each use is logged (410 when expired or revoked)",
    params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
    response: verification.extend({ purpose: z.string(), expiresAt: z.string(), disclosed: z.array(z.object({ label: z.string(), value: z.string() })) }),
  }),
};
