import { itemDetail } from "../schemas/catalogue";
import { uuid } from "../schemas/common";
import { browseQuery, catalogueEntry } from "../schemas/search";
import { z } from "zod";
import { catalogueAuditResponse } from "../schemas/audit";
import { anyone, staff, endpoint } from "./endpoint";


/** The endpoints of modules/catalogue/catalogue.routes.ts. */
export const catalogueEndpoints = {
  getCatalogueAudit: endpoint({
    method: "GET",
    path: "/catalogue/audit",
    access: staff("catalog_admin", "supervisor", "sys_admin"),
    tags: ["catalogue"],
    summary: "目录质量审计 Guide completeness and cross-level consistency in one's subtree (事项管理员、效能监督)",
    response: catalogueAuditResponse,
  }),
  getCatalogueItems: endpoint({
    method: "GET",
    path: "/catalogue/items",
    access: anyone,
    tags: ["catalogue"],
    summary: "事项目录 Published services by audience, theme, department, level, kind or district",
    query: browseQuery,
    response: z.object({ items: z.array(catalogueEntry) }),
  }),
  getCatalogueItemsById: endpoint({
    method: "GET",
    path: "/catalogue/items/:id",
    access: anyone,
    tags: ["catalogue"],
    summary: "办事指南 The published guide and form of one implementation item",
    params: z.strictObject({ id: uuid }),
    response: itemDetail,
  }),
};
