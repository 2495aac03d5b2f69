import { evaluate, FACTS, ruleProblems, type Rule } from "../../../shared/rules";
import { todayInChina } from "../../../shared/working-days";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { EnterpriseRepository } from "../registry";
import type { PersonRepository } from "../registry";
import type { ProfileRepository } from "./profile.repository";
import { DomainError } from "../../domain-error";
import { enterpriseFacts, personFacts, type DerivedFact, type FactSource } from "./profile-facts";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; enterprises: EnterpriseRepository; persons: PersonRepository; profiles: ProfileRepository };

const SOURCE_NAMES: Partial<Record<FactSource, string>> = { certificates: "电子证照库", credit: "信用信息库", applications: "办件库（已享受的待遇）" };

export interface ProfileFact {
  fact: string;
  name: string;
  value: unknown;
  /** Where it comes from: "人口库 · 上海市公安局黄浦分局", "电子证照库". */
  source: string;
}
export interface Profile {
  /** `district`: where the subject lives or is registered (the region that serves it). */
  subject: { kind: "person" | "enterprise"; name: string; district: string };
  facts: ProfileFact[];
  derivedAt: string;
}

/**
 * 用户画像: a subject's facts for the rules, derived on demand from the registries and the
 * certificate library (never a stored copy that goes stale), each with its source.
 */
export class ProfileService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
  ) {}

  async ofPerson(unit: UnitOfWork, personId: string): Promise<Profile> {
    const repos = this.store.within(unit);
    const p = await repos.persons.findById(personId);
    if (!p) throw new DomainError("PERSON_NOT_FOUND");
    const today = todayInChina(this.now());
    const names = await repos.profiles.orgNames([p.source_org_code]);
    const [children, certs, benefits] = await Promise.all([repos.profiles.children(personId), repos.profiles.validCertificates({ personId }), repos.profiles.benefits(personId)]);
    const facts = personFacts({ ...p, children: children.map((c) => c.birth_date), certs, benefits }, today);
    return { subject: { kind: "person", name: p.name, district: p.region_code }, facts: this.described(facts, `人口库 · ${names.get(p.source_org_code) ?? p.source_org_code}`), derivedAt: this.now().toISOString() };
  }

  async ofEnterprise(unit: UnitOfWork, enterpriseId: string): Promise<Profile> {
    const repos = this.store.within(unit);
    const e = await repos.enterprises.findById(enterpriseId);
    if (!e) throw new DomainError("ENTERPRISE_NOT_FOUND");
    const today = todayInChina(this.now());
    const names = await repos.profiles.orgNames([e.source_org_code]);
    const [listings, certs] = await Promise.all([repos.profiles.activeCreditListings(e.credit_code, today), repos.profiles.validCertificates({ enterpriseId })]);
    const facts = enterpriseFacts({ ...e, credit_listed: listings.length > 0, certs }, today);
    return { subject: { kind: "enterprise", name: e.name, district: e.region_code }, facts: this.described(facts, `法人库 · ${names.get(e.source_org_code) ?? e.source_org_code}`), derivedAt: this.now().toISOString() };
  }

  private described(facts: DerivedFact[], registry: string): ProfileFact[] {
    return facts.map(([fact, value, source]) => ({ fact, name: FACTS[fact]!.zh, value, source: SOURCE_NAMES[source] ?? registry }));
  }

  /** The citizen's own profile (or, acting for an enterprise, the enterprise's); the view is recorded. */
  async mine(actor: Actor, ctx: RequestContext): Promise<Profile> {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const profile = actor.actingFor ? await this.ofEnterprise(repos, actor.actingFor.enterpriseId) : await this.ofPerson(repos, actor.personId!);
      await repos.audit.append(actor, ctx, { action: "profile.view", targetType: profile.subject.kind, targetId: actor.actingFor?.enterpriseId ?? actor.personId, subjectPersonId: actor.personId, purpose: "本人查看用户画像", details: { facts: profile.facts.map((f) => f.fact) } });
      return profile;
    });
  }

  /**
   * Administrators test a rule against a subject (person by ID number, enterprise by credit code):
   * the rule's problems, and each condition's outcome with the facts it read. The read of the
   * subject's data is recorded with its purpose and shows in their data-use log.
   */
  async testRule(actor: Actor, input: { rule: Rule; subject: { idNumber: string } | { creditCode: string }; formData?: Record<string, string | number | boolean> | undefined }, ctx: RequestContext) {
    if (!hasRole(actor, "catalog_admin", "sys_admin", "supervisor")) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      let profile: Profile;
      let personId: string | null;
      if ("idNumber" in input.subject) {
        const p = await repos.persons.findByIdNumberHash(this.cipher.blindIndex("id", input.subject.idNumber));
        if (!p) throw new DomainError("PERSON_NOT_FOUND");
        profile = await this.ofPerson(repos, p.id);
        personId = p.id;
      } else {
        const e = await repos.enterprises.findByCreditCode(input.subject.creditCode);
        if (!e) throw new DomainError("ENTERPRISE_NOT_FOUND");
        profile = await this.ofEnterprise(repos, e.id);
        personId = e.legal_rep_person_id;
      }
      const facts: Record<string, unknown> = Object.fromEntries(profile.facts.map((f) => [f.fact, f.value]));
      for (const [k, v] of Object.entries(input.formData ?? {})) facts[`form.${k}`] = v;
      const result = evaluate(input.rule, facts);
      await repos.audit.append(actor, ctx, { action: "rule.test", targetType: profile.subject.kind, subjectPersonId: personId, purpose: "测试规则", details: { outcome: result.outcome, facts: result.conditions.map((c) => c.fact) } });
      return { problems: ruleProblems(input.rule), subject: profile.subject, ...result };
    });
  }
}
