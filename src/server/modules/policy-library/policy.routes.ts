import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, uuid } from "../../../shared/schemas/common";
import { policyDetail, policySummary } from "../../../shared/schemas/search";
import { PUBLIC_ROUTE as PUBLIC } from "../../http/auth-plugin";
import type { PolicyService } from "./policy.service";

/** The public policy library (full-text search goes through /search?type=policy). */
export const policyRoutes: FastifyPluginAsyncZod<{ policies: PolicyService }> = async (app, deps) => {
  app.get(
    "/policies",
    {
      config: PUBLIC,
      schema: {
        tags: ["policies"],
        summary: "政策库 Policy documents, newest first, by status or tag (full-text search: /search?type=policy)",
        querystring: z.strictObject({ status: z.enum(["valid", "revised", "repealed"]).optional(), tag: z.string().trim().max(20).optional() }),
        response: { 200: z.object({ items: z.array(policySummary) }), 400: errorBody },
      },
    },
    async (req) => ({ items: await deps.policies.list(req.query) }),
  );

  app.get(
    "/policies/:id",
    {
      config: PUBLIC,
      schema: {
        tags: ["policies"],
        summary: "政策文件 A policy document with its status, revisions and the services it governs",
        params: z.strictObject({ id: uuid }),
        response: { 200: policyDetail, 400: errorBody, 404: errorBody },
      },
    },
    async (req) => deps.policies.get(req.params.id),
  );
};
