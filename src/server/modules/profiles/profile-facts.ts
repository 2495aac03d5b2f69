import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";

/**
 * How a subject's facts are derived from what the registries hold — one pure function per kind of
 * subject, used both for one profile (用户画像) and for matching a rule over every subject in batches
 * (政策找人, 免申即享, proactive pushes), so that both always agree.
 */

export type FactSource = "registry" | "certificates" | "credit" | "applications";
export type DerivedFact = [fact: string, value: unknown, source: FactSource];

export interface CertificateBasis {
  type_code: string;
  valid_to: string | null;
}
export interface PersonBasis {
  birth_date: string;
  gender: string;
  hukou_division_code: string;
  marital_status: string | null;
  /** Birth dates of the person's children. */
  children: string[];
  /** Valid certificates held. */
  certs: CertificateBasis[];
  /** Names of benefit items (给付) granted to the person. */
  benefits: string[];
}
export interface EnterpriseBasis {
  type: string;
  industry: string;
  established_on: string;
  registered_capital_wan: number | string;
  division_code: string;
  credit_listed: boolean;
  certs: CertificateBasis[];
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
/** Whole years (周岁) between a date and today. */
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
const certName = (code: string) => CERTIFICATE_TYPE_DEFS[code]?.name ?? code;

/** The certificate that expires next (still valid today), with its name and the days left. */
function nextExpiry(certs: CertificateBasis[], today: string) {
  let next: CertificateBasis | null = null;
  for (const c of certs) if (c.valid_to !== null && c.valid_to >= today && (next === null || c.valid_to < next.valid_to!)) next = c;
  return next ? { name: certName(next.type_code), on: next.valid_to!, days: daysBetween(today, next.valid_to!) } : null;
}

/** How many days ahead a certificate counts as expiring (证照到期提醒). */
export const EXPIRING_WITHIN_DAYS = 30;
const expiring = (certs: CertificateBasis[], today: string) => [...new Set(certs.filter((c) => c.valid_to !== null && c.valid_to >= today && daysBetween(today, c.valid_to) <= EXPIRING_WITHIN_DAYS).map((c) => certName(c.type_code)))].sort();

export function personFacts(p: PersonBasis, today: string): DerivedFact[] {
  const youngest = p.children.length ? p.children.reduce((a, b) => (a > b ? a : b)) : null;
  const next = nextExpiry(p.certs, today);
  const facts: DerivedFact[] = [
    ["person.age", fullYears(p.birth_date, today), "registry"],
    ["person.gender", p.gender, "registry"],
    ["person.hukou_shanghai", p.hukou_division_code.startsWith("31"), "registry"],
    ["person.hukou_district", p.hukou_division_code.slice(0, 6), "registry"],
    ["person.marital_status", p.marital_status, "registry"],
    ["person.children", p.children.length, "registry"],
    ["person.certificates", [...new Set(p.certs.map((c) => certName(c.type_code)))], "certificates"],
    ["person.benefits", [...new Set(p.benefits)], "applications"],
    ["person.expiring", expiring(p.certs, today), "certificates"],
  ];
  if (youngest) facts.push(["person.youngest_child_months", fullMonths(youngest, today), "registry"], ["person.youngest_child_birth", youngest, "registry"]);
  if (next) facts.push(["person.certificate_days_left", next.days, "certificates"], ["person.next_certificate", `${next.name}（${next.on} 到期）`, "certificates"]);
  return facts;
}

export function enterpriseFacts(e: EnterpriseBasis, today: string): DerivedFact[] {
  const next = nextExpiry(e.certs, today);
  const facts: DerivedFact[] = [
    ["enterprise.type", e.type, "registry"],
    ["enterprise.industry", e.industry, "registry"],
    ["enterprise.age_years", fullYears(e.established_on, today), "registry"],
    ["enterprise.age_days", daysBetween(e.established_on, today), "registry"],
    ["enterprise.capital_wan", Number(e.registered_capital_wan), "registry"],
    ["enterprise.district", e.division_code.slice(0, 6), "registry"],
    ["enterprise.credit_listed", e.credit_listed, "credit"],
    ["enterprise.licences", [...new Set(e.certs.map((c) => certName(c.type_code)))], "certificates"],
    ["enterprise.expiring", expiring(e.certs, today), "certificates"],
  ];
  if (next) facts.push(["enterprise.licence_days_left", next.days, "certificates"], ["enterprise.next_licence", `${next.name}（${next.on} 到期）`, "certificates"]);
  return facts;
}

/** Facts as the rules read them. */
export const factMap = (facts: DerivedFact[]): Record<string, unknown> => Object.fromEntries(facts.map(([k, v]) => [k, v]));
