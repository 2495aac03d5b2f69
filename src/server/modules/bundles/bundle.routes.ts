import type { FastifyPluginAsync } from "fastify";
import { bundleEndpoints as api } from "../../../shared/api/bundle";
import { route } from "../../http/endpoints";
import { requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { BundleAdminService } from "./bundle-admin.service";
import type { BundleCatalogue } from "./bundle-catalogue";
import type { BundleService } from "./bundle.service";
import { sendPdf } from "../../http/send-pdf";

/** 一件事一次办: the bundles, their questions and plan (public), one submission and one result (citizens). */
export const bundleRoutes: FastifyPluginAsync<{ bundles: BundleService; catalogue: BundleCatalogue; admin: BundleAdminService }> = async (app, { bundles, catalogue, admin }) => {
  route(app, api.getBundles, async (req) => ({ items: await catalogue.list(req.query.regionCode) }));
  route(app, api.getBundlesByCode, async (req) => catalogue.get(req.params.code, req.query.regionCode));
  route(app, api.postBundlesByCodePlan, async (req) => catalogue.plan(req.params.code, req.body.answers, req.body.regionCode));
  route(app, api.postBundlesByCodePrefill, async (req) => bundles.prefill(requireCitizen(req), req.params.code, req.body.answers, req.body.regionCode, requestContext(req), req.body.selfRoles ?? []));
  route(app, api.postBundlesByCodeDocumentsByMaterialKeyPreview, async (req, reply) => {
    const doc = await bundles.previewDocument(requireCitizen(req), req.params.code, req.body.answers, req.body.regionCode, req.body.formData, req.params.materialKey);
    return sendPdf(reply, doc.fileName, doc.body, true);
  });
  route(app, api.postBundlesByCodeApplications, (req) => bundles.submit(requireCitizen(req), { ...req.body, bundleCode: req.params.code }, req.headers["idempotency-key"] ?? null, requestContext(req)));
  route(app, api.getMeBundleApplications, async (req) => ({ items: await bundles.listMine(requireCitizen(req), req.query.limit, req.query.offset) }));
  route(app, api.getBundleApplicationsById, async (req) => bundles.getForApplicant(requireCitizen(req), req.params.id));
  route(app, api.getAdminBundles, async (req) => ({ items: await admin.list(requireStaff(req)) }));
  route(app, api.getAdminBundlesByCode, async (req) => admin.get(requireStaff(req), req.params.code));
  route(app, api.postAdminBundlesPreview, async (req) => admin.preview(requireStaff(req), req.body.definition, req.body.answers, req.body.regionCode));
  route(app, api.putAdminBundlesByCode, async (req) => admin.save(requireStaff(req), req.params.code, req.body, requestContext(req)));
  route(app, api.postAdminBundlesByCodeStatus, async (req) => admin.setStatus(requireStaff(req), req.params.code, req.body, requestContext(req)));
};
