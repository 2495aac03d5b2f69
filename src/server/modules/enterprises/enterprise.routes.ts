import type { FastifyPluginAsync } from "fastify";
import { enterpriseEndpoints as api } from "../../../shared/api/enterprise";
import { route } from "../../http/endpoints";
import { requestContext, requireActor, requireCitizen } from "../../http/auth-plugin";
import type { AgentService } from "./agent.service";

export const enterpriseRoutes: FastifyPluginAsync<{ agents: AgentService }> = async (app, { agents }) => {
  route(app, api.getEnterprisesByEnterpriseId, async (req) => agents.getEnterprise(requireActor(req), req.params.enterpriseId));
  route(app, api.getEnterprisesByEnterpriseIdAgents, async (req) => ({ items: await agents.listAgents(requireCitizen(req), req.params.enterpriseId) }));
  route(app, api.postEnterprisesByEnterpriseIdAgents, (req) => agents.grant(requireCitizen(req), req.params.enterpriseId, req.body, requestContext(req)));
  route(app, api.deleteEnterprisesByEnterpriseIdAgentsByGrantId, async (req) => {
    await agents.revoke(requireCitizen(req), req.params.enterpriseId, req.params.grantId, requestContext(req));
    return { ok: true as const };
  });
};
