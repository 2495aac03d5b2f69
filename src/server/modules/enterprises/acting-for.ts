import { AGENT_SCOPE_CODES, type AgentScope } from "../../../shared/roles";
import type { ActingFor } from "../../actor";
import type { EnterpriseRepository } from "../registry";
import type { AgentRepository } from "./agent.repository";

/** The enterprises a person may act for on `today`: as legal representative, or through a grant in force. */
export async function actingForRelations(repos: { enterprises: EnterpriseRepository; agents: AgentRepository }, personId: string, today: string): Promise<ActingFor[]> {
  const own = await repos.enterprises.listByLegalRepresentative(personId);
  const grants = await repos.agents.listActiveForAgent(personId, today);
  const result: Array<ActingFor & { expiresOn: string | null }> = own.map((e) => ({
    enterpriseId: e.id,
    creditCode: e.credit_code,
    name: e.name,
    relation: "legal_representative",
    scopes: [...AGENT_SCOPE_CODES],
    expiresOn: null,
  }));
  for (const g of grants) {
    if (result.some((r) => r.enterpriseId === g.enterprise_id)) continue;
    result.push({
      enterpriseId: g.enterprise_id,
      creditCode: g.credit_code,
      name: g.name,
      relation: "agent",
      scopes: g.scopes as AgentScope[],
      expiresOn: g.expires_on,
    });
  }
  return result;
}
