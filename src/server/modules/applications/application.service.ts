import { createHash } from "node:crypto";
import { validateFormValues, type FormValues } from "../../../shared/form-values";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import { approvalPath, templateFor, type WorkflowDefinition } from "../../../shared/workflow-definition";
import { BeyondCalendarError, todayInChina, WorkCalendar, DEFAULT_WORK_CALENDAR, type Pause } from "../../../shared/working-days";
import { hasRole, SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import { ROLES, type Role } from "../../../shared/roles";
import type { Repositories, Store } from "../../db/store";
import { DomainError } from "../../domain-error";
import { canonicalJson } from "../../../shared/canonical-json";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openForm, sealForm } from "../../crypto/form-sealing";
import { applicationAccess } from "./application-access";
import { inboxSubtree } from "./application.policy";
import { IdempotencyService, type CompleteIdempotent } from "../idempotency/idempotency.service";
import { assertFormNamesApplicant } from "./applicant-subject";
import { claimHolding, holdingKeyFor, keepsHolding } from "./holding";
import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { dataElementLabel } from "../../../shared/data-elements";
import type { CertificateService } from "../certificates/certificate.service";
import type { DocumentKind } from "../../../shared/schemas/documents";
import { availableDocuments, buildDocument, type DocumentSource } from "./application-documents";
import type { SharingService } from "../sharing/sharing.service";
import { establishEnterprise } from "../registry/establishment";
import { VersionContents } from "../catalogue/version-contents";
import { materialElement, type PrefillService } from "../sharing/prefill.service";
import { REGISTRIES } from "../../../shared/registries";

export interface MaterialRef {
  /** The guide's material key, or `field:<key>` for a form attachment field (filled in from the form). */
  materialKey: string;
  fileId: string;
}

/** An application as read with its workflow definition. */
export type ApplicationRow = NonNullable<Awaited<ReturnType<Repositories["applications"]["findById"]>>>;

/** Told, in the deciding transaction, that an application reached its outcome (approved, denied, rejected, withdrawn). */
/** Told of every new application, in its transaction (秒批 decides here). */
export type SubmissionListener = (repos: Repositories, actor: Actor, app: { id: string; itemId: string; personId: string | null; enterpriseId: string | null; formData: FormValues; authoritativeFields: string[]; autoRule: boolean }, ctx: RequestContext) => Promise<boolean>;
export type DecisionListener = (repos: Repositories, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext) => Promise<void>;

export interface InboxFilter {
  states: string[] | null;
  /** Past the committed deadline and unfinished (已超期). */
  overdue: boolean;
  /** Unfinished with at most one working day left before the committed deadline (即将到期). */
  dueSoon: boolean;
  /** "me": claimed by the caller; "none": not claimed by anyone. */
  assigned: "me" | "none" | null;
  /** An application number (or its start), or part of the applicant's name. */
  q: string | null;
  itemId: string | null;
  channel: string | null;
}

/** Who applies, and through which channel (a window clerk applies for a walk-in person). */
export interface Applicant {
  channel: "online" | "window";
  applicantAccountId: string | null;
  applicantPersonId: string | null;
  applicantName: string;
  acceptingOrgId: string | null;
  /** The enterprise applied for, when not the actor's (a 一件事 starting a later item). */
  enterpriseId?: string | null;
}

export interface SubmitInput {
  itemId: string;
  formData: FormValues;
  materials?: MaterialRef[];
  /** The consented prefill the form was filled from (授权预填). */
  prefillId?: string;
  /** The applicant agrees that data and certificates the government holds stand in for materials (免提交). */
  dataConsent?: boolean;
}

/** Once-only data: the sharing service and consented prefills (absent in tests of the workflow alone). */
export interface OnceOnly {
  sharing: SharingService;
  prefills: PrefillService;
}

/**
 * Applications (办件): submission with idempotency keys, numbering and working-day deadlines, and
 * transitions through the workflow definition (as data) with optimistic concurrency, a timeline,
 * clock pauses for 补正, audit records and outbox events in the same transaction.
 * Raises: ITEM_NOT_FOUND, FORM_DATA_INVALID, IDEMPOTENCY_KEY_REUSED, APPLICATION_NOT_FOUND,
 * APPLICATION_CHANGED, ACTION_NOT_ALLOWED, REASON_REQUIRED, FORBIDDEN.
 */
export class ApplicationService {
  private readonly contents: VersionContents;

  /** Inside a transaction pass its repositories: on the embedded engine a read outside would wait for it. */
  private versionContent(versionId: string, repos: Repositories = this.store.repos): Promise<ItemContent> {
    return this.contents.get(versionId, repos);
  }

  private readonly decisionListeners: DecisionListener[] = [];

  /** The legal representative named on the form if the population registry knows them, else the applicant; the division from the form. */
  private async establish(repos: Repositories, app: ApplicationRow, formData: FormValues, data: Record<string, string>) {
    const repId = typeof formData.legalRepId === "string" ? await repos.persons.findByIdNumberHash(this.cipher.blindIndex("id", formData.legalRepId)) : undefined;
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
      establishedOn: todayInChina(this.now()),
      sourceOrgCode: org?.code ?? app.region_code,
    });
  }

  /** Registers a listener for outcomes (a 一件事 starts or stops the items waiting for this one). */
  private readonly submissionListeners: SubmissionListener[] = [];
  onSubmitted(listener: SubmissionListener) {
    this.submissionListeners.push(listener);
  }

  /**
   * 秒批: the system takes the staff actions from the current state to approval (the shortest path
   * without supplements or refusals), each as an event with the decision's reasons, and the approval
   * issues the certificate and tells the listeners as any approval does. Returns false when the
   * workflow has no such path (the application stays with people).
   */
  async decideAutomatically(repos: Repositories, id: string, opinion: string, details: Record<string, unknown>, ctx: RequestContext): Promise<boolean> {
    const app = await repos.applications.findForUpdate(id);
    if (!app || app.outcome !== null) return false;
    const workflow = app.workflow as WorkflowDefinition;
    const path = approvalPath(workflow, app.state);
    if (!path || path.length === 0) return false;
    const actor: Actor = { ...SYSTEM_ACTOR, name: "自动审批" };
    let state = app.state;
    for (const action of path) {
      await repos.applications.insertEvent({ created_at: this.now(), application_id: id, action: action.key, from_state: state, to_state: action.to, actor_account_id: null, actor_name: actor.name, org_id: app.handling_org_id, opinion, details: { automatic: true, ...details }, region_code: app.region_code });
      state = action.to;
    }
    const target = workflow.states.find((s) => s.key === state)!;
    if (!(await repos.applications.updateIfVersion(id, app.lock_version, { state, outcome: target.outcome ?? null, assignee_account_id: null, assignee_name: null, step_deadline: null }))) return false;
    await repos.applications.insertOutbox("application.transition", { applicationId: id, action: path.at(-1)!.key, to: state }, app.region_code);
    await repos.audit.append(actor, ctx, { action: "application.auto_approve", targetType: "application", targetId: id, orgId: app.handling_org_id, regionCode: app.region_code, details: { number: app.number, path: path.map((a) => a.key), ...details } });
    await this.issueCertificate(repos, actor, app, openForm(app.form_data, this.cipher), ctx);
    await this.settleHolding(repos, id, "approved");
    for (const listener of this.decisionListeners) await listener(repos, actor, app, "approved", ctx);
    return true;
  }

  /** A decided application keeps its holding if granted (one in progress: never); otherwise the subject may apply again. */
  private async settleHolding(repos: Repositories, applicationId: string, outcome: string) {
    const holding = await repos.holdings.find(applicationId);
    if (holding?.active && !keepsHolding(holding.limit_kind, outcome)) await repos.holdings.release(applicationId, this.now());
  }

  /** A grant taken back (免申即享 revoked): the subject no longer holds it. */
  async releaseHolding(repos: Repositories, applicationId: string) {
    await repos.holdings.release(applicationId, this.now());
  }

  onDecided(listener: DecisionListener) {
    this.decisionListeners.push(listener);
  }

  /** Workflow definition ids by content hash, once known to be committed. */
  private readonly workflowIds = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date = () => new Date(),
    private readonly calendarOf: () => WorkCalendar = () => DEFAULT_WORK_CALENDAR,
    private readonly certificates: CertificateService | null = null,
    private readonly once: OnceOnly | null = null,
    private readonly idempotency: IdempotencyService = new IdempotencyService(store),
  ) {
    this.contents = new VersionContents(store);
  }

  /** Submits online as the actor (or the enterprise they act for); a retried or concurrent duplicate key returns the same receipt. */
  async submit(actor: Actor, input: SubmitInput, idempotencyKey: string | null, ctx: RequestContext) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return this.idempotency.run(
      { accountId: actor.accountId, scope: "applications.submit", key: idempotencyKey, body: input },
      (complete) => this.submitOnline(actor, input, ctx, complete),
      (id) => this.receipt(this.store.repos, id),
    );
  }

  private submitOnline(actor: Actor, input: SubmitInput, ctx: RequestContext, complete: CompleteIdempotent) {
    return this.create(actor, input, { channel: "online", applicantAccountId: actor.accountId, applicantPersonId: actor.personId, applicantName: actor.actingFor?.name ?? actor.name, acceptingOrgId: null }, ctx, complete);
  }

  /**
   * 一键申请: the citizen agrees once that the government's data fills the form and stands in for
   * materials, and the application goes in with no typing — when the registries hold every required
   * field. Otherwise nothing is submitted and ONE_CLICK_INCOMPLETE names the fields to fill in. A retry
   * with the same key returns the same receipt; the key is this item's (another item's one-click with
   * the same key is a different request).
   */
  async oneClick(actor: Actor, itemId: string, idempotencyKey: string, ctx: RequestContext) {
    if (actor.kind !== "citizen" || !this.once) throw new DomainError("FORBIDDEN");
    const once = this.once;
    return this.idempotency.run(
      { accountId: actor.accountId, scope: `one-click:${itemId}`, key: idempotencyKey, body: { itemId, consent: true } },
      async (complete) => {
        const prefill = await once.prefills.prefill(actor, itemId, ctx);
        const item = await this.store.repos.catalogue.findApplicable(itemId);
        const content = await this.versionContent(item!.version_id!, this.store.repos);
        const formData: FormValues = Object.fromEntries(prefill.fields.map((f) => [f.key, f.value]));
        const problems = validateFormValues(content.form.fields, formData);
        if (problems.length) throw new DomainError("ONE_CLICK_INCOMPLETE", { fields: [...new Set(problems.map((p) => content.form.fields.find((f) => f.key === p.path[0])?.label ?? String(p.path[0])))] });
        return this.submitOnline(actor, { itemId, formData, prefillId: prefill.prefillId, dataConsent: true }, ctx, complete);
      },
      (id) => this.receipt(this.store.repos, id),
    );
  }

  /**
   * A window clerk applies on behalf of a walk-in person (looked up by ID number, the read audited
   * with its purpose). Any 全市通办 item may be accepted at any centre: the application is routed to
   * the item's implementing org (收受分离). Raises also: PERSON_NOT_FOUND, NOT_CITYWIDE.
   */
  async submitAtWindow(actor: Actor, input: SubmitInput & { idNumber: string }, ctx: RequestContext, idempotencyKey: string | null = null) {
    if (!hasRole(actor, "window_clerk")) throw new DomainError("FORBIDDEN");
    return this.idempotency.run(
      { accountId: actor.accountId, scope: "window.submit", key: idempotencyKey, body: input },
      (complete) => this.submitForWalkIn(actor, input, ctx, complete),
      (id) => this.receipt(this.store.repos, id),
    );
  }

  private async submitForWalkIn(actor: Actor, input: SubmitInput & { idNumber: string }, ctx: RequestContext, complete: CompleteIdempotent) {
    const person = await this.store.repos.persons.findByIdNumberHash(this.cipher.blindIndex("id", input.idNumber));
    if (!person) throw new DomainError("PERSON_NOT_FOUND");
    const item = await this.store.repos.catalogue.findApplicable(input.itemId);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    const crossRegion = item.region_code !== "310000" && item.region_code !== actor.regionCode;
    if (crossRegion && !(await this.versionContent(item.version_id)).guide.scope.includes("citywide")) throw new DomainError("NOT_CITYWIDE");
    const account = await this.store.repos.accounts.findByPersonId(person.id);
    return this.create(actor, { itemId: input.itemId, formData: input.formData, ...(input.materials ? { materials: input.materials } : {}), ...(input.dataConsent ? { dataConsent: true } : {}) }, { channel: "window", applicantAccountId: account?.id ?? null, applicantPersonId: person.id, applicantName: person.name, acceptingOrgId: actor.orgId }, ctx, async (repos, appId) => {
      await complete(repos, appId);
      await repos.audit.append(actor, ctx, {
        action: "person.read",
        targetType: "person",
        targetId: person.id,
        subjectPersonId: person.id,
        purpose: "窗口代为提交申请",
        details: { source: "population", elements: ["person.name", "person.idNumber"], applicationId: appId },
      });
    });
  }

  /** One creation path for every channel: validation, number, deadlines, event, outbox and audit. */
  private async create(
    actor: Actor,
    input: SubmitInput,
    who: Applicant,
    ctx: RequestContext,
    also: (repos: Repositories, applicationId: string) => Promise<void>,
  ) {
    const prepared = await this.prepare(this.store.repos, input);
    const created = await this.store.transact(async (repos) => {
      const done = await this.insertPrepared(repos, actor, prepared, input, who, ctx);
      await also(repos, done.receipt.id);
      return done;
    });
    // Remembered only once committed: a rolled-back transaction's definition row does not exist.
    this.workflowIds.set(prepared.workflowHash, created.workflowId);
    return created.receipt;
  }

  /**
   * Creates an application inside the caller's transaction (a 一件事 creates all its started items in
   * one): the item must be published and the form valid; `extra` is recorded with the submission event.
   */
  async createInTransaction(repos: Repositories, actor: Actor, input: SubmitInput, who: Applicant, ctx: RequestContext, extra: Record<string, unknown> = {}) {
    const prepared = await this.prepare(repos, input);
    return (await this.insertPrepared(repos, actor, prepared, input, who, ctx, extra)).receipt;
  }

  private async prepare(repos: Repositories, input: SubmitInput) {
    const item = await repos.catalogue.findApplicable(input.itemId);
    const versionId = item?.version_id;
    if (!item || !versionId) throw new DomainError("ITEM_NOT_FOUND");
    const content = await this.versionContent(versionId, repos);
    const problems = validateFormValues(content.form.fields, input.formData);
    if (problems.length) throw new DomainError("FORM_DATA_INVALID", { issues: problems.map((p) => ({ path: p.path.join("."), message: p.message })) });
    const materials = collectMaterials(content, input.formData, input.materials ?? []);
    const workflow: WorkflowDefinition = (item.workflow as WorkflowDefinition | null) ?? templateFor(content.guide.committedLimitDays);
    const workflowJson = JSON.stringify(workflow);
    const workflowHash = createHash("sha256").update(canonicalJson(workflow)).digest("hex");
    return { item, versionId, content, materials, workflow, workflowJson, workflowHash };
  }

  private async insertPrepared(repos: Repositories, actor: Actor, prepared: Awaited<ReturnType<ApplicationService["prepare"]>>, input: SubmitInput, who: Applicant, ctx: RequestContext, extra: Record<string, unknown> = {}) {
    const { item, versionId, content, materials, workflow, workflowJson, workflowHash } = prepared;
    const start = todayInChina(this.now());
    const deadlines = this.deadlines(start, content.guide.committedLimitDays, content.guide.legalLimitDays, []);
    const division = item.region_code;
    const startState = workflow.states.find((s) => s.kind === "start")!.key;
    const stepDeadline = this.stepDeadline(start, workflow.states.find((s) => s.kind === "start")!);
    const submittedAt = this.now();
    const enterpriseId = who.enterpriseId !== undefined ? who.enterpriseId : who.channel === "online" ? (actor.actingFor?.enterpriseId ?? null) : null;
    // An agent (经办人) applies for the enterprise only with the authorisation to apply.
    if (who.enterpriseId === undefined && who.channel === "online" && actor.actingFor?.relation === "agent" && !actor.actingFor.scopes.includes("apply")) throw new DomainError("NOT_AUTHORISED_FOR_ENTERPRISE");
    await assertFormNamesApplicant(repos, this.cipher, start, content.form.fields, input.formData, { personId: who.applicantPersonId, enterpriseId });
    // How often the subject may hold the item (a benefit granted once …), whatever the channel.
    const holdingKey = content.holdingLimit ? await holdingKeyFor(repos, content.holdingLimit, content.form.fields, input.formData, { personId: who.applicantPersonId, enterpriseId }) : null;
    const workflowId = this.workflowIds.get(workflowHash) ?? (await repos.applications.workflowId(workflowHash, workflowJson));
    const seq = await repos.applications.nextSequence(division, start);
    const number = `${division}-${start.replaceAll("-", "")}-${String(seq).padStart(6, "0")}`;
    const app = await repos.applications.insert({
      number,
      item_id: item.id,
      version_id: versionId,
      workflow_id: workflowId,
      applicant_account_id: who.applicantAccountId,
      applicant_person_id: who.applicantPersonId,
      applicant_name: who.applicantName,
      acting_for_enterprise_id: enterpriseId,
      channel: who.channel,
      accepting_org_id: who.acceptingOrgId,
      handling_org_id: item.org_id,
      region_code: item.region_code,
      state: startState,
      outcome: null,
      form_data: JSON.stringify(sealForm(content.form.fields, input.formData, this.cipher)),
      start_date: start,
      submitted_at: submittedAt,
      committed_days: content.guide.committedLimitDays,
      legal_days: content.guide.legalLimitDays,
      committed_deadline: deadlines.committed,
      legal_deadline: deadlines.legal,
      deadline_beyond_calendar: deadlines.beyondCalendar,
      step_deadline: stepDeadline,
    });
    if (content.holdingLimit && holdingKey) await claimHolding(repos, { id: app.id, basicCode: item.basic_code, itemName: content.name }, content.holdingLimit, holdingKey);
    await attachMaterials(repos, actor, app.id, materials);
    const prefill = input.prefillId && this.once && who.channel === "online" ? await this.once.prefills.claim(repos, actor, input.prefillId, item.id, input.formData, app.id) : null;
    const consentAt = prefill?.consentedAt ?? (input.dataConsent ? submittedAt : null);
    const waived = consentAt
      ? await this.attachSharedEvidence(repos, actor, ctx, { id: app.id, number, itemCode: item.basic_code, itemName: content.name, orgId: item.org_id, regionCode: item.region_code }, content, materials, {
          personId: who.applicantPersonId,
          enterpriseId,
          accountId: who.applicantAccountId,
        })
      : 0;
    if (prefill || consentAt) await repos.applications.setOnceOnly(app.id, { waived_materials: waived, prefilled_fields: prefill?.prefilled ?? 0, prefill_sources: prefill ? JSON.stringify(prefill.sources) : null, data_consent_at: consentAt });
    if (who.channel === "online") await repos.drafts.delete(actor.accountId, item.id, actor.actingFor?.enterpriseId ?? null);
    await repos.applications.insertEvent({ created_at: this.now(), application_id: app.id, action: "submit", from_state: null, to_state: startState, actor_account_id: actor.accountId, actor_name: actor.name, org_id: who.acceptingOrgId, opinion: null, details: { channel: who.channel, materials: materials.length, ...extra }, region_code: item.region_code });
    await repos.applications.insertOutbox("application.submitted", { applicationId: app.id, number }, item.region_code);
    await repos.audit.append(actor, ctx, { action: "application.submit", targetType: "application", targetId: app.id, orgId: item.org_id, regionCode: item.region_code, details: { number, implCode: item.impl_code, channel: who.channel, ...extra } });
    let decided = false;
    for (const listener of this.submissionListeners) decided = (await listener(repos, actor, { id: app.id, itemId: item.id, personId: who.applicantPersonId, enterpriseId, formData: input.formData, authoritativeFields: prefill?.authoritative ?? [], autoRule: item.auto_rule }, ctx)) || decided;
    if (decided) return { receipt: await this.receipt(repos, app.id), workflowId };
    const receipt = {
      id: app.id,
      number,
      state: startState,
      stateName: workflow.states.find((st) => st.key === startState)!.name,
      outcome: null,
      submittedAt: submittedAt.toISOString(),
      committedDeadline: deadlines.committed,
      legalDeadline: deadlines.legal,
      deadlineBeyondCalendar: deadlines.beyondCalendar,
      stepDeadline,
      light: this.light(deadlines.committed, false),
    };
    return { receipt, workflowId };
  }

  /** Takes a workflow action: checks the table, the role and org, the reason, and the version read. */
  async act(actor: Actor, id: string, input: { action: string; opinion?: string; lockVersion: number; supplementItems?: string[]; formData?: FormValues; materials?: MaterialRef[] }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const app = await repos.applications.findForUpdate(id);
      if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
      const access = await applicationAccess(repos, actor, app);
      const isApplicant = access.isApplicant;
      const isStaffInScope = access.isHandlingStaff;
      if (!isApplicant && !access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
      if (app.lock_version !== input.lockVersion) throw new DomainError("APPLICATION_CHANGED", { currentLockVersion: app.lock_version, state: app.state });
      const workflow = app.workflow as WorkflowDefinition;
      const current = workflow.states.find((s) => s.key === app.state)!;
      if (input.action === COUNTERSIGN && current.parallel) return this.countersign(repos, actor, app, current.parallel.roles, isStaffInScope, input.opinion, ctx);
      const action = workflow.actions.find((a) => a.key === input.action && a.from.includes(app.state));
      if (!action) throw new DomainError("ACTION_NOT_ALLOWED", { state: app.state, action: input.action });
      if (current.parallel && current.parallel.thenAction === action.key) {
        const signed = await repos.applications.countersignedRoles(id, app.state);
        const missing = current.parallel.roles.filter((r) => !signed.includes(r));
        if (missing.length) throw new DomainError("COUNTERSIGN_PENDING", { missing });
      }
      const allowed = action.roles.some((r) => (r === "applicant" ? isApplicant : isStaffInScope && actor.roles.includes(r)));
      if (!allowed) throw new DomainError("FORBIDDEN");
      if (action.reasonRequired && !input.opinion?.trim()) throw new DomainError("REASON_REQUIRED");
      // Once claimed, only the claimant handles the current step (the applicant's own actions aside).
      if (!isApplicant && app.assignee_account_id && app.assignee_account_id !== actor.accountId) throw new DomainError("APPLICATION_CLAIMED", { assigneeName: app.assignee_name });

      const today = todayInChina(this.now());
      let formData: string | undefined;
      if (input.formData || input.materials) {
        if (!isApplicant || action.key !== "resubmit") throw new DomainError("ACTION_NOT_ALLOWED");
        const content = await this.versionContent(app.version_id, repos);
        const values = input.formData ?? openForm(app.form_data, this.cipher);
        const problems = validateFormValues(content.form.fields, values);
        if (problems.length) throw new DomainError("FORM_DATA_INVALID", { issues: problems.map((p) => ({ path: p.path.join("."), message: p.message })) });
        if (input.formData) formData = JSON.stringify(sealForm(content.form.fields, input.formData, this.cipher));
        const attached = new Set((await repos.files.listForApplication(id)).map((f) => f.id));
        const fresh = collectMaterials(content, values, input.materials ?? []).filter((m) => !attached.has(m.fileId));
        await attachMaterials(repos, actor, id, fresh);
      }
      if (action.supplement) await repos.applications.openPause(id, "补正", today, app.region_code);
      const leavingPause = workflow.states.find((s) => s.key === app.state)?.kind === "waiting_applicant";
      if (leavingPause) await repos.applications.closePauses(id, today);
      const target = workflow.states.find((s) => s.key === action.to)!;
      const pauses: Pause[] = (await repos.applications.listPauses(id)).map((p) => ({ from: p.from_date, to: p.to_date }));
      // While the clock stands still the deadlines stay as they were; they move when it runs again.
      const deadlines = target.kind === "waiting_applicant" ? { committed: app.committed_deadline, legal: app.legal_deadline } : this.deadlines(app.start_date, app.committed_days, app.legal_days, pauses);
      const ok = await repos.applications.updateIfVersion(id, input.lockVersion, {
        state: target.key,
        outcome: target.kind === "terminal" ? (target.outcome ?? null) : null,
        committed_deadline: deadlines.committed,
        legal_deadline: deadlines.legal,
        ...(target.key !== app.state ? { assignee_account_id: null, assignee_name: null, step_deadline: this.stepDeadline(today, target) } : {}),
        ...(formData ? { form_data: formData } : {}),
      });
      if (!ok) throw new DomainError("APPLICATION_CHANGED");
      await repos.applications.insertEvent({
        created_at: this.now(),
        application_id: id,
        action: action.key,
        from_state: app.state,
        to_state: target.key,
        actor_account_id: actor.accountId,
        actor_name: actor.name,
        org_id: actor.orgId,
        opinion: input.opinion?.trim() || null,
        details: action.supplement ? { supplementItems: input.supplementItems ?? [] } : {},
        region_code: app.region_code,
      });
      await repos.applications.insertOutbox("application.transition", { applicationId: id, action: action.key, to: target.key }, app.region_code);
      await repos.audit.append(actor, ctx, { action: `application.${action.key}`, targetType: "application", targetId: id, regionCode: app.region_code, details: { number: app.number, from: app.state, to: target.key } });
      if (target.outcome === "approved") await this.issueCertificate(repos, actor, app, openForm(formData ? JSON.parse(formData) : app.form_data, this.cipher), ctx);
      if (target.outcome) await this.settleHolding(repos, app.id, target.outcome);
      if (target.outcome) for (const listener of this.decisionListeners) await listener(repos, actor, app, target.outcome, ctx);
      return this.receipt(repos, id);
    });
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
    const receipt = this.receiptOf(app);
    const events = await repos.applications.listEvents(id);
    const content = await this.versionContent(app.version_id);
    const guideMaterials = content.guide.materials;
    const files = await repos.files.listForApplication(id);
    const certificates = await repos.certificates.listForApplication(id);
    const evidence = await repos.certificates.listEvidence(id);
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
      actions: available,
      timeline: events.map((e) => ({
        action: e.action,
        actionName: e.action === "submit" ? "提交申请" : e.action === "certificate_issued" ? "颁发电子证照" : e.action === COUNTERSIGN ? `会签（${ROLES[(e.details as { role: Role }).role]?.zh ?? ""}）` : (workflow.actions.find((a) => a.key === e.action)?.name ?? e.action),
        from: e.from_state,
        to: e.to_state,
        actorName: e.actor_name,
        opinion: e.opinion,
        details: e.details as Record<string, unknown>,
        at: e.created_at.toISOString(),
      })),
    };
  }

  /**
   * 认领 / 指派: a member of the handling department who may act in the current state claims the
   * application, or a supervisor or approver of that department assigns it to such a colleague.
   * The assignment holds for the current step and is cleared by the next transition.
   * Raises also: APPLICATION_CLAIMED, ASSIGNEE_INVALID.
   */
  async assign(actor: Actor, id: string, input: { assigneeAccountId: string | null; lockVersion: number }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const app = await repos.applications.findForUpdate(id);
      if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
      const access = await applicationAccess(repos, actor, app);
      if (!access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
      if (!access.isHandlingStaff && !access.canAssign) throw new DomainError("FORBIDDEN");
      if (app.lock_version !== input.lockVersion) throw new DomainError("APPLICATION_CHANGED", { currentLockVersion: app.lock_version, state: app.state });
      if (app.outcome !== null) throw new DomainError("ACTION_NOT_ALLOWED", { state: app.state, action: "assign" });
      const workflow = app.workflow as WorkflowDefinition;
      const stepRoles = new Set(workflow.actions.filter((a) => a.from.includes(app.state)).flatMap((a) => a.roles));
      const assigneeId = input.assigneeAccountId ?? actor.accountId;
      const claiming = assigneeId === actor.accountId;
      if (claiming) {
        if (!access.isHandlingStaff || !actor.roles.some((r) => stepRoles.has(r))) throw new DomainError("FORBIDDEN");
        if (app.assignee_account_id && app.assignee_account_id !== actor.accountId) throw new DomainError("APPLICATION_CLAIMED", { assigneeName: app.assignee_name });
      } else if (!access.canAssign) {
        throw new DomainError("FORBIDDEN");
      }
      const assignee = claiming ? { id: actor.accountId, name: actor.name } : await repos.accounts.findById(assigneeId);
      if (!claiming) {
        const a = assignee as Awaited<ReturnType<Repositories["accounts"]["findById"]>>;
        const handlingPath = (await repos.orgs.pathsOf([app.handling_org_id])).get(app.handling_org_id)!;
        const assigneePath = a?.org_id ? (await repos.orgs.pathsOf([a.org_id])).get(a.org_id) : undefined;
        if (!a || a.kind !== "staff" || a.disabled || !assigneePath?.startsWith(handlingPath) || !a.roles.some((r) => stepRoles.has(r as never))) throw new DomainError("ASSIGNEE_INVALID");
      }
      const ok = await repos.applications.updateIfVersion(id, input.lockVersion, { state: app.state, assignee_account_id: assignee!.id, assignee_name: assignee!.name });
      if (!ok) throw new DomainError("APPLICATION_CHANGED");
      await repos.applications.insertEvent({
        created_at: this.now(),
        application_id: id,
        action: claiming ? "claim" : "assign",
        from_state: app.state,
        to_state: app.state,
        actor_account_id: actor.accountId,
        actor_name: actor.name,
        org_id: actor.orgId,
        opinion: claiming ? null : `指派给${assignee!.name}`,
        details: { assigneeAccountId: assignee!.id, assigneeName: assignee!.name },
        region_code: app.region_code,
      });
      await repos.audit.append(actor, ctx, { action: claiming ? "application.claim" : "application.assign", targetType: "application", targetId: id, regionCode: app.region_code, details: { number: app.number, assignee: assignee!.name } });
      return this.receipt(repos, id);
    });
  }

  /** Colleagues a supervisor or approver may assign the current step to: staff of the handling org with a role for it. */
  async assignees(actor: Actor, id: string) {
    const repos = this.store.repos;
    const app = await repos.applications.findById(id);
    if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
    const access = await applicationAccess(repos, actor, app);
    if (!access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
    if (!access.canAssign) throw new DomainError("FORBIDDEN");
    const stepRoles = new Set((app.workflow as WorkflowDefinition).actions.filter((a) => a.from.includes(app.state)).flatMap((a) => a.roles));
    const handlingPath = (await repos.orgs.pathsOf([app.handling_org_id])).get(app.handling_org_id)!;
    const staff = await repos.accounts.listStaffInSubtree(handlingPath, undefined, 200, 0);
    return staff.filter((s) => !s.disabled && s.roles.some((r) => stepRoles.has(r as never))).map((s) => ({ accountId: s.id, name: s.name, orgName: s.org_name }));
  }

  /**
   * After the calendar gains a year: computes the deadlines of unfinished applications that were
   * flagged as lying past it (paused time excluded), with one audit record. Returns how many now have one.
   */
  async recomputeBeyondCalendar(): Promise<number> {
    return this.store.transact(async (repos) => {
      let fixed = 0;
      for (const a of await repos.applications.listBeyondCalendar(5000)) {
        const pauses: Pause[] = (await repos.applications.listPauses(a.id)).map((p) => ({ from: p.from_date, to: p.to_date }));
        const d = this.deadlines(a.start_date, a.committed_days, a.legal_days, pauses);
        if (d.beyondCalendar) continue;
        await repos.applications.setDeadlines(a.id, d.committed, d.legal, false);
        fixed++;
      }
      if (fixed) await repos.audit.append(SYSTEM_ACTOR, { requestId: null, ip: null, userAgent: null }, { action: "application.deadlines_recomputed", targetType: "application", details: { count: fixed } });
      return fixed;
    });
  }

  /** A printable document (文书) of the application, for the applicant and staff who may read it. */
  async document(actor: Actor, id: string, kind: DocumentKind) {
    const app = await this.store.repos.applications.findById(id);
    if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
    const access = await applicationAccess(this.store.repos, actor, app);
    if (!access.isApplicant && !access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
    const doc = buildDocument(await this.documentSource(app, await this.versionContent(app.version_id), await this.store.repos.applications.listEvents(app.id)), kind);
    if (!doc) throw new DomainError("DOCUMENT_NOT_AVAILABLE");
    return doc;
  }

  private async documentSource(app: ApplicationRow, content: ItemContent, events: Array<{ action: string; opinion: string | null; details: unknown; created_at: Date }>): Promise<DocumentSource> {
    const repos = this.store.repos;
    const [handling, accepting] = await Promise.all([repos.orgs.findById(app.handling_org_id), app.accepting_org_id ? repos.orgs.findById(app.accepting_org_id) : undefined]);
    return {
      number: app.number,
      itemName: content.name,
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
    return rows.map((r) => this.summary(r));
  }

  /** The staff inbox: the org subtree's applications (a supervisor's: their government level's), filtered, nearest deadline first; one more row tells whether there is a next page. */
  async inbox(actor: Actor, filter: InboxFilter, limit: number, offset: number) {
    const subtree = inboxSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    const today = todayInChina(this.now());
    // Due soon (yellow): unfinished, with at most one working day left — due by the next working day.
    const dueBy = filter.dueSoon ? this.calendarOf().deadlineOrNull(today, 1) ?? today : null;
    const rows = await this.store.repos.applications.listForOrgSubtree(subtree, { ...filter, today, dueBy, me: actor.accountId }, limit + 1, offset);
    return { items: rows.slice(0, limit).map((r) => this.summary(r)), hasMore: rows.length > limit };
  }

  private summary(r: Awaited<ReturnType<Repositories["applications"]["listForApplicant"]>>[number]) {
    const workflow = r.workflow as WorkflowDefinition;
    return {
      id: r.id,
      number: r.number,
      itemName: r.item_name,
      handlingOrgName: r.handling_org_name,
      state: r.state,
      stateName: workflow.states.find((s) => s.key === r.state)?.name ?? r.state,
      outcome: r.outcome,
      submittedAt: r.submitted_at.toISOString(),
      committedDeadline: r.committed_deadline,
      light: this.light(r.committed_deadline, r.outcome !== null),
      applicantName: r.applicant_name,
      stepDeadline: r.step_deadline,
      channel: r.channel,
      assigneeName: r.assignee_name,
    };
  }

  private light(deadline: string | null, finished: boolean) {
    if (!deadline || finished) return null;
    try {
      return this.calendarOf().light(todayInChina(this.now()), deadline);
    } catch {
      return null;
    }
  }

  private async receipt(repos: Repositories, id: string) {
    return this.receiptOf((await repos.applications.findById(id))!);
  }

  /** The receipt (受理回执) fields of an application row already read. */
  private receiptOf(app: ApplicationRow) {
    const workflow = app.workflow as WorkflowDefinition;
    return {
      id: app.id,
      number: app.number,
      state: app.state,
      stateName: workflow.states.find((s) => s.key === app.state)?.name ?? app.state,
      outcome: app.outcome,
      submittedAt: app.submitted_at.toISOString(),
      committedDeadline: app.committed_deadline,
      legalDeadline: app.legal_deadline,
      deadlineBeyondCalendar: app.deadline_beyond_calendar,
      stepDeadline: app.step_deadline,
      light: this.light(app.committed_deadline, app.outcome !== null),
    };
  }

  /**
   * 免提交: every material that a certificate or registry data can replace, and that was not uploaded,
   * is satisfied by what the government holds — a valid certificate of the applicant (or their minor
   * child, or their enterprise), or the element in a base registry — read through the sharing service
   * for this application, so the read is checked against the sharing rules and recorded. Materials no
   * rule covers stay to be uploaded. Returns how many were waived.
   */
  private async attachSharedEvidence(repos: Repositories, actor: Actor, ctx: RequestContext, app: { id: string; number: string; itemCode: string; itemName: string; orgId: string; regionCode: string }, content: ItemContent, uploaded: MaterialRef[], subject: { personId: string | null; enterpriseId: string | null; accountId: string | null }): Promise<number> {
    if (!this.once) return 0;
    const wanted = content.guide.materials.filter((m) => materialElement(m) && !uploaded.some((u) => u.materialKey === m.key));
    const { allowed } = await this.once.sharing.covered(repos, app.orgId, app.itemCode, wanted.map((m) => materialElement(m)!));
    if (!allowed.length) return 0;
    const { values } = await this.once.sharing.read(repos, actor, ctx, {
      subject,
      elements: allowed,
      purpose: { kind: "application", applicationId: app.id, applicationNumber: app.number, itemCode: app.itemCode, itemName: app.itemName, readerOrgId: app.orgId, regionCode: app.regionCode },
      consented: true,
    });
    let waived = 0;
    for (const m of wanted) {
      const v = values.find((x) => x.element === materialElement(m));
      if (!v) continue;
      await repos.certificates.insertEvidence({ application_id: app.id, material_key: m.key, certificate_id: v.certificateId ?? null, element: v.certificateId ? null : v.element, source: v.registry, source_org_code: v.orgCode });
      waived++;
    }
    return waived;
  }

  /** On approval, the certificate the item declares is issued in the same transaction, with its own event and audit record. */
  private async issueCertificate(repos: Repositories, actor: Actor, app: ApplicationRow, formData: FormValues, ctx: RequestContext) {
    const declared = (await this.versionContent(app.version_id, repos)).certificate;
    if (!declared || !this.certificates) return;
    const def = CERTIFICATE_TYPE_DEFS[declared.type]!;
    const data = Object.fromEntries(Object.entries(declared.fields).filter(([, formKey]) => formData[formKey] !== undefined && formData[formKey] !== null).map(([certField, formKey]) => [certField, String(formData[formKey])]));
    let holder: { kind: "person" | "enterprise"; personId: string | null; enterpriseId: string | null; name: string; id: string };
    if (def.holder === "enterprise") {
      let enterprise = app.acting_for_enterprise_id ? await repos.enterprises.findById(app.acting_for_enterprise_id) : data.creditCode ? await repos.enterprises.findByCreditCode(data.creditCode) : undefined;
      // A business licence for an enterprise not yet registered: approving 设立登记 establishes it.
      if (!enterprise && def.code === "business_licence") {
        enterprise = await this.establish(repos, app, formData, data);
        data.creditCode = enterprise.credit_code;
      }
      holder = { kind: "enterprise", personId: null, enterpriseId: enterprise?.id ?? null, name: enterprise?.name ?? data.operatorName ?? data.name ?? app.applicant_name, id: enterprise?.credit_code ?? data.creditCode ?? "" };
    } else {
      const person = app.applicant_person_id ? await repos.persons.findById(app.applicant_person_id) : undefined;
      holder = { kind: "person", personId: person?.id ?? null, enterpriseId: null, name: person?.name ?? app.applicant_name, id: person ? this.cipher.decrypt(person.id_number_enc) : "" };
    }
    const issued = await this.certificates.issue(repos, { type: def.code, issuerOrgId: app.handling_org_id, applicationId: app.id, holder, data });
    await repos.applications.insertEvent({ created_at: this.now(), application_id: app.id, action: "certificate_issued", from_state: "approved", to_state: "approved", actor_account_id: null, actor_name: SYSTEM_ACTOR.name, org_id: app.handling_org_id, opinion: `已颁发${issued.typeName}（${issued.payload.number}）`, details: { identifier: issued.identifier }, region_code: app.region_code });
    await repos.applications.insertOutbox("certificate.issued", { applicationId: app.id, certificateId: issued.id }, app.region_code);
    await repos.audit.append(actor, ctx, { action: "certificate.issue", targetType: "certificate", targetId: issued.id, orgId: app.handling_org_id, regionCode: app.region_code, ...(holder.personId ? { subjectPersonId: holder.personId, purpose: "颁发电子证照" } : {}), details: { identifier: issued.identifier, type: def.code, applicationId: app.id, keyId: issued.seal.keyId, algorithm: issued.seal.algorithm } });
  }

  /** 会签: one of the parallel roles signs; the state's follow-up action waits until every role has. */
  private async countersign(repos: Repositories, actor: Actor, app: ApplicationRow, roles: string[], inScope: boolean, opinion: string | undefined, ctx: RequestContext) {
    const signed = await repos.applications.countersignedRoles(app.id, app.state);
    const role = inScope ? actor.roles.find((r) => roles.includes(r) && !signed.includes(r)) : undefined;
    if (!role) throw new DomainError(inScope && actor.roles.some((r) => roles.includes(r)) ? "ACTION_NOT_ALLOWED" : "FORBIDDEN", { state: app.state, action: COUNTERSIGN });
    if (!(await repos.applications.updateIfVersion(app.id, app.lock_version, { state: app.state }))) throw new DomainError("APPLICATION_CHANGED");
    await repos.applications.insertEvent({ created_at: this.now(), application_id: app.id, action: COUNTERSIGN, from_state: app.state, to_state: app.state, actor_account_id: actor.accountId, actor_name: actor.name, org_id: actor.orgId, opinion: opinion?.trim() || null, details: { role }, region_code: app.region_code });
    await repos.audit.append(actor, ctx, { action: "application.countersign", targetType: "application", targetId: app.id, regionCode: app.region_code, details: { number: app.number, role } });
    return this.receipt(repos, app.id);
  }

  /** A step's own deadline: its state's limit in working days from the day it is entered. */
  private stepDeadline(from: string, state: WorkflowDefinition["states"][number]): string | null {
    if (state.limitDays === null || state.kind === "terminal" || state.kind === "waiting_applicant") return null;
    try {
      return state.limitDays === 0 ? from : this.calendarOf().deadline(from, state.limitDays, []);
    } catch {
      return null;
    }
  }

  /** Committed and legal deadlines excluding paused time; flags a date past the configured years. */
  private deadlines(start: string, committed: number | null, legal: number | null, pauses: Pause[]) {
    let beyondCalendar = false;
    const compute = (n: number | null) => {
      if (n === null) return null;
      try {
        return this.calendarOf().deadline(start, n, pauses);
      } catch (err) {
        if (err instanceof BeyondCalendarError) {
          beyondCalendar = true;
          return null;
        }
        throw err;
      }
    };
    const result = { committed: compute(committed), legal: compute(legal) };
    return { ...result, beyondCalendar };
  }
}

/** The materials of a submission: the listed uploads plus every file in an attachment field, checked against the guide. */
function collectMaterials(content: ItemContent, formData: FormValues, listed: MaterialRef[]): MaterialRef[] {
  const keys = new Set(content.guide.materials.map((m) => m.key));
  const problems: Array<{ path: string; message: string }> = [];
  listed.forEach((m, i) => {
    if (!keys.has(m.materialKey)) problems.push({ path: `materials.${i}.materialKey`, message: `本事项没有“${m.materialKey}”这项材料` });
  });
  const fromFields = content.form.fields
    .filter((f) => f.type === "attachment" && typeof formData[f.key] === "string" && formData[f.key] !== "")
    .map((f) => ({ materialKey: `field:${f.key}`, fileId: formData[f.key] as string }));
  const all = [...listed, ...fromFields];
  const ids = new Set<string>();
  all.forEach((m, i) => {
    if (!/^[0-9a-f-]{36}$/.test(m.fileId)) problems.push({ path: `materials.${i}.fileId`, message: "材料文件标识无效" });
    else if (ids.has(m.fileId)) problems.push({ path: `materials.${i}.fileId`, message: "同一文件不能重复提交" });
    ids.add(m.fileId);
  });
  if (problems.length) throw new DomainError("MATERIAL_INVALID", { issues: problems });
  return all;
}

/** Links uploaded files to the application; each must be the submitter's own and not yet used. */
async function attachMaterials(repos: Repositories, actor: Actor, applicationId: string, materials: MaterialRef[]) {
  const files = new Map((await repos.files.findManyForUpdate(materials.map((m) => m.fileId))).map((f) => [f.id, f]));
  const problems = materials
    .filter((m) => {
      const f = files.get(m.fileId);
      return !f || f.owner_account_id !== actor.accountId || f.application_id !== null;
    })
    .map((m) => ({ path: m.materialKey, message: "材料文件不存在、不属于您或已用于其他申请，请重新上传" }));
  if (problems.length) throw new DomainError("MATERIAL_INVALID", { issues: problems });
  for (const m of materials) await repos.files.attach(m.fileId, applicationId, m.materialKey);
}

/** The built-in action for parallel sign-off (会签) in a state that declares `parallel`. */
export const COUNTERSIGN = "countersign";

