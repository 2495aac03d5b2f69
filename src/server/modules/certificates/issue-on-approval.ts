import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import type { FormValues } from "../../../shared/form-values";
import { SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { DomainError } from "../../domain-error";
import { openForm } from "../../crypto/form-sealing";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { VersionContentsRepos as ContentRepos, VersionContents } from "../catalogue";
import type { OutboxRepository } from "../outbox";
import type { EnterpriseRepository } from "../registry";
import type { PersonRepository } from "../registry";
import type { CertificateService } from "./certificate.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; enterprises: EnterpriseRepository; outbox: OutboxRepository; persons: PersonRepository } & ContentRepos;

/** A decided application, as the issuer reads it. */
export interface DecidedApplication {
  id: string;
  version_id: string;
  handling_org_id: string;
  region_code: string;
  acting_for_enterprise_id: string | null;
  applicant_person_id: string | null;
  applicant_name: string;
  form_data: unknown;
}

/** Writes the issue into the application's timeline (the applications module keeps it). */
export type IssueRecorder = (unit: UnitOfWork, app: { id: string; region_code: string }, entry: { action: string; from: string; to: string; actor: { accountId: null; name: string; orgId: string }; opinion: string; details: Record<string, unknown> }) => Promise<void>;

/** Registers the enterprise a business licence is issued to when it is not registered yet (设立登记; the registry module). */
export type EnterpriseEstablisher = (unit: UnitOfWork, app: DecidedApplication, formData: FormValues, data: Record<string, string>) => Promise<{ id: string; name: string; credit_code: string }>;

/**
 * The decision listener of the certificates module: on approval, the certificate the item declares is
 * issued in the deciding transaction, with its timeline entry, outbox event and audit record. A business
 * licence for an enterprise not yet registered first has it established in the legal-person registry.
 */
export function issueCertificateOnApproval(deps: { store: Store<Repos>; certificates: CertificateService; contents: VersionContents; cipher: FieldCipher; record: IssueRecorder; establish: EnterpriseEstablisher }) {
  return async (unit: UnitOfWork, actor: Actor, app: DecidedApplication, outcome: string, ctx: RequestContext, extras: { certificateData?: Record<string, string> | undefined } = {}): Promise<void> => {
    if (outcome !== "approved") return;
    const repos = deps.store.within(unit);
    const declared = (await deps.contents.get(app.version_id, repos)).certificate;
    if (!declared) return;
    const formData = openForm(app.form_data as never, deps.cipher);
    const def = CERTIFICATE_TYPE_DEFS[declared.type]!;
    const data: Record<string, string> = Object.fromEntries(Object.entries(declared.fields).filter(([, formKey]) => formData[formKey] !== undefined && formData[formKey] !== null).map(([certField, formKey]) => [certField, String(formData[formKey])]));
    // A department system deciding in its own system gives the certificate's data with the approval: its fields only.
    if (extras.certificateData) {
      const unknown = Object.keys(extras.certificateData).filter((k) => !def.fields.some((f) => f.key === k));
      if (unknown.length) throw new DomainError("CERTIFICATE_DATA_INVALID", { unknown, fields: def.fields.map((f) => f.key) });
      Object.assign(data, extras.certificateData);
    }
    let holder: { kind: "person" | "enterprise"; personId: string | null; enterpriseId: string | null; name: string; id: string };
    if (def.holder === "enterprise") {
      let enterprise: { id: string; name: string; credit_code: string } | undefined = app.acting_for_enterprise_id ? await repos.enterprises.findById(app.acting_for_enterprise_id) : data.creditCode ? await repos.enterprises.findByCreditCode(data.creditCode) : undefined;
      // A business licence for an enterprise not yet registered: approving 设立登记 establishes it.
      if (!enterprise && def.code === "business_licence") {
        enterprise = await deps.establish(repos, app, formData, data);
        data.creditCode = enterprise.credit_code;
      }
      holder = { kind: "enterprise", personId: null, enterpriseId: enterprise?.id ?? null, name: enterprise?.name ?? data.operatorName ?? data.name ?? app.applicant_name, id: enterprise?.credit_code ?? data.creditCode ?? "" };
    } else {
      const person = app.applicant_person_id ? await repos.persons.findById(app.applicant_person_id) : undefined;
      holder = { kind: "person", personId: person?.id ?? null, enterpriseId: null, name: person?.name ?? app.applicant_name, id: person ? deps.cipher.decrypt(person.id_number_enc) : "" };
    }
    const issued = await deps.certificates.issue(repos, { type: def.code, issuerOrgId: app.handling_org_id, applicationId: app.id, holder, data });
    await deps.record(repos, app, { action: "certificate_issued", from: "approved", to: "approved", actor: { accountId: null, name: SYSTEM_ACTOR.name, orgId: app.handling_org_id }, opinion: `已颁发${issued.typeName}（${issued.payload.number}）`, details: { identifier: issued.identifier } });
    await repos.outbox.append("certificate.issued", { applicationId: app.id, certificateId: issued.id, issuerOrgId: app.handling_org_id, identifier: issued.identifier, type: def.code }, app.region_code);
    await repos.audit.append(actor, ctx, { action: "certificate.issue", targetType: "certificate", targetId: issued.id, orgId: app.handling_org_id, regionCode: app.region_code, ...(holder.personId ? { subjectPersonId: holder.personId, purpose: "颁发电子证照" } : {}), details: { identifier: issued.identifier, type: def.code, applicationId: app.id, keyId: issued.seal.keyId, algorithm: issued.seal.algorithm } });
  };
}
