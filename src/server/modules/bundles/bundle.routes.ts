import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, int32, LIMITS, uuid } from "../../../shared/schemas/common";
import { bundleAdminSummary, bundleAdminView, bundleApplicationView, bundlePlanRequest, bundlePlanView, bundlePrefillRequest, bundlePrefillView, bundlePreviewRequest, bundlePreviewView, bundleSubmitRequest, bundleSummary, bundleView } from "../../../shared/schemas/bundle";
import { forCitizen, forStaff, PUBLIC_ROUTE, requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { BundleAdminService } from "./bundle-admin.service";
import type { BundleCatalogue } from "./bundle-catalogue";
import type { BundleService } from "./bundle.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const code = z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/) });
const region = z.strictObject({ regionCode: z.string().regex(/^31\d{4}$/).optional() });

/** 一件事一次办: the bundles, their questions and plan (public), one submission and one result (citizens). */
export const bundleRoutes: FastifyPluginAsyncZod<{ bundles: BundleService; catalogue: BundleCatalogue; admin: BundleAdminService }> = async (app, { bundles, catalogue, admin }) => {
  app.get(
    "/bundles",
    { config: PUBLIC_ROUTE, schema: { tags: ["bundles"], summary: "一件事 The bundles offered, each with its reduction against separate applications", querystring: region, response: { 200: z.object({ items: z.array(bundleSummary) }), ...errors } } },
    async (req) => ({ items: await catalogue.list(req.query.regionCode) }),
  );
  app.get(
    "/bundles/:code",
    { config: PUBLIC_ROUTE, schema: { tags: ["bundles"], summary: "一件事 A bundle: questions, items, departments and the reduction", params: code, querystring: region, response: { 200: bundleView, ...errors } } },
    async (req) => catalogue.get(req.params.code, req.query.regionCode),
  );
  app.post(
    "/bundles/:code/plan",
    {
      // Reads only: anyone may work out their plan, without a session.
      config: { ...PUBLIC_ROUTE, csrf: false },
      schema: {
        tags: ["bundles"],
        summary: "情形引导 From the answers: which items apply and why, the one merged form, the one set of materials and the reduction",
        params: code,
        body: bundlePlanRequest,
        response: { 200: bundlePlanView, ...errors },
      },
    },
    async (req) => catalogue.plan(req.params.code, req.body.answers, req.body.regionCode),
  );
  app.post(
    "/bundles/:code/prefill",
    {
      config: forCitizen,
      schema: {
        tags: ["bundles"],
        summary: "授权预填 With the applicant's consent, fill the one form from the registries and certificates, each item under its department's sharing rules (every read logged)",
        params: code,
        body: bundlePrefillRequest,
        response: { 200: bundlePrefillView, ...errors },
      },
    },
    async (req) => bundles.prefill(requireCitizen(req), req.params.code, req.body.answers, req.body.regionCode, requestContext(req)),
  );
  app.post(
    "/bundles/:code/applications",
    {
      config: forCitizen,
      schema: {
        tags: ["bundles"],
        summary: "一表申请 Submit a bundle once: all its items are created in one transaction (an Idempotency-Key header makes retries safe)",
        params: code,
        headers: z.object({ "idempotency-key": z.string().trim().min(8).max(100).optional() }).passthrough(),
        body: bundleSubmitRequest,
        response: { 201: bundleApplicationView, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await bundles.submit(requireCitizen(req), { ...req.body, bundleCode: req.params.code }, req.headers["idempotency-key"] ?? null, requestContext(req))),
  );
  app.get(
    "/me/bundle-applications",
    {
      config: forCitizen,
      schema: {
        tags: ["bundles"],
        summary: "我的一件事 The citizen's bundle applications",
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(bundleApplicationView) }), ...errors },
      },
    },
    async (req) => ({ items: await bundles.listMine(requireCitizen(req), req.query.limit, req.query.offset) }),
  );
  app.get(
    "/bundle-applications/:id",
    { config: forCitizen, schema: { tags: ["bundles"], summary: "一件事办理结果 Every item of the bundle, its state, decision and certificates (the applicant only)", params: z.strictObject({ id: uuid }), response: { 200: bundleApplicationView, ...errors } } },
    async (req) => bundles.getForApplicant(requireCitizen(req), req.params.id),
  );
  app.get(
    "/admin/bundles",
    { config: forStaff("catalog_admin", "sys_admin"), schema: { tags: ["bundles"], summary: "一件事管理 Every bundle definition with its status (city catalogue and system administrators)", response: { 200: z.object({ items: z.array(bundleAdminSummary) }), ...errors } } },
    async (req) => ({ items: await admin.list(requireStaff(req)) }),
  );
  app.get(
    "/admin/bundles/:code",
    { config: forStaff("catalog_admin", "sys_admin"), schema: { tags: ["bundles"], summary: "一件事定义 A bundle's definition for editing", params: code, response: { 200: bundleAdminView, ...errors } } },
    async (req) => admin.get(requireStaff(req), req.params.code),
  );
  app.post(
    "/admin/bundles/preview",
    {
      config: forStaff("catalog_admin", "sys_admin"),
      schema: {
        tags: ["bundles"],
        summary: "检查并预览 Check a definition (structure, cycles, unreachable items, binding to the catalogue) and preview the plan for sample answers, without saving",
        body: bundlePreviewRequest,
        response: { 200: bundlePreviewView, ...errors },
      },
    },
    async (req) => admin.preview(requireStaff(req), req.body.definition, req.body.answers, req.body.regionCode),
  );
  app.put(
    "/admin/bundles/:code",
    {
      config: forStaff("catalog_admin", "sys_admin"),
      schema: {
        tags: ["bundles"],
        summary: "保存一件事 Create a definition (as a draft) or change one (lockVersion); refused with each problem",
        params: code,
        body: z.strictObject({ definition: z.unknown(), lockVersion: int32.min(1).optional() }),
        response: { 200: bundleAdminView, ...errors },
      },
    },
    async (req) => admin.save(requireStaff(req), req.params.code, req.body, requestContext(req)),
  );
  app.post(
    "/admin/bundles/:code/status",
    {
      config: forStaff("catalog_admin", "sys_admin"),
      schema: {
        tags: ["bundles"],
        summary: "发布或停用一件事 Publish or withdraw a bundle",
        params: code,
        body: z.strictObject({ status: z.enum(["published", "withdrawn"]), lockVersion: int32.min(1) }),
        response: { 200: z.object({ code: z.string(), status: z.string(), lockVersion: z.number() }), ...errors },
      },
    },
    async (req) => admin.setStatus(requireStaff(req), req.params.code, req.body, requestContext(req)),
  );
};
