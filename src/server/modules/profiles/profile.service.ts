import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { evaluate, FACTS, ruleProblems, type Rule } from "../../../shared/rules";
import { todayInChina } from "../../../shared/working-days";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Repositories, Store } from "../../db/store";
import { DomainError } from "../../domain-error";

export interface ProfileFact {
  fact: string;
  name: string;
  value: unknown;
  /** Where it comes from: "人口库 · 上海市公安局黄浦分局", "电子证照库". */
  source: string;
}
export interface Profile {
  subject: { kind: "person" | "enterprise"; name: string };
  facts: ProfileFact[];
  derivedAt: string;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
/** Whole years (周岁) or months between a date and today. */
function fullYears(birth: string, today: string) {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
function fullMonths(birth: string, today: string) {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
}

/**
 * 用户画像: a subject's facts for the rules, derived on demand from the registries and the
 * certificate library (never a stored copy that goes stale), each with its source.
 */
export class ProfileService {
  constructor(
    private readonly store: Store,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
  ) {}

  async ofPerson(repos: Repositories, personId: string): Promise<Profile> {
    const p = await repos.persons.findById(personId);
    if (!p) throw new DomainError("PERSON_NOT_FOUND");
    const today = todayInChina(this.now());
    const names = await repos.profiles.orgNames([p.source_org_code]);
    const registry = `人口库 · ${names.get(p.source_org_code) ?? p.source_org_code}`;
    const children = await repos.profiles.children(personId);
    const certs = await repos.profiles.validCertificates({ personId });
    const youngest = children.map((c) => c.birth_date).sort().at(-1);
    const expiries = certs.map((c) => c.valid_to).filter((d): d is string => d !== null && d >= today).sort();
    const facts: Array<[string, unknown, string]> = [
      ["person.age", fullYears(p.birth_date, today), registry],
      ["person.gender", p.gender, registry],
      ["person.hukou_shanghai", p.hukou_division_code.startsWith("31"), registry],
      ["person.hukou_district", p.hukou_division_code.slice(0, 6), registry],
      ["person.marital_status", p.marital_status, registry],
      ["person.children", children.length, registry],
      ...(youngest ? [["person.youngest_child_months", fullMonths(youngest, today), registry] as [string, unknown, string]] : []),
      ["person.certificates", [...new Set(certs.map((c) => CERTIFICATE_TYPE_DEFS[c.type_code]?.name ?? c.type_code))], "电子证照库"],
      ...(expiries[0] ? [["person.certificate_days_left", daysBetween(today, expiries[0]), "电子证照库"] as [string, unknown, string]] : []),
    ];
    return { subject: { kind: "person", name: p.name }, facts: facts.map(([fact, value, source]) => ({ fact, name: FACTS[fact]!.zh, value, source })), derivedAt: this.now().toISOString() };
  }

  async ofEnterprise(repos: Repositories, enterpriseId: string): Promise<Profile> {
    const e = await repos.enterprises.findById(enterpriseId);
    if (!e) throw new DomainError("ENTERPRISE_NOT_FOUND");
    const today = todayInChina(this.now());
    const names = await repos.profiles.orgNames([e.source_org_code]);
    const registry = `法人库 · ${names.get(e.source_org_code) ?? e.source_org_code}`;
    const listings = await repos.profiles.activeCreditListings(e.credit_code, today);
    const certs = await repos.profiles.validCertificates({ enterpriseId });
    const expiries = certs.map((c) => c.valid_to).filter((d): d is string => d !== null && d >= today).sort();
    const facts: Array<[string, unknown, string]> = [
      ["enterprise.type", e.type, registry],
      ["enterprise.industry", e.industry, registry],
      ["enterprise.age_years", fullYears(e.established_on, today), registry],
      ["enterprise.capital_wan", Number(e.registered_capital_wan), registry],
      ["enterprise.district", e.division_code.slice(0, 6), registry],
      ["enterprise.credit_listed", listings.length > 0, "信用信息库"],
      ["enterprise.licences", [...new Set(certs.map((c) => CERTIFICATE_TYPE_DEFS[c.type_code]?.name ?? c.type_code))], "电子证照库"],
      ...(expiries[0] ? [["enterprise.licence_days_left", daysBetween(today, expiries[0]), "电子证照库"] as [string, unknown, string]] : []),
    ];
    return { subject: { kind: "enterprise", name: e.name }, facts: facts.map(([fact, value, source]) => ({ fact, name: FACTS[fact]!.zh, value, source })), derivedAt: this.now().toISOString() };
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
