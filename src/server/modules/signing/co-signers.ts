import { DOCUMENT_TEMPLATES } from "../../../shared/document-templates";
import { isVisible, type FormValues } from "../../../shared/form-values";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import { maskIdNumber, validateIdNumber } from "../../../shared/validation/id-number";
import type { FieldCipher } from "../../crypto/field-cipher";
import { DomainError } from "../../domain-error";
import type { AccountRepository } from "../identity";
import type { PersonRepository } from "../registry";

export type SignerRole = "legalRep" | "shareholder";
export const SIGNER_ROLE_NAMES: Record<SignerRole, { zh: string; en: string }> = { legalRep: { zh: "法定代表人", en: "legal representative" }, shareholder: { zh: "股东", en: "shareholder" } };

/** A person a form names who signs its generated documents: by the ID number the form gives. */
export interface NamedSigner {
  name: string;
  idNumber: string;
  roles: SignerRole[];
}

/**
 * The people an item's generated documents are signed by, as its answers name them: the legal
 * representative (申请书) and every natural-person shareholder (公司章程, 任职文件), each once with all
 * their roles. Shareholders that are organisations (no ID number) sign by their own representative
 * and are not asked here.
 */
export function namedSigners(content: ItemContent, values: FormValues): NamedSigner[] {
  const wanted = new Set(content.guide.materials.flatMap((m) => (m.generatedFrom && !m.situation ? DOCUMENT_TEMPLATES[m.generatedFrom].signedBy : [])));
  const out = new Map<string, NamedSigner>();
  const add = (role: SignerRole, name: unknown, idNumber: unknown) => {
    if (typeof name !== "string" || typeof idNumber !== "string" || !name.trim()) return;
    const id = idNumber.trim().toUpperCase();
    if (!validateIdNumber(id).ok) return;
    const known = out.get(id);
    if (known) {
      if (!known.roles.includes(role)) known.roles.push(role);
    } else out.set(id, { name: name.trim(), idNumber: id, roles: [role] });
  };
  const fields = content.form.fields.filter((f) => isVisible(f, values));
  if (wanted.has("legalRep")) {
    const name = fields.find((f) => f.dataElement === "enterprise.legalRepName");
    const id = fields.find((f) => f.dataElement === "enterprise.legalRepIdNumber");
    if (name && id) add("legalRep", values[name.key], values[id.key]);
  }
  if (wanted.has("shareholder")) {
    for (const table of fields) {
      if (table.type !== "table") continue;
      const name = table.columns.find((c) => c.dataElement === "shareholder.name");
      const id = table.columns.find((c) => c.dataElement === "shareholder.idNumber");
      if (!name || !id) continue;
      for (const row of (values[table.key] as FormValues[] | undefined) ?? []) add("shareholder", row[name.key], row[id.key]);
    }
  }
  return [...out.values()];
}

/** The registry and cipher the check reads with. */
export interface CoSignerRepos {
  persons: PersonRepository;
  accounts: AccountRepository;
}

/**
 * The people an item's answers name who must sign besides the applicant, each found by ID number in
 * the population registry with a real-name account, the name matching the registry's. Raises
 * SIGNER_NOT_REGISTERED (no such person or no account) and SIGNER_NAME_MISMATCH, naming them.
 */
export async function otherSigners(repos: CoSignerRepos, cipher: FieldCipher, content: ItemContent, values: FormValues, applicantPersonId: string | null) {
  const out: Array<NamedSigner & { personId: string; accountId: string; registryName: string }> = [];
  const unregistered: string[] = [];
  const mismatched: string[] = [];
  for (const s of namedSigners(content, values)) {
    const person = await repos.persons.findByIdNumberHash(cipher.blindIndex("id", s.idNumber));
    if (person && person.id === applicantPersonId) continue;
    const account = person ? await repos.accounts.findByPersonId(person.id) : undefined;
    if (!person || !account) unregistered.push(`${s.name}（${maskIdNumber(s.idNumber)}）`);
    else if (person.name !== s.name) mismatched.push(`${s.name}（${maskIdNumber(s.idNumber)}）`);
    else out.push({ ...s, personId: person.id, accountId: account.id, registryName: person.name });
  }
  if (unregistered.length) throw new DomainError("SIGNER_NOT_REGISTERED", { names: unregistered });
  if (mismatched.length) throw new DomainError("SIGNER_NAME_MISMATCH", { names: mismatched });
  return out;
}

/** The submission's check: none but the applicant signs, or SIGNATURES_REQUIRED names who must sign first. */
export async function requireNoCoSigners(repos: CoSignerRepos, cipher: FieldCipher, content: ItemContent, values: FormValues, applicantPersonId: string | null): Promise<void> {
  const others = await otherSigners(repos, cipher, content, values, applicantPersonId);
  if (others.length) throw new DomainError("SIGNATURES_REQUIRED", { signers: others.map((s) => ({ name: s.name, roles: s.roles.map((r) => SIGNER_ROLE_NAMES[r].zh) })) });
}
