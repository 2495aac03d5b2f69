import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, okBody, uuid } from "../../../shared/schemas/common";
import { agentGrant, enterpriseDetail, grantAgentRequest } from "../../../shared/schemas/identity";
import { forCitizen, requestContext, requireActor, requireCitizen } from "../../http/auth-plugin";
import type { AgentService } from "./agent.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const enterpriseParams = z.strictObject({ enterpriseId: uuid });

export const enterpriseRoutes: FastifyPluginAsyncZod<{ agents: AgentService }> = async (app, { agents }) => {
  app.get(
    "/enterprises/:enterpriseId",
    {
      schema: {
        tags: ["enterprises"],
        summary: "企业信息 The enterprise's registry entry (legal representative or agent)",
        params: enterpriseParams,
        response: { 200: enterpriseDetail, ...errors },
      },
    },
    async (req) => agents.getEnterprise(requireActor(req), req.params.enterpriseId),
  );

  app.get(
    "/enterprises/:enterpriseId/agents",
    {
      config: forCitizen,
      schema: {
        tags: ["enterprises"],
        summary: "经办人授权列表 Agents of the enterprise (legal representative only)",
        params: enterpriseParams,
        response: { 200: z.object({ items: z.array(agentGrant) }), ...errors },
      },
    },
    async (req) => ({ items: await agents.listAgents(requireCitizen(req), req.params.enterpriseId) }),
  );

  app.post(
    "/enterprises/:enterpriseId/agents",
    {
      config: forCitizen,
      schema: {
        tags: ["enterprises"],
        summary: "授权经办人 Authorise a registered citizen as agent, with scope and expiry",
        params: enterpriseParams,
        body: grantAgentRequest,
        response: { 201: agentGrant, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await agents.grant(requireCitizen(req), req.params.enterpriseId, req.body, requestContext(req))),
  );

  app.delete(
    "/enterprises/:enterpriseId/agents/:grantId",
    {
      config: forCitizen,
      schema: {
        tags: ["enterprises"],
        summary: "撤销经办人授权 Revoke an agent's authorisation",
        params: z.strictObject({ enterpriseId: uuid, grantId: uuid }),
        response: { 200: okBody, ...errors },
      },
    },
    async (req) => {
      await agents.revoke(requireCitizen(req), req.params.enterpriseId, req.params.grantId, requestContext(req));
      return { ok: true as const };
    },
  );
};
