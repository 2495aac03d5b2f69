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
};
