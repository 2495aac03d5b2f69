import { orgNode } from "../schemas/staff";
import { uuid } from "../schemas/common";
import { z } from "zod";
import { anyone, endpoint } from "./endpoint";


/** The endpoints of modules/orgs/org.routes.ts. */
export const orgEndpoints = {
  getOrgs: endpoint({
    method: "GET",
    path: "/orgs",
    access: anyone,
    tags: ["orgs"],
    summary: "机构树 Children of an org (the roots without parentId); public",
    query: z.strictObject({ parentId: uuid.optional() }),
    response: z.object({ items: z.array(orgNode) }),
  }),
  getDivisions: endpoint({
    method: "GET",
    path: "/divisions",
    access: anyone,
    tags: ["orgs"],
    summary: "行政区划 The city's districts, or a district's streets and towns (parent: its 6-digit code), for address pickers; public",
    query: z.strictObject({ parent: z.string().regex(/^31\d{4}$/, "须为本市的区级行政区划代码").optional() }),
    response: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) }),
  }),
};
