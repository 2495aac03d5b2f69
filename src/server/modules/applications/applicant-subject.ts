import type { FormField } from "../../../shared/schemas/catalogue";
import type { UnitOfWork } from "../../db/store";
import type { FormValues } from "../../../shared/form-values";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { EnterpriseRepository } from "../registry";
import type { PersonRepository } from "../registry";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { enterprises: EnterpriseRepository; persons: PersonRepository };

/**
 * Data elements whose value names the applicant: a form field bound to one of them must hold the
 * applicant's own identifier (their ID number), or that of the enterprise they act for.
 */
export const APPLICANT_ELEMENTS: Record<string, "person" | "enterprise"> = {
  "person.idNumber": "person",
  "person.socialSecurityNumber": "person",
  "enterprise.creditCode": "enterprise",
};

export interface NamedSubject {
  key: string;
  label: string;
  kind: "person" | "enterprise";
  value: string;
}

/** The top-level answers that name the applicant (table rows name other people: shareholders, members …). */
export function namedSubjects(fields: FormField[], formData: FormValues): NamedSubject[] {
  return fields.flatMap((f) => {
    const kind = f.dataElement ? APPLICANT_ELEMENTS[f.dataElement] : undefined;
    const value = formData[f.key];
    if (!kind || f.type === "table" || typeof value !== "string" || value.trim() === "") return [];
    return [{ key: f.key, label: f.label, kind, value: value.trim().toUpperCase() }];
  });
}

/** Who applies: the person, and the enterprise they act for (null: themselves). */
export interface ApplyingSubject {
  personId: string | null;
  enterpriseId: string | null;
}

/**
 * Refuses a form that names someone other than the applicant: an ID number that is not the applicant's,
 * or a credit code of an enterprise they do not act for. Acting for an enterprise means being its legal
 * representative or an agent (经办人) whose authorisation is in force and includes applying.
 * Raises FORM_SUBJECT_MISMATCH with the fields concerned.
 */
export async function assertFormNamesApplicant(repos: Repos, cipher: FieldCipher, today: string, fields: FormField[], formData: FormValues, subject: ApplyingSubject): Promise<void> {
  const named = namedSubjects(fields, formData);
  if (named.length === 0) return;
  const wrong: NamedSubject[] = [];
  const person = subject.personId && named.some((n) => n.kind === "person") ? await repos.persons.findById(subject.personId) : undefined;
  for (const n of named) {
    if (n.kind === "person") {
      if (!person || cipher.blindIndex("id", n.value) !== person.id_number_hash) wrong.push(n);
      continue;
    }
    if (subject.enterpriseId) {
      const enterprise = await repos.enterprises.findById(subject.enterpriseId);
      if (enterprise?.credit_code !== n.value) wrong.push(n);
      continue;
    }
    // Applying as oneself with an enterprise's code: only for an enterprise one may act for.
    if (!subject.personId || !(await repos.enterprises.personMayApplyFor(subject.personId, n.value, today))) wrong.push(n);
  }
  if (wrong.length > 0) {
    throw new DomainError("FORM_SUBJECT_MISMATCH", {
      issues: wrong.map((n) => ({
        path: n.key,
        message: n.kind === "person" ? `“${n.label}”须为申请人本人的证件号码` : `“${n.label}”须为您本人担任法定代表人或经授权办理的企业的统一社会信用代码`,
      })),
    });
  }
}
