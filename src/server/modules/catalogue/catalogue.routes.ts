import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { catalogueAuditResponse } from "../../../shared/schemas/audit";
import { itemDetail } from "../../../shared/schemas/catalogue";
import { errorBody, uuid } from "../../../shared/schemas/common";
import { browseQuery, catalogueEntry } from "../../../shared/schemas/search";
import { forStaff, PUBLIC_ROUTE as PUBLIC, requireStaff } from "../../http/auth-plugin";
import { requestLang } from "../../http/lang";
import type { CatalogueAuditService } from "./catalogue-audit.service";
import type { CatalogueService } from "./catalogue.service";

/** The public catalogue and guides, and the quality audit for administrators and supervisors. */
export const catalogueRoutes: FastifyPluginAsyncZod<{ catalogue: CatalogueService; audit: CatalogueAuditService }> = async (app, deps) => {
  app.get(
    "/catalogue/audit",
    {
      config: forStaff("catalog_admin", "supervisor", "sys_admin"),
      schema: {
        tags: ["catalogue"],
        summary: "目录质量审计 Guide completeness and cross-level consistency in one's subtree (事项管理员、效能监督)",
        response: { 200: catalogueAuditResponse, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => deps.audit.run(requireStaff(req, "catalog_admin", "supervisor", "sys_admin")),
  );

  app.get(
    "/catalogue/items",
    {
      config: PUBLIC,
      schema: {
        tags: ["catalogue"],
        summary: "事项目录 Published services by audience, theme, department, level, kind or district",
        querystring: browseQuery,
        response: { 200: z.object({ items: z.array(catalogueEntry) }), 400: errorBody },
      },
    },
    async (req) => ({
      items: await deps.catalogue.browse(
        { audience: req.query.audience, theme: req.query.theme, department: req.query.department, level: req.query.level, kind: req.query.kind, regionCode: req.query.region },
        requestLang(req),
      ),
    }),
  );

  app.get(
    "/catalogue/items/:id",
    {
      config: PUBLIC,
      schema: {
        tags: ["catalogue"],
        summary: "办事指南 The published guide and form of one implementation item",
        params: z.strictObject({ id: uuid }),
        response: { 200: itemDetail, 400: errorBody, 404: errorBody },
      },
    },
    async (req) => deps.catalogue.getItem(req.params.id, requestLang(req)),
  );
};
