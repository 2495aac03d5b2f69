import { policyDetail, policySummary } from "../schemas/search";
import { uuid } from "../schemas/common";
import { z } from "zod";
import { anyone, endpoint } from "./endpoint";


/** The endpoints of modules/policy-library/policy.routes.ts. */
export const policyEndpoints = {
  getPolicies: endpoint({
    method: "GET",
    path: "/policies",
    access: anyone,
    tags: ["policies"],
    summary: "政策库 Policy documents, newest first, by status or tag (full-text search: /search?type=policy)",
    query: z.strictObject({ status: z.enum(["valid", "revised", "repealed"]).optional(), tag: z.string().trim().max(20).optional() }),
    response: z.object({ items: z.array(policySummary) }),
  }),
  getPoliciesById: endpoint({
    method: "GET",
    path: "/policies/:id",
    access: anyone,
    tags: ["policies"],
    summary: "政策文件 A policy document with its status, revisions and the services it governs",
    params: z.strictObject({ id: uuid }),
    response: policyDetail,
  }),
};
