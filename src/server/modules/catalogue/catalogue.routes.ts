import type { FastifyPluginAsync } from "fastify";
import { catalogueEndpoints as api } from "../../../shared/api/catalogue";
import { route } from "../../http/endpoints";
import { requireStaff } from "../../http/auth-plugin";
import { requestLang } from "../../http/lang";
import type { CatalogueAuditService } from "./catalogue-audit.service";
import type { CatalogueService } from "./catalogue.service";

/** The public catalogue and guides, and the quality audit for administrators and supervisors. */
export const catalogueRoutes: FastifyPluginAsync<{ catalogue: CatalogueService; audit: CatalogueAuditService }> = async (app, deps) => {
  route(app, api.getCatalogueAudit, async (req) => deps.audit.run(requireStaff(req, "catalog_admin", "supervisor", "sys_admin")));
  route(app, api.getCatalogueItems, async (req) => ({
    items: await deps.catalogue.browse(
      { audience: req.query.audience, theme: req.query.theme, department: req.query.department, level: req.query.level, kind: req.query.kind, regionCode: req.query.region },
      requestLang(req),
    ),
  }));
  route(app, api.getCatalogueItemsById, async (req) => deps.catalogue.getItem(req.params.id, requestLang(req)));
};
