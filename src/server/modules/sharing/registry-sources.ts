import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import type { UnitOfWork } from "../../db/store";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { AccountRepository } from "../identity";
import type { CertificateRepository } from "../certificates";
import type { EnterpriseRepository } from "../registry";
import type { PersonRepository } from "../registry";
import type { SharingRepository } from "./sharing.repository";
import type { CertificatePayload } from "../certificates";
import type { HeldCertificate, RuleBasis, SharedPerson } from "./sharing.repository";
import type { Registry } from "../../../shared/registries";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; certificates: CertificateRepository; enterprises: EnterpriseRepository; persons: PersonRepository; sharing: SharingRepository };

/** One registry's value of one element for one subject. */
export interface SourcedValue {
  element: string;
  value: string | number;
  registry: Registry;
  orgCode: string | null;
  updatedAt: Date | null;
  /** Whose personal data this is (the applicant, or their spouse or child). */
  subjectPersonId: string | null;
  certificateId?: string;
  certificateType?: string;
}

/** Who the data is about: the applicant person, the enterprise they act for, their account. */
export interface Subject {
  personId: string | null;
  enterpriseId: string | null;
  accountId: string | null;
}

const ADULT_YEARS = 18;

/** Which registry wins when several hold an element; mobiles are freshest in the person's own account. */
const PRIORITY: Registry[] = ["population", "legal_person", "certificates", "address", "credit", "account"];
const MOBILE_PRIORITY: Registry[] = ["account", "population", "legal_person", "certificates", "address", "credit"];
export function registryPriority(element: string): Registry[] {
  return element.endsWith(".mobile") ? MOBILE_PRIORITY : PRIORITY;
}

function isMinor(p: SharedPerson, today: string): boolean {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const adultBirth = `${y - ADULT_YEARS}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return p.birth_date > adultBirth;
}

/**
 * Reads the elements of a subject that the reading org's sharing rules cover (see `RuleBasis`) from
 * the base registries: the population registry (and the applicant's spouse and youngest minor
 * child), the legal-person registry, the e-certificate library (certificate fields mapped to
 * elements, and `cert:<type>` for the certificate itself) and the person's own account. The rule
 * check and an applicant's records are one statement, which reads nothing the rules do not cover.
 * Every registry that holds an element answers, so conflicts stay visible. The sharing service
 * decides on refusals and writes the access record.
 */
export async function resolveElements(repos: Repos, cipher: FieldCipher, subject: Subject, basis: RuleBasis, today: string): Promise<{ values: SourcedValue[]; allowed: string[] }> {
  // The certificate types asked for, and those whose fields state an element asked for.
  const asked = new Set(basis.elements);
  const certTypes = Object.values(CERTIFICATE_TYPE_DEFS)
    .map((d) => ({ type: d.code, elements: Object.values(d.elements ?? {}).filter((el) => asked.has(el)) }))
    .filter((t) => asked.has(`cert:${t.type}`) || t.elements.length > 0);
  for (const e of asked) if (e.startsWith("cert:") && !certTypes.some((t) => `cert:${t.type}` === e)) certTypes.push({ type: e.slice(5), elements: [] });
  // An applicant's records come with the rule check in one round trip; an enterprise alone needs its own look-ups.
  const records = subject.personId ? await repos.sharing.subjectRecords({ personId: subject.personId, accountId: subject.accountId, enterpriseId: subject.enterpriseId, certTypes, today, basis }) : null;
  const allowed = records ? records.allowed : await repos.sharing.allowedElements(basis);
  const want = new Set(allowed);
  const wants = (prefix: string) => allowed.some((e) => e.startsWith(prefix));
  const types = certTypes.filter((t) => want.has(`cert:${t.type}`) || t.elements.some((e) => want.has(e))).map((t) => t.type);
  const out: SourcedValue[] = [];
  const add = (element: string, value: unknown, registry: Registry, orgCode: string | null, updatedAt: Date | null, subjectPersonId: string | null, extra: Partial<SourcedValue> = {}) => {
    if (!want.has(element) || value === null || value === undefined || value === "") return;
    out.push({ element, value: typeof value === "number" ? value : String(value), registry, orgCode, updatedAt, subjectPersonId, ...extra });
  };

  const family = records?.family ?? [];
  const person = family.find((p) => p.rel === "self");
  let children: SharedPerson[] = [];
  if (person) {
    const pop = (element: string, value: unknown) => add(element, value, "population", person.source_org_code, person.updated_at, person.id);
    pop("person.name", person.name);
    if (want.has("person.idNumber")) pop("person.idNumber", cipher.decrypt(person.id_number_enc));
    pop("person.gender", person.gender);
    pop("person.birthDate", person.birth_date);
    pop("person.hukou", person.hukou_division_code);
    const address = person.address_enc ? cipher.decrypt(person.address_enc) : person.address;
    pop("person.address", address);
    if (want.has("person.mobile") && person.mobile_enc) pop("person.mobile", cipher.decrypt(person.mobile_enc));
    pop("person.maritalStatus", person.marital_status === "unknown" ? null : person.marital_status);
    if (want.has("person.socialSecurityNumber")) add("person.socialSecurityNumber", cipher.decrypt(person.id_number_enc), "population", person.source_org_code, person.updated_at, person.id);
    if (!subject.enterpriseId) {
      pop("address.detail", address);
      pop("address.divisionCode", person.region_code);
    }
    if (wants("spouse.") && person.spouse_id) {
      const spouse = family.find((p) => p.rel === "spouse");
      if (spouse) {
        add("spouse.name", spouse.name, "population", spouse.source_org_code, spouse.updated_at, spouse.id);
        if (want.has("spouse.idNumber")) add("spouse.idNumber", cipher.decrypt(spouse.id_number_enc), "population", spouse.source_org_code, spouse.updated_at, spouse.id);
      }
    }
    const seen = new Set<string>();
    children = family
      .filter((c) => c.rel === "child" && !seen.has(c.id) && seen.add(c.id) && isMinor(c, today))
      .sort((a, b) => b.birth_date.localeCompare(a.birth_date));
    const child = children[0];
    if (child) {
      add("child.name", child.name, "population", child.source_org_code, child.updated_at, child.id);
      add("child.gender", child.gender, "population", child.source_org_code, child.updated_at, child.id);
      add("child.birthDate", child.birth_date, "population", child.source_org_code, child.updated_at, child.id);
    }
  }

  if (subject.enterpriseId && (wants("enterprise.") || wants("address.") || wants("cert:"))) {
    const e = await repos.enterprises.findById(subject.enterpriseId);
    if (e) {
      const lp = (element: string, value: unknown, subjectPersonId: string | null = null) => add(element, value, "legal_person", e.source_org_code, e.updated_at, subjectPersonId);
      lp("enterprise.name", e.name);
      lp("enterprise.creditCode", e.credit_code);
      lp("enterprise.type", e.type);
      lp("enterprise.industry", e.industry);
      lp("enterprise.registeredCapital", Number(e.registered_capital_wan));
      lp("address.detail", e.address);
      lp("address.divisionCode", e.division_code);
      lp("enterprise.address", e.address);
      lp("enterprise.divisionCode", e.division_code);
      if (want.has("enterprise.legalRepName") || want.has("enterprise.legalRepIdNumber")) {
        const rep = await repos.persons.findById(e.legal_rep_person_id);
        if (rep) {
          lp("enterprise.legalRepName", rep.name, rep.id);
          if (want.has("enterprise.legalRepIdNumber")) lp("enterprise.legalRepIdNumber", cipher.decrypt(rep.id_number_enc), rep.id);
        }
      }
    }
  }

  // The e-certificate library: fields mapped onto elements, and the certificates themselves.
  if (types.length) {
    const holders = new Set([...(subject.personId ? [subject.personId] : []), ...children.map((c) => c.id)]);
    const held: HeldCertificate[] = records
      ? records.certificates.filter((c) => (c.holder_person_id !== null && holders.has(c.holder_person_id)) || (c.holder_enterprise_id !== null && c.holder_enterprise_id === subject.enterpriseId))
      : (await repos.certificates.listValidHeld({ personIds: [], enterpriseId: subject.enterpriseId }, today, types)).map((c) => ({ ...c, data: (c.payload as CertificatePayload).data }));
    const seen = new Set<string>();
    for (const c of held) {
      // The newest certificate of a type for each holder speaks; older copies are superseded.
      const key = `${c.type_code}:${c.holder_person_id ?? c.holder_enterprise_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const extra = { certificateId: c.id, certificateType: c.type_code };
      add(`cert:${c.type_code}`, c.identifier, "certificates", c.issuer_code, c.issued_at, c.holder_person_id, extra);
      const def = CERTIFICATE_TYPE_DEFS[c.type_code];
      // A child's certificate speaks for child.* elements only; the applicant's for theirs.
      const forChild = c.holder_person_id !== null && c.holder_person_id !== subject.personId;
      for (const [field, element] of Object.entries(def?.elements ?? {})) {
        if (forChild !== element.startsWith("child.")) continue;
        const value = field === "@number" ? c.number : c.data[field];
        add(element, value, "certificates", c.issuer_code, c.issued_at, c.holder_person_id, extra);
      }
    }
  }

  if (subject.accountId && (want.has("person.mobile") || wants("contact."))) {
    const account = records ? records.account : await repos.accounts.findById(subject.accountId);
    if (account) {
      const mobile = account.mobile_enc ? cipher.decrypt(account.mobile_enc) : null;
      add("person.mobile", mobile, "account", null, null, account.person_id);
      add("contact.name", account.name, "account", null, null, account.person_id);
      add("contact.mobile", mobile, "account", null, null, account.person_id);
    }
  }
  return { values: out, allowed };
}
