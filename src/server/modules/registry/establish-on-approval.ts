import type { FormValues } from "../../../shared/form-values";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { OrgRepository } from "../orgs";
import type { EnterpriseRepository } from "./enterprise.repository";
import { establishEnterprise } from "./establishment";
import type { PersonRepository } from "./person.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { enterprises: EnterpriseRepository; orgs: OrgRepository; persons: PersonRepository };

/**
 * 设立登记 approved for an enterprise not yet registered: the legal representative named on the form
 * if the population registry knows them, else the applicant; the division from the form; the name and
 * address from the certificate data. Runs in the approving transaction.
 */
export async function establishOnApproval(
  repos: Repos,
  cipher: FieldCipher,
  today: string,
  app: { applicant_person_id: string | null; applicant_name: string; region_code: string; handling_org_id: string },
  formData: FormValues,
  data: Record<string, string>,
) {
  const repId = typeof formData.legalRepId === "string" ? await repos.persons.findByIdNumberHash(cipher.blindIndex("id", formData.legalRepId)) : undefined;
  const legalRepPersonId = repId?.id ?? app.applicant_person_id;
  if (!legalRepPersonId) throw new DomainError("PERSON_NOT_FOUND");
  const division = typeof formData.division === "string" && /^31\d{4}/.test(formData.division) ? formData.division.slice(0, 6) : app.region_code;
  const org = await repos.orgs.findById(app.handling_org_id);
  return establishEnterprise(repos, {
    name: data.name ?? app.applicant_name,
    legalRepPersonId,
    divisionCode: division,
    regionCode: app.region_code,
    capitalWan: Number(formData.capital ?? 0) || 0,
    address: data.address ?? "",
    industry: typeof formData.scope === "string" ? formData.scope.slice(0, 40) : "",
    establishedOn: today,
    sourceOrgCode: org?.code ?? app.region_code,
  });
}
