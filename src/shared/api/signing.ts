import { z } from "zod";
import { uuid } from "../schemas/common";
import { bundleSubmitRequest } from "../schemas/bundle";
import { materialRefs } from "./applications";
import { citizens, endpoint } from "./endpoint";

const formData = z.record(z.string(), z.unknown());
const id = z.strictObject({ id: uuid });
const tags = ["signing"];

/** A submission to be signed: an item's (as POST /applications takes it) or a 一件事's (as its submission takes it). */
export const signingStartRequest = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("item"), application: z.strictObject({ itemId: uuid, formData, materials: materialRefs.optional(), dataConsent: z.boolean().optional() }) }),
  z.strictObject({ kind: z.literal("bundle"), bundleCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/), application: bundleSubmitRequest.omit({ prefillIds: true }) }),
]);

const status = z.enum(["collecting", "submitted", "refused", "expired", "failed"]);
export const signingView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["item", "bundle"]),
  status,
  statusName: z.string(),
  applicantName: z.string(),
  isApplicant: z.boolean(),
  createdAt: z.string(),
  deadline: z.string(),
  reason: z.string().nullable(),
  result: z.object({ id: z.string(), number: z.string(), link: z.string() }).nullable(),
  /** The documents to sign, each with its SHA-256 (a signer confirms exactly these). */
  documents: z.array(z.object({ key: z.string(), name: z.string(), sha256: z.string() })),
  signers: z.array(z.object({ name: z.string(), roles: z.array(z.enum(["applicant", "legalRep", "shareholder"])), status: z.enum(["pending", "signed", "refused", "closed"]), statusName: z.string(), signedAt: z.string().nullable(), reason: z.string().nullable() })),
  /** The reader's own signature, when they are asked to sign. */
  mine: z.object({ status: z.enum(["pending", "signed", "refused", "closed"]), roles: z.array(z.enum(["legalRep", "shareholder"])) }).nullable(),
  remindedAt: z.string().nullable(),
});

/** The endpoints of modules/signing: 多方在线签署. */
export const signingEndpoints = {
  postSigningRequests: endpoint({
    method: "POST",
    path: "/signing-requests",
    access: citizens,
    tags,
    summary: "发起在线签署 Start a signing request for a submission whose form names other people who must sign (shareholders, the legal representative); they are told at once, and it is submitted when all have signed",
    body: signingStartRequest,
    status: 201,
    response: signingView,
  }),
  getSigningRequests: endpoint({
    method: "GET",
    path: "/signing-requests",
    access: citizens,
    tags,
    summary: "我的签署 The signing requests the citizen started or is asked to sign",
    response: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), status, statusName: z.string(), deadline: z.string(), createdAt: z.string(), isApplicant: z.boolean(), applicantName: z.string(), myStatus: z.enum(["pending", "signed", "refused", "closed"]).nullable() })) }),
  }),
  getSigningRequestsById: endpoint({
    method: "GET",
    path: "/signing-requests/:id",
    access: citizens,
    tags,
    summary: "签署详情 A signing request as its applicant or a signer sees it: documents, who has signed, who is still missing",
    params: id,
    response: signingView,
  }),
  getSigningRequestsByIdDocumentsByKey: endpoint({
    method: "GET",
    path: "/signing-requests/:id/documents/:key",
    access: citizens,
    tags,
    summary: "待签署材料 One document to sign (PDF), made again and checked against the hash shown",
    params: z.strictObject({ id: uuid, key: z.string().regex(/^[a-z][a-z0-9_]{0,39}\.[a-z][a-z0-9_]{0,39}$/) }),
  }),
  postSigningRequestsByIdSign: endpoint({
    method: "POST",
    path: "/signing-requests/:id/sign",
    access: citizens,
    tags,
    summary: "签署 Sign in one's own session, confirming the documents by their SHA-256; the last signature submits",
    params: id,
    body: z.strictObject({ documents: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1).max(20) }),
    response: signingView,
  }),
  postSigningRequestsByIdRefuse: endpoint({
    method: "POST",
    path: "/signing-requests/:id/refuse",
    access: citizens,
    tags,
    summary: "拒签 Refuse with a reason: the request stops and the applicant is told",
    params: id,
    body: z.strictObject({ reason: z.string().trim().min(2).max(200) }),
    response: signingView,
  }),
  postSigningRequestsByIdRemind: endpoint({
    method: "POST",
    path: "/signing-requests/:id/remind",
    access: citizens,
    tags,
    summary: "提醒签署 The applicant reminds everyone who has not signed (at most once in ten minutes)",
    params: id,
    response: signingView,
  }),
};
