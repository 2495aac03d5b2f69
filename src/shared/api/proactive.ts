import { rule } from "../rules";
import { assessedBenefit } from "../benefit";
import { z } from "zod";
import { okBody, uuid } from "../schemas/common";
import { citizens, staff, endpoint } from "./endpoint";

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const policyMatchView = z.object({
  id: z.string(),
  docNumber: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  audience: z.enum(["person", "enterprise"]),
  rule,
  notice: z.string(),
  matchStatus: z.enum(["pending", "done", "failed"]),
  matched: z.number(),
  notified: z.number(),
  matchedAt: z.string().nullable(),
});
export const id = z.strictObject({ id: uuid });
export const offer = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  orgName: z.string(),
  mode: z.enum(["consent", "opt_out"]),
  status: z.enum(["offered", "granted", "declined", "revoked"]),
  conditions: z.array(z.string()),
  replyBy: z.string().nullable(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  payment: z.string().nullable(),
  /** The amount, band and first pay date of a grant (null before the grant, or once stopped). */
  benefit: assessedBenefit.nullable(),
  decidedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  offeredAt: z.string(),
});

/** The endpoints of modules/proactive/proactive.routes.ts. */
export const proactiveEndpoints = {
  getMeBenefits: endpoint({
    method: "GET",
    path: "/me/benefits",
    access: citizens,
    tags: ["proactive"],
    summary: "我的待遇 Benefits offered or granted to me without applying (免申即享), with the conditions I met",
    response: z.object({ items: z.array(offer) }),
  }),
  postMeBenefitsById: endpoint({
    method: "POST",
    path: "/me/benefits/:id",
    access: citizens,
    tags: ["proactive"],
    summary: "同意或放弃 Consent (granted at once: an application decided by the item's rule) or decline; declining an opt-out offer objects to it",
    params: id,
    body: z.strictObject({ accept: z.boolean() }),
    response: offer,
  }),
  getBenefitOffers: endpoint({
    method: "GET",
    path: "/benefit-offers",
    access: staff(),
    tags: ["proactive"],
    summary: "免申即享办理情况 Offers and grants of items under my org (reviewers, approvers, supervisors)",
    response: z.object({ items: z.array(offer.extend({ personName: z.string() })) }),
  }),
  postBenefitOffersByIdRevoke: endpoint({
    method: "POST",
    path: "/benefit-offers/:id/revoke",
    access: staff(),
    tags: ["proactive"],
    summary: "撤销待遇 An approver or supervisor in scope revokes a grant with the reason (certificate revoked, payment stopped, citizen told)",
    params: id,
    body: z.strictObject({ reason: z.string().trim().min(2).max(500) }),
    response: okBody,
  }),
  getAdminPolicies: endpoint({
    method: "GET",
    path: "/admin/policies",
    access: staff("catalog_admin", "supervisor"),
    tags: ["proactive"],
    summary: "政策找人 Policies with eligibility rules issued under my org, with how many subjects each found and told",
    response: z.object({ items: z.array(policyMatchView) }),
  }),
  postAdminPolicies: endpoint({
    method: "POST",
    path: "/admin/policies",
    access: staff("catalog_admin", "supervisor"),
    tags: ["proactive"],
    summary: "发布政策并匹配 Publish a policy document with eligibility rules (catalogue administrators, supervisors); matching runs in the background",
    body: z.strictObject({
          docNumber: z.string().trim().min(4).max(60),
          title: z.string().trim().min(4).max(120),
          effectiveOn: isoDate,
          fullText: z.string().trim().min(10).max(20000),
          interpretation: z.string().trim().max(5000).optional(),
          tags: z.array(z.string().trim().min(1).max(20)).max(8).default([]),
          audience: z.enum(["person", "enterprise"]),
          rule,
          notice: z.string().trim().min(5).max(300),
        }),
    response: policyMatchView,
    status: 201,
  }),
  getAdminPoliciesById: endpoint({
    method: "GET",
    path: "/admin/policies/:id",
    access: staff("catalog_admin", "supervisor"),
    tags: ["proactive"],
    summary: "政策匹配情况 One policy's rule and match figures",
    params: id,
    response: policyMatchView,
  }),
  getAdminPoliciesByIdMatches: endpoint({
    method: "GET",
    path: "/admin/policies/:id/matches",
    access: staff("catalog_admin", "supervisor"),
    tags: ["proactive"],
    summary: "匹配名单 The enterprises or people a policy found, with the conditions each met (50 a page; the view is recorded)",
    params: id,
    query: z.strictObject({ page: z.coerce.number().int().min(1).max(100000).default(1) }),
    response: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(z.object({ subjectKind: z.enum(["person", "enterprise"]), name: z.string(), district: z.string(), conditions: z.array(z.string()), notified: z.boolean() })) }),
  }),
};
