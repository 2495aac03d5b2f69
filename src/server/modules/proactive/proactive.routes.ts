import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rule } from "../../../shared/rules";
import { errorBody, okBody, uuid } from "../../../shared/schemas/common";
import { forCitizen, forStaff, requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { BenefitService } from "./benefit.service";
import type { PolicyMatchService } from "./policy-match.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const id = z.strictObject({ id: uuid });
const offer = z.object({
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
  decidedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  offeredAt: z.string(),
});
const policyMatchView = z.object({
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
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** 免申即享 offers and grants, and 政策找人. */
export const proactiveRoutes: FastifyPluginAsyncZod<{ benefits: BenefitService; policyMatch: PolicyMatchService }> = async (app, { benefits, policyMatch }) => {
  app.get(
    "/me/benefits",
    { config: forCitizen, schema: { tags: ["proactive"], summary: "我的待遇 Benefits offered or granted to me without applying (免申即享), with the conditions I met", response: { 200: z.object({ items: z.array(offer) }), ...errors } } },
    async (req) => ({ items: await benefits.mine(requireCitizen(req)) }),
  );
  app.post(
    "/me/benefits/:id",
    { config: forCitizen, schema: { tags: ["proactive"], summary: "同意或放弃 Consent (granted at once: an application decided by the item's rule) or decline; declining an opt-out offer objects to it", params: id, body: z.strictObject({ accept: z.boolean() }), response: { 200: offer, ...errors } } },
    async (req) => benefits.respond(requireCitizen(req), req.params.id, req.body.accept, requestContext(req)),
  );
  app.get(
    "/benefit-offers",
    { config: forStaff(), schema: { tags: ["proactive"], summary: "免申即享办理情况 Offers and grants of items under my org (reviewers, approvers, supervisors)", response: { 200: z.object({ items: z.array(offer.extend({ personName: z.string() })) }), ...errors } } },
    async (req) => ({ items: await benefits.underMe(requireStaff(req)) }),
  );
  app.post(
    "/benefit-offers/:id/revoke",
    { config: forStaff(), schema: { tags: ["proactive"], summary: "撤销待遇 An approver or supervisor in scope revokes a grant with the reason (certificate revoked, payment stopped, citizen told)", params: id, body: z.strictObject({ reason: z.string().trim().min(2).max(500) }), response: { 200: okBody, ...errors } } },
    async (req) => {
      await benefits.revoke(requireStaff(req), req.params.id, req.body.reason, requestContext(req));
      return { ok: true as const };
    },
  );

  app.get(
    "/admin/policies",
    { config: forStaff("catalog_admin", "supervisor"), schema: { tags: ["proactive"], summary: "政策找人 Policies with eligibility rules issued under my org, with how many subjects each found and told", response: { 200: z.object({ items: z.array(policyMatchView) }), ...errors } } },
    async (req) => ({ items: await policyMatch.list(requireStaff(req)) }),
  );
  app.post(
    "/admin/policies",
    {
      config: forStaff("catalog_admin", "supervisor"),
      schema: {
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
        response: { 201: policyMatchView, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await policyMatch.publish(requireStaff(req), req.body, requestContext(req))),
  );
  app.get(
    "/admin/policies/:id",
    { config: forStaff("catalog_admin", "supervisor"), schema: { tags: ["proactive"], summary: "政策匹配情况 One policy's rule and match figures", params: id, response: { 200: policyMatchView, ...errors } } },
    async (req) => policyMatch.get(requireStaff(req), req.params.id),
  );
  app.get(
    "/admin/policies/:id/matches",
    {
      config: forStaff("catalog_admin", "supervisor"),
      schema: {
        tags: ["proactive"],
        summary: "匹配名单 The enterprises or people a policy found, with the conditions each met (50 a page; the view is recorded)",
        params: id,
        querystring: z.strictObject({ page: z.coerce.number().int().min(1).max(100000).default(1) }),
        response: { 200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(z.object({ subjectKind: z.enum(["person", "enterprise"]), name: z.string(), district: z.string(), conditions: z.array(z.string()), notified: z.boolean() })) }), ...errors },
      },
    },
    async (req) => policyMatch.matches(requireStaff(req), req.params.id, req.query.page, requestContext(req)),
  );
};
