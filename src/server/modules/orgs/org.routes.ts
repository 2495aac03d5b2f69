import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, uuid } from "../../../shared/schemas/common";
import { orgNode } from "../../../shared/schemas/staff";
import { PUBLIC_ROUTE } from "../../http/auth-plugin";
import type { OrgService } from "./org.service";

export const orgRoutes: FastifyPluginAsyncZod<{ orgs: OrgService }> = async (app, { orgs }) => {
  app.get(
    "/orgs",
    {
      config: PUBLIC_ROUTE,
      schema: {
        tags: ["orgs"],
        summary: "机构树 Children of an org (the roots without parentId); public",
        querystring: z.strictObject({ parentId: uuid.optional() }),
        response: { 200: z.object({ items: z.array(orgNode) }), 400: errorBody, 404: errorBody },
      },
    },
    async (req) => ({ items: await orgs.listChildren(req.query.parentId ?? null) }),
  );
};
