import { okBody, uuid } from "../schemas/common";
import { agentGrant, enterpriseDetail, grantAgentRequest } from "../schemas/identity";
import { z } from "zod";
import { citizens, signedIn, endpoint } from "./endpoint";

export const enterpriseParams = z.strictObject({ enterpriseId: uuid });

/** The endpoints of modules/enterprises/enterprise.routes.ts. */
export const enterpriseEndpoints = {
  getEnterprisesByEnterpriseId: endpoint({
    method: "GET",
    path: "/enterprises/:enterpriseId",
    access: signedIn,
    tags: ["enterprises"],
    summary: "企业信息 The enterprise's registry entry (legal representative or agent)",
    params: enterpriseParams,
    response: enterpriseDetail,
  }),
  getEnterprisesByEnterpriseIdAgents: endpoint({
    method: "GET",
    path: "/enterprises/:enterpriseId/agents",
    access: citizens,
    tags: ["enterprises"],
    summary: "经办人授权列表 Agents of the enterprise (legal representative only)",
    params: enterpriseParams,
    response: z.object({ items: z.array(agentGrant) }),
  }),
  postEnterprisesByEnterpriseIdAgents: endpoint({
    method: "POST",
    path: "/enterprises/:enterpriseId/agents",
    access: citizens,
    tags: ["enterprises"],
    summary: "授权经办人 Authorise a registered citizen as agent, with scope and expiry",
    params: enterpriseParams,
    body: grantAgentRequest,
    response: agentGrant,
    status: 201,
  }),
  deleteEnterprisesByEnterpriseIdAgentsByGrantId: endpoint({
    method: "DELETE",
    path: "/enterprises/:enterpriseId/agents/:grantId",
    access: citizens,
    tags: ["enterprises"],
    summary: "撤销经办人授权 Revoke an agent's authorisation",
    params: z.strictObject({ enterpriseId: uuid, grantId: uuid }),
    response: okBody,
  }),
};
