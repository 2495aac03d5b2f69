import type { AgentGrant, GrantAgentRequest } from "../../../shared/schemas/identity";
import type { AgentScope } from "../../../shared/roles";
import { maskIdNumber } from "../../../shared/validation/id-number";
import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Enterprise } from "../../db/schema";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "../identity";
import type { AgentRepository } from "./agent.repository";
import type { AuditRepository } from "../audit";
import type { EnterpriseRepository } from "../registry";
import type { PersonRepository } from "../registry";
import { DomainError } from "../../domain-error";
import { todayInChina } from "../../../shared/working-days";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; agents: AgentRepository; audit: AuditRepository; enterprises: EnterpriseRepository; persons: PersonRepository };

/**
 * An enterprise's legal representative authorises agents (经办人) with a scope and an expiry.
 * Raises: ENTERPRISE_NOT_FOUND, NOT_LEGAL_REPRESENTATIVE, REAL_NAME_MISMATCH, AGENT_NOT_REGISTERED,
 * AGENT_EXPIRY_INVALID, AGENT_NOT_FOUND, NOT_AUTHORISED_FOR_ENTERPRISE.
 */
export class AgentService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date = () => new Date(),
    /** Told after a grant or revocation commits: who may act for an enterprise changed (kept sessions are forgotten). */
    private readonly onChanged: () => void = () => {},
  ) {}

  /** The enterprise's registry entry, for its legal representative or an agent acting for it. */
  async getEnterprise(actor: Actor, enterpriseId: string) {
    const repos = this.store.repos;
    const enterprise = await repos.enterprises.findById(enterpriseId);
    if (!enterprise) throw new DomainError("ENTERPRISE_NOT_FOUND");
    const isRep = actor.personId !== null && enterprise.legal_rep_person_id === actor.personId;
    const isAgent = actor.actingFor?.enterpriseId === enterpriseId && actor.actingFor.scopes.includes("view");
    if (!isRep && !isAgent) throw new DomainError("NOT_AUTHORISED_FOR_ENTERPRISE");
    const rep = await repos.persons.findById(enterprise.legal_rep_person_id);
    return {
      id: enterprise.id,
      creditCode: enterprise.credit_code,
      name: enterprise.name,
      type: enterprise.type,
      divisionCode: enterprise.division_code,
      legalRepresentativeName: rep?.name ?? "",
      establishedOn: enterprise.established_on,
      address: enterprise.address,
    };
  }

  async listAgents(actor: Actor, enterpriseId: string): Promise<AgentGrant[]> {
    await this.representedEnterprise(this.store.repos, actor, enterpriseId);
    const rows = await this.store.repos.agents.listForEnterprise(enterpriseId);
    return rows.map((r) => ({
      id: r.id,
      agentName: r.agent_name,
      agentIdNumberMasked: maskIdNumber(this.cipher.decrypt(r.agent_id_number_enc)),
      scopes: r.scopes as AgentScope[],
      expiresOn: r.expires_on,
      grantedAt: r.granted_at.toISOString(),
      revokedAt: r.revoked_at?.toISOString() ?? null,
    }));
  }

  async grant(actor: Actor, enterpriseId: string, input: GrantAgentRequest, ctx: RequestContext): Promise<AgentGrant> {
    const today = todayInChina(this.now());
    if (input.expiresOn <= today) throw new DomainError("AGENT_EXPIRY_INVALID");
    return this.store.transact(async (repos) => {
      const enterprise = await this.representedEnterprise(repos, actor, enterpriseId);
      const person = await repos.persons.findByIdNumberHash(this.cipher.blindIndex("id", input.agentIdNumber));
      if (!person || person.name !== input.agentName) throw new DomainError("REAL_NAME_MISMATCH");
      if (!(await repos.accounts.findByPersonId(person.id))) throw new DomainError("AGENT_NOT_REGISTERED");
      const scopes = [...new Set(input.scopes)];
      const grant = await repos.agents.insert({
        enterprise_id: enterprise.id,
        agent_person_id: person.id,
        scopes,
        expires_on: input.expiresOn,
        granted_by_account_id: actor.accountId,
        region_code: enterprise.region_code,
      });
      await repos.audit.append(actor, ctx, {
        action: "enterprise.agent_grant",
        targetType: "enterprise_agent",
        targetId: grant.id,
        regionCode: enterprise.region_code,
        subjectPersonId: person.id,
        purpose: "企业经办人授权",
        details: { source: "population", elements: ["person.name", "person.idNumber"], enterpriseId, scopes, expiresOn: input.expiresOn },
      });
      return {
        id: grant.id,
        agentName: person.name,
        agentIdNumberMasked: maskIdNumber(input.agentIdNumber),
        scopes: scopes as AgentScope[],
        expiresOn: grant.expires_on,
        grantedAt: grant.granted_at.toISOString(),
        revokedAt: null,
      };
    }).finally(this.onChanged);
  }

  async revoke(actor: Actor, enterpriseId: string, grantId: string, ctx: RequestContext): Promise<void> {
    await this.store.transact(async (repos) => {
      const enterprise = await this.representedEnterprise(repos, actor, enterpriseId);
      const grant = await repos.agents.findById(grantId);
      if (!grant || grant.enterprise_id !== enterpriseId) throw new DomainError("AGENT_NOT_FOUND");
      if (grant.revoked_at) return; // revoking twice is harmless
      await repos.agents.revoke(grantId, this.now());
      await repos.audit.append(actor, ctx, {
        action: "enterprise.agent_revoke",
        targetType: "enterprise_agent",
        targetId: grantId,
        regionCode: enterprise.region_code,
        details: { enterpriseId },
      });
    }).finally(this.onChanged);
  }

  /** Only the legal representative, in person, manages agents; agents cannot sub-delegate. */
  private async representedEnterprise(repos: Repos, actor: Actor, enterpriseId: string): Promise<Enterprise> {
    const enterprise = await repos.enterprises.findById(enterpriseId);
    if (!enterprise) throw new DomainError("ENTERPRISE_NOT_FOUND");
    if (actor.kind !== "citizen" || enterprise.legal_rep_person_id !== actor.personId) throw new DomainError("NOT_LEGAL_REPRESENTATIVE");
    return enterprise;
  }
}
