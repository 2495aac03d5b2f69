import { assessedBenefitOf } from "../../../shared/benefit-words";
import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { dataElementLabel } from "../../../shared/data-elements";
import { REGISTRIES } from "../../../shared/registries";
import { ROLES, type Role } from "../../../shared/roles";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { DocumentKind } from "../../../shared/schemas/documents";
import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openForm } from "../../crypto/form-sealing";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { VersionContentsRepos as ContentRepos, VersionContents } from "../catalogue";
import type { CertificateRepository } from "../certificates";
import type { FileRepository } from "../files";
import type { GeneratedDocumentRepository } from "../generated-documents";
import type { OrgRepository } from "../orgs";
import { applicationAccess } from "./application-access";
import type { ApplicationClock } from "./application-clock";
import { availableDocuments, buildDocument, type DocumentSource } from "./application-documents";
import { receiptOf, summaryOf } from "./application-presenter";
import { ListNames } from "./list-names";
import { COUNTERSIGN, type ApplicationRow, type InboxFilter } from "./application-types";
import { inboxSubtree } from "./application.policy";
import type { ApplicationRepository } from "./application.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; audit: AuditRepository; certificates: CertificateRepository; files: FileRepository; generatedDocuments: GeneratedDocumentRepository; orgs: OrgRepository } & ContentRepos;

/** Timeline entries other than workflow actions, in the words a citizen reads. */
const SYSTEM_EVENTS: Record<string, string> = {
  submit: "提交申请",
  certificate_issued: "颁发电子证照",
  benefit_assessed: "核定待遇",
  auto_check: "自动审批核验",
  grant_revoked: "撤销待遇",
  claim: "认领办理",
  assign: "指派办理",
  payment_due: "开具缴费单",
  payment_settled: "缴费到账",
  fee_exempted: "免收费用",
};

/**
 * The application as its applicant or staff see it (with actions, timeline, materials, evidence and
 * documents), the applicant's list, the staff inbox and printable documents (文书).
 */
export class ApplicationReadModel {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly clock: ApplicationClock,
    private readonly contents: VersionContents,
  ) {}

  private readonly names = new ListNames(() => this.store.repos.applications);

  async receipt(unit: UnitOfWork, id: string) {
    return receiptOf((await this.store.within(unit).applications.findById(id))!, this.clock);
  }

  /**
   * The application as its applicant or a staff member in scope sees it; anyone else gets 404, and the
   * attempt on someone else's application is recorded (the applicant sees it among the uses of their data).
   */
  async get(actor: Actor, id: string, ctx: RequestContext) {
    const repos = this.store.repos;
    const app = await repos.applications.findById(id);
    if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
    const access = await applicationAccess(repos, actor, app);
    const isApplicant = access.isApplicant;
    const isStaff = access.isHandlingStaff;
    if (!isApplicant && !access.isStaffReader) {
      await this.store.transact((r) =>
        r.audit.append(actor, ctx, {
          action: "application.read_denied",
          targetType: "application",
          targetId: app.id,
          regionCode: app.region_code,
          ...(app.applicant_person_id ? { subjectPersonId: app.applicant_person_id } : {}),
          purpose: `查看他人办件 ${app.number}`,
          details: { applicationNumber: app.number, explanation: actor.kind === "staff" ? "不是该办件的承办或受理机构人员" : "不是该办件的申请人" },
        }),
      );
      throw new DomainError("APPLICATION_NOT_FOUND");
    }
    const receipt = receiptOf(app, this.clock);
    // Held by another module's wait (a fee to pay: the pause 缴费): the state reads as that wait, 待缴费.
    const held = app.outcome === null ? (await repos.applications.listPauses(id)).find((p) => p.to_date === null && p.reason !== "补正") : undefined;
    if (held) receipt.stateName = `待${held.reason}`;
    const events = await repos.applications.listEvents(id);
    const content = await this.contents.get(app.version_id);
    const guideMaterials = content.guide.materials;
    const files = await repos.files.listForApplication(id);
    const certificates = await repos.certificates.listForApplication(id);
    const evidence = await repos.applications.listEvidence(id);
    const generated = await repos.generatedDocuments.listForApplication(id);
    const workflow = app.workflow as WorkflowDefinition;
    const available = workflow.actions
      .filter((a) => a.from.includes(app.state))
      .filter((a) => a.roles.some((r) => (r === "applicant" ? isApplicant : isStaff && actor.roles.includes(r))))
      .map((a) => ({ key: a.key, name: a.name, reasonRequired: a.reasonRequired, supplement: a.supplement }));
    const parallel = workflow.states.find((st) => st.key === app.state)?.parallel;
    if (parallel && isStaff) {
      const signed = await repos.applications.countersignedRoles(app.id, app.state);
      if (actor.roles.some((r) => parallel.roles.includes(r) && !signed.includes(r))) available.unshift({ key: COUNTERSIGN, name: "会签", reasonRequired: false, supplement: false });
    }
    return {
      ...receipt,
      itemId: app.item_id,
      formData: openForm(app.form_data, this.cipher),
      applicantName: app.applicant_name,
      channel: app.channel,
      assigneeName: app.assignee_name,
      documents: availableDocuments(await this.documentSource(app, content, events)),
      waivedMaterials: app.waived_materials,
      prefilledFields: app.prefilled_fields,
      prefilled: Object.entries((app.prefill_sources as Record<string, { registry: string }> | null) ?? {}).map(([fieldKey, src]) => ({ fieldKey, registry: src.registry })),
      dataConsentAt: app.data_consent_at ? app.data_consent_at.toISOString() : null,
      evidence: evidence.map((e) => ({
        materialKey: e.material_key,
        materialName: guideMaterials.find((m) => m.key === e.material_key)?.name ?? e.material_key,
        source: REGISTRIES[e.source as keyof typeof REGISTRIES]?.zh ?? e.source,
        typeName: e.type_code ? (CERTIFICATE_TYPE_DEFS[e.type_code]?.name ?? e.type_code) : null,
        element: e.element ? dataElementLabel(e.element, "zh") : null,
        number: e.number,
        identifier: e.identifier,
        issuerName: e.issuer_name,
      })),
      benefit: assessedBenefitOf(events),
      certificates: certificates.map((c) => ({ identifier: c.identifier, typeName: (c.payload as { typeName: string }).typeName, number: c.number, status: c.status })),
      lockVersion: app.lock_version,
      materials: files.map((f) => ({
        fileId: f.id,
        materialKey: f.material_key,
        materialName: guideMaterials.find((m) => m.key === f.material_key)?.name ?? null,
        fileName: f.file_name,
        mime: f.mime,
        size: f.size_bytes,
        uploadedAt: f.created_at.toISOString(),
      })),
      generated: generated.map((g) => ({ materialKey: g.material_key, materialName: guideMaterials.find((m) => m.key === g.material_key)?.name ?? g.file_name, fileName: g.file_name, size: g.size_bytes, sha256: g.sha256, createdAt: g.created_at.toISOString() })),
      actions: available,
      timeline: events.map((e) => ({
        action: e.action,
        actionName: e.action === COUNTERSIGN ? `会签（${ROLES[(e.details as { role: Role }).role]?.zh ?? ""}）` : (SYSTEM_EVENTS[e.action] ?? workflow.actions.find((a) => a.key === e.action)?.name ?? "办理"),
        from: e.from_state,
        to: e.to_state,
        actorName: e.actor_name,
        opinion: e.opinion,
        details: e.details as Record<string, unknown>,
        at: e.created_at.toISOString(),
      })),
    };
  }

  /** A printable document (文书) of the application, for the applicant and staff who may read it. */
  async document(actor: Actor, id: string, kind: DocumentKind) {
    const app = await this.store.repos.applications.findById(id);
    if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
    const access = await applicationAccess(this.store.repos, actor, app);
    if (!access.isApplicant && !access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
    const doc = buildDocument(await this.documentSource(app, await this.contents.get(app.version_id), await this.store.repos.applications.listEvents(app.id)), kind);
    if (!doc) throw new DomainError("DOCUMENT_NOT_AVAILABLE");
    return doc;
  }

  private async documentSource(app: ApplicationRow, content: ItemContent, events: Array<{ action: string; opinion: string | null; details: unknown; created_at: Date }>): Promise<DocumentSource> {
    const repos = this.store.repos;
    const [handling, accepting, item] = await Promise.all([repos.orgs.findById(app.handling_org_id), app.accepting_org_id ? repos.orgs.findById(app.accepting_org_id) : undefined, repos.catalogue.findItem(app.item_id)]);
    return {
      number: app.number,
      itemName: content.name,
      itemKind: item?.kind ?? "",
      benefit: assessedBenefitOf(events),
      applicantName: app.applicant_name,
      handlingOrgName: handling!.name,
      acceptingOrgName: accepting?.name ?? null,
      channel: app.channel,
      submittedAt: app.submitted_at,
      committedDeadline: app.committed_deadline,
      outcome: app.outcome,
      events: events.map((e) => ({ action: e.action, opinion: e.opinion, details: e.details as Record<string, unknown>, createdAt: e.created_at })),
      names: Object.fromEntries([...content.form.fields.map((f) => [f.key, f.label]), ...content.guide.materials.map((m) => [m.key, m.name])]),
    };
  }

  async listMine(actor: Actor, limit: number, offset: number) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.applications.listForApplicant(actor.accountId, actor.personId, actor.actingFor?.enterpriseId ?? null, limit, offset);
    const names = await this.names.of(rows);
    return rows.map((r) => summaryOf(r, names, this.clock));
  }

  /** A person's latest applications as a 12345 agent reads them on a call (the caller reads them in 我的办件); the read is audited by the caller. */
  async ofCaller(accountId: string, personId: string | null, limit: number) {
    const rows = await this.store.repos.applications.listForApplicant(accountId, personId, null, limit, 0);
    const names = await this.names.of(rows);
    return rows.map((r) => summaryOf(r, names, this.clock));
  }

  /**
   * The inbox's tabs with their counts: one per unfinished state of the workflows at work in the subtree
   * (in each workflow's order, named as the workflow names them), then overdue, due soon and claimed by
   * the caller, and the departments with unfinished applications (a supervisor's filter).
   */
  async inboxSummary(actor: Actor, orgId: string | null) {
    const subtree = inboxSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    const today = this.clock.today();
    const dueBy = this.clock.calendar().deadlineOrNull(today, 1) ?? today;
    const { rows, workflows, orgNames } = await this.store.repos.applications.inboxCounts(subtree, orgId, today, dueBy, actor.accountId);
    const tabs = new Map<string, { state: string; name: string; count: number; order: number; actionable: boolean }>();
    for (const raw of workflows.values()) {
      const def = raw as WorkflowDefinition;
      def.states.forEach((st, i) => {
        if (st.kind === "terminal" || tabs.has(st.key)) return;
        tabs.set(st.key, { state: st.key, name: st.name, count: 0, order: i, actionable: false });
      });
      for (const st of def.states) {
        const tab = tabs.get(st.key);
        if (tab && def.actions.some((a) => a.from.includes(st.key) && a.roles.some((r) => r !== "applicant" && actor.roles.includes(r)))) tab.actionable = true;
      }
    }
    const sum = (pick: (r: (typeof rows)[number]) => number, filter: (r: (typeof rows)[number]) => boolean = () => true) => rows.filter(filter).reduce((a, r) => a + pick(r), 0);
    for (const r of rows) {
      const tab = tabs.get(r.state);
      if (tab) tab.count += r.n;
    }
    const departments = [...new Set(rows.map((r) => r.handling_org_id))].map((id) => ({ orgId: id, orgName: orgNames.get(id) ?? "", open: sum((r) => r.n, (r) => r.handling_org_id === id), overdue: sum((r) => r.overdue, (r) => r.handling_org_id === id) }));
    return {
      tabs: [...tabs.values()].sort((a, b) => a.order - b.order).map(({ state, name, count, actionable }) => ({ state, name, count, actionable })),
      open: sum((r) => r.n),
      overdue: sum((r) => r.overdue),
      dueSoon: sum((r) => r.due_soon),
      mine: sum((r) => r.mine),
      departments: departments.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.orgName.localeCompare(b.orgName, "zh-CN")),
    };
  }

  /** The staff inbox: the org subtree's applications (a supervisor's: their government level's), filtered, nearest deadline first; one more row tells whether there is a next page. */
  async inbox(actor: Actor, filter: InboxFilter, limit: number, offset: number) {
    const subtree = inboxSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    const today = this.clock.today();
    // Due soon (yellow): unfinished, with at most one working day left — due by the next working day.
    const dueBy = filter.dueSoon ? (this.clock.calendar().deadlineOrNull(today, 1) ?? today) : null;
    const rows = await this.store.repos.applications.listForOrgSubtree(subtree, { ...filter, today, dueBy, me: actor.accountId }, limit + 1, offset);
    const page = rows.slice(0, limit);
    const names = await this.names.of(page);
    return { items: page.map((r) => summaryOf(r, names, this.clock)), hasMore: rows.length > limit };
  }
}
