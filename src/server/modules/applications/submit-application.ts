import { createHash, randomUUID } from "node:crypto";
import { missingMaterials } from "../../../shared/required-materials";
import { canonicalJson } from "../../../shared/canonical-json";
import { validateFormValues, type FormValues } from "../../../shared/form-values";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import { templateFor, type WorkflowDefinition } from "../../../shared/workflow-definition";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { sealForm } from "../../crypto/form-sealing";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import type { VersionContentsRepos as ContentRepos, VersionContents } from "../catalogue";
import type { IdempotencyRepos, CompleteIdempotent, IdempotencyService } from "../idempotency";
import type { AccountRepository } from "../identity";
import type { CounterRepository } from "../numbering";
import type { OutboxRepository } from "../outbox";
import type { EnterpriseRepository } from "../registry";
import type { PersonRepository } from "../registry";
import { materialElement } from "../sharing";
import { assertFormNamesApplicant } from "./applicant-subject";
import type { ApplicationClock } from "./application-clock";
import { collectMaterials, type MaterialAttacher } from "./application-materials";
import type { Receipt } from "./application-presenter";
import type { ApplicationReadModel } from "./application-read-model";
import type { ApplicationTimeline } from "./application-timeline";
import type { Applicant, EnteredListener, MaterialRef, SubmissionParts, OnceOnly, SubmissionListener, SubmitInput } from "./application-types";
import type { ApplicationRepository } from "./application.repository";
import type { DraftRepository } from "./draft.repository";
import { claimHolding, holdingKeyFor } from "./holding";
import type { HoldingRepository } from "./holding.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; applications: ApplicationRepository; audit: AuditRepository; catalogue: CatalogueRepository; counters: CounterRepository; drafts: DraftRepository; enterprises: EnterpriseRepository; holdings: HoldingRepository; outbox: OutboxRepository; persons: PersonRepository } & ContentRepos & IdempotencyRepos;

/**
 * Submission (申请) through every channel — online, 一键申请, at a window, a 一件事 or a 免申即享 grant
 * creating its items: idempotency keys, validation against the published form, the subject check, how
 * often the item may be held, the day's number, working-day deadlines, materials, consented prefill and
 * 免提交 evidence, the first timeline entry, the outbox event and the audit record in one transaction;
 * then the submission listeners (秒批) in the same transaction.
 * Raises: ITEM_NOT_FOUND, FORM_DATA_INVALID, MATERIAL_INVALID, IDEMPOTENCY_KEY_REUSED, PERSON_NOT_FOUND,
 * NOT_CITYWIDE, ONE_CLICK_INCOMPLETE, NOT_AUTHORISED_FOR_ENTERPRISE, ALREADY_HELD, FORBIDDEN.
 */
export class SubmitApplication {
  private readonly submissionListeners: SubmissionListener[] = [];
  /** Workflow definition ids by content hash, once known to be committed. */
  private readonly workflowIds = new Map<string, string>();

  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly clock: ApplicationClock,
    private readonly contents: VersionContents,
    private readonly timeline: ApplicationTimeline,
    private readonly read: ApplicationReadModel,
    private readonly materials: MaterialAttacher,
    private readonly idempotency: IdempotencyService,
    private readonly once: OnceOnly | null,
    private readonly parts: SubmissionParts = {},
    /** Tells the state-entry listeners (ActOnApplication's) that the application is in its start state. */
    private readonly entered: EnteredListener = async () => {},
  ) {}

  /** Registers a listener told of every new application in its transaction (秒批 decides there). */
  onSubmitted(listener: SubmissionListener) {
    this.submissionListeners.push(listener);
  }

  /** Submits online as the actor (or the enterprise they act for); a retried or concurrent duplicate key returns the same receipt. */
  async submit(actor: Actor, input: SubmitInput, idempotencyKey: string | null, ctx: RequestContext) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return this.idempotency.run(
      { accountId: actor.accountId, scope: "applications.submit", key: idempotencyKey, body: input },
      (complete) => this.submitOnline(actor, input, ctx, complete),
      (id) => this.read.receipt(this.store.repos, id),
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
        const content = await this.contents.get(item!.version_id!, this.store.repos);
        const formData: FormValues = Object.fromEntries(prefill.fields.map((f) => [f.key, f.value]));
        const problems = validateFormValues(content.form.fields, formData);
        if (problems.length) throw new DomainError("ONE_CLICK_INCOMPLETE", { fields: [...new Set(problems.map((p) => content.form.fields.find((f) => f.key === p.path[0])?.label ?? String(p.path[0])))] });
        return this.submitOnline(actor, { itemId, formData, prefillId: prefill.prefillId, dataConsent: true }, ctx, complete);
      },
      (id) => this.read.receipt(this.store.repos, id),
    );
  }

  /**
   * A window clerk applies on behalf of a walk-in person (looked up by ID number, the read audited
   * with its purpose). Any 全市通办 item may be accepted at any centre: the application is routed to
   * the item's implementing org (收受分离).
   */
  async submitAtWindow(actor: Actor, input: SubmitInput & { idNumber: string }, ctx: RequestContext, idempotencyKey: string | null = null) {
    if (!hasRole(actor, "window_clerk")) throw new DomainError("FORBIDDEN");
    return this.idempotency.run(
      { accountId: actor.accountId, scope: "window.submit", key: idempotencyKey, body: input },
      (complete) => this.submitForWalkIn(actor, input, ctx, complete),
      (id) => this.read.receipt(this.store.repos, id),
    );
  }

  private async submitForWalkIn(actor: Actor, input: SubmitInput & { idNumber: string }, ctx: RequestContext, complete: CompleteIdempotent) {
    const person = await this.store.repos.persons.findByIdNumberHash(this.cipher.blindIndex("id", input.idNumber));
    if (!person) throw new DomainError("PERSON_NOT_FOUND");
    const item = await this.store.repos.catalogue.findApplicable(input.itemId);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    const crossRegion = item.region_code !== "310000" && item.region_code !== actor.regionCode;
    if (crossRegion && !(await this.contents.get(item.version_id)).guide.scope.includes("citywide")) throw new DomainError("NOT_CITYWIDE");
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
  private async create(actor: Actor, input: SubmitInput, who: Applicant, ctx: RequestContext, also: (repos: Repos, applicationId: string) => Promise<void>) {
    const prepared = await this.prepare(this.store.repos, input);
    const created = await this.store.transact(async (repos) => {
      const done = await this.insertPrepared(repos, actor, prepared, input, who, ctx, {}, also, who.channel === "online");
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
  async createInTransaction(unit: UnitOfWork, actor: Actor, input: SubmitInput, who: Applicant, ctx: RequestContext, extra: Record<string, unknown> = {}) {
    const repos = this.store.within(unit);
    const prepared = await this.prepare(repos, input);
    return (await this.insertPrepared(repos, actor, prepared, input, who, ctx, extra)).receipt;
  }

  /** Everything a submission needs that can be known before its transaction. */
  private async prepare(repos: Repos, input: SubmitInput) {
    const item = await repos.catalogue.findApplicable(input.itemId);
    const versionId = item?.version_id;
    if (!item || !versionId) throw new DomainError("ITEM_NOT_FOUND");
    const content = await this.contents.get(versionId, repos);
    const problems = validateFormValues(content.form.fields, input.formData);
    if (problems.length) throw new DomainError("FORM_DATA_INVALID", { issues: problems.map((p) => ({ path: p.path.join("."), message: p.message })) });
    const materials = collectMaterials(content, input.formData, input.materials ?? []);
    const workflow: WorkflowDefinition = (item.workflow as WorkflowDefinition | null) ?? templateFor(content.guide.committedLimitDays, item.kind);
    const workflowJson = JSON.stringify(workflow);
    const workflowHash = createHash("sha256").update(canonicalJson(workflow)).digest("hex");
    return { item, versionId, content, materials, workflow, workflowJson, workflowHash };
  }

  /** `beforeNumber` (the idempotency key, a window's read record) runs in the transaction before the day's number is taken. */
  /**
   * `beforeNumber` (the idempotency key, a window's read record) runs in the transaction before the day's number is taken;
   * `materialsChecked`: an online application's missing materials (neither uploaded, shared nor generated) are
   * recorded with the applicant's promise where the guide allows 告知承诺 — a 一件事 names and carries its own.
   */
  private async insertPrepared(repos: Repos, actor: Actor, prepared: Awaited<ReturnType<SubmitApplication["prepare"]>>, input: SubmitInput, who: Applicant, ctx: RequestContext, extra: Record<string, unknown> = {}, beforeNumber?: (repos: Repos, applicationId: string) => Promise<void>, materialsChecked = false): Promise<{ receipt: Receipt; workflowId: string }> {
    const { item, versionId, content, materials, workflow, workflowJson, workflowHash } = prepared;
    const start = this.clock.today();
    const deadlines = this.clock.deadlines(start, content.guide.committedLimitDays, content.guide.legalLimitDays, []);
    const division = item.region_code;
    const startState = workflow.states.find((s) => s.kind === "start")!;
    const stepDeadline = this.clock.stepDeadline(start, startState);
    const submittedAt = this.clock.now();
    const enterpriseId = who.enterpriseId !== undefined ? who.enterpriseId : who.channel === "online" ? (actor.actingFor?.enterpriseId ?? null) : null;
    // An agent (经办人) applies for the enterprise only with the authorisation to apply.
    if (who.enterpriseId === undefined && who.channel === "online" && actor.actingFor?.relation === "agent" && !actor.actingFor.scopes.includes("apply")) throw new DomainError("NOT_AUTHORISED_FOR_ENTERPRISE");
    await assertFormNamesApplicant(repos, this.cipher, start, content.form.fields, input.formData, { personId: who.applicantPersonId, enterpriseId });
    // How often the subject may hold the item (a benefit granted once …), whatever the channel.
    const holdingKey = content.holdingLimit ? await holdingKeyFor(repos, content.holdingLimit, content.form.fields, input.formData, { personId: who.applicantPersonId, enterpriseId }) : null;
    const workflowId = this.workflowIds.get(workflowHash) ?? (await repos.applications.workflowId(workflowHash, workflowJson));
    // The day's number is taken as late as possible (below): its counter row stays locked from then to
    // the commit, and every submission of the region and day waits on it. Until then the row carries a
    // unique placeholder that no one outside this transaction ever sees.
    const app = await repos.applications.insert({
      number: `pending-${randomUUID()}`,
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
      state: startState.key,
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
    await this.materials.attach(repos, actor, app.id, materials);
    // The documents the form generates are owed, dated now (co-signed: when the signers were asked), and rendered after the commit.
    const generated = this.parts.documents ? await this.parts.documents.owe(repos, { id: app.id, regionCode: item.region_code }, content, input.documentsAt ?? submittedAt) : 0;
    const prefill = input.prefillId && this.once && who.channel === "online" ? await this.once.prefills.claim(repos, actor, input.prefillId, item.id, input.formData, app.id) : null;
    // Online, everyone the form names signs its documents first, in their own account (a window clerk witnesses it on paper).
    if (who.channel === "online" && !input.coSigned && this.parts.coSigners) await this.parts.coSigners(repos, content, input.formData, who.applicantPersonId);
    if (who.channel === "online") await repos.drafts.delete(actor.accountId, item.id, actor.actingFor?.enterpriseId ?? null);
    const appRef = { id: app.id, region_code: item.region_code };
    await this.timeline.record(repos, appRef, { action: "submit", from: null, to: startState.key, actor: { accountId: actor.accountId, name: actor.name, orgId: who.acceptingOrgId }, details: { channel: who.channel, materials: materials.length, ...(generated ? { generated } : {}), ...extra } });
    // The event names the application; its consumers read the number from it once committed.
    await repos.outbox.append("application.submitted", { applicationId: app.id, itemId: item.id, handlingOrgId: item.org_id, state: startState.key }, item.region_code);
    if (beforeNumber) await beforeNumber(repos, app.id);
    // From here on the number is needed (shared-data purposes, the audit record, the receipt).
    const seq = await repos.counters.next(division, start);
    const number = `${division}-${start.replaceAll("-", "")}-${String(seq).padStart(6, "0")}`;
    await repos.applications.setNumber(app.id, number);
    const consentAt = prefill?.consentedAt ?? (input.dataConsent ? submittedAt : null);
    const shared = consentAt
      ? await this.attachSharedEvidence(repos, actor, ctx, { id: app.id, number, itemCode: item.basic_code, itemName: content.name, orgId: item.org_id, regionCode: item.region_code }, content, materials, {
          personId: who.applicantPersonId,
          enterpriseId,
          accountId: who.applicantAccountId,
        })
      : [];
    const waived = shared.length;
    // Named before submission in the browser and refused here too (the whole submission rolls back): an application goes
    // without a material only on a promise where the guide takes one (告知承诺), and the promise and what it covers are recorded.
    const missing = materialsChecked ? missingMaterials(content.guide.materials, new Set(materials.map((m) => m.materialKey)), new Set(shared)) : [];
    if (missing.length && !(content.guide.promise && input.promise)) throw new DomainError("MATERIALS_MISSING", { materials: missing.map((m) => ({ key: m.key, name: m.name })), promiseAllowed: !!content.guide.promise });
    if (missing.length) extra = { ...extra, promised: missing.map((m) => m.name) };
    if (prefill || consentAt) await repos.applications.setOnceOnly(app.id, { waived_materials: waived, prefilled_fields: prefill?.prefilled ?? 0, prefill_sources: prefill ? JSON.stringify(prefill.sources) : null, data_consent_at: consentAt });
    await repos.audit.append(actor, ctx, { action: "application.submit", targetType: "application", targetId: app.id, orgId: item.org_id, regionCode: item.region_code, details: { number, implCode: item.impl_code, channel: who.channel, ...extra } });
    await this.entered(repos, actor, { id: app.id, number, itemId: item.id, versionId, workflow, formData: () => input.formData, applicantAccountId: who.applicantAccountId, personId: who.applicantPersonId, enterpriseId, applicantName: who.applicantName, handlingOrgId: item.org_id, regionCode: item.region_code }, startState.key, ctx);
    let decided = false;
    for (const listener of this.submissionListeners) decided = (await listener(repos, actor, { id: app.id, itemId: item.id, personId: who.applicantPersonId, enterpriseId, formData: input.formData, authoritativeFields: prefill?.authoritative ?? [], autoRule: item.auto_rule }, ctx)) || decided;
    if (decided) return { receipt: await this.read.receipt(repos, app.id), workflowId };
    const receipt: Receipt = {
      id: app.id,
      number,
      state: startState.key,
      stateName: startState.name,
      outcome: null,
      submittedAt: submittedAt.toISOString(),
      committedDeadline: deadlines.committed,
      legalDeadline: deadlines.legal,
      deadlineBeyondCalendar: deadlines.beyondCalendar,
      stepDeadline,
      light: this.clock.light(deadlines.committed, false),
    };
    return { receipt, workflowId };
  }

  /**
   * 免提交: every material that a certificate or registry data can replace, and that was not uploaded,
   * is satisfied by what the government holds — a valid certificate of the applicant (or their minor
   * child, or their enterprise), or the element in a base registry — read through the sharing service
   * for this application, so the read is checked against the sharing rules and recorded. Materials no
   * rule covers stay to be uploaded. Returns the keys of the materials waived.
   */
  private async attachSharedEvidence(repos: Repos, actor: Actor, ctx: RequestContext, app: { id: string; number: string; itemCode: string; itemName: string; orgId: string; regionCode: string }, content: ItemContent, uploaded: MaterialRef[], subject: { personId: string | null; enterpriseId: string | null; accountId: string | null }): Promise<string[]> {
    if (!this.once) return [];
    const wanted = content.guide.materials.filter((m) => materialElement(m) && !uploaded.some((u) => u.materialKey === m.key));
    const { allowed } = await this.once.sharing.covered(repos, app.orgId, app.itemCode, wanted.map((m) => materialElement(m)!));
    if (!allowed.length) return [];
    const { values } = await this.once.sharing.read(repos, actor, ctx, {
      subject,
      elements: allowed,
      purpose: { kind: "application", applicationId: app.id, applicationNumber: app.number, itemCode: app.itemCode, itemName: app.itemName, readerOrgId: app.orgId, regionCode: app.regionCode },
      consented: true,
    });
    const waived: string[] = [];
    for (const m of wanted) {
      const v = values.find((x) => x.element === materialElement(m));
      if (!v) continue;
      await repos.applications.insertEvidence({ application_id: app.id, material_key: m.key, certificate_id: v.certificateId ?? null, element: v.certificateId ? null : v.element, source: v.registry, source_org_code: v.orgCode });
      waived.push(m.key);
    }
    return waived;
  }
}
