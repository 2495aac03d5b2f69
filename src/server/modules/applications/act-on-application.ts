import { validateFormValues, type FormValues } from "../../../shared/form-values";
import { approvalPath, type WorkflowDefinition } from "../../../shared/workflow-definition";
import type { Pause } from "../../../shared/working-days";
import { SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openForm, sealForm } from "../../crypto/form-sealing";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { VersionContentsRepos as ContentRepos, VersionContents } from "../catalogue";
import type { FileRepository } from "../files";
import type { OrgRepository } from "../orgs";
import type { OutboxRepository } from "../outbox";
import { applicationAccess } from "./application-access";
import type { ApplicationClock } from "./application-clock";
import { collectMaterials, type MaterialAttacher } from "./application-materials";
import type { ApplicationReadModel } from "./application-read-model";
import type { ApplicationTimeline } from "./application-timeline";
import { COUNTERSIGN, type ActionCheck, type ActionGate, type ApplicationRow, type DecisionExtras, type DecisionListener, type EnteredApplication, type EnteredListener, type MaterialRef } from "./application-types";
import type { TimelineEntry } from "./application-timeline";
import type { ApplicationRepository } from "./application.repository";
import { keepsHolding } from "./holding";
import type { HoldingRepository } from "./holding.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; audit: AuditRepository; files: FileRepository; holdings: HoldingRepository; orgs: OrgRepository; outbox: OutboxRepository } & ContentRepos;

export interface ActInput {
  action: string;
  opinion?: string;
  lockVersion: number;
  supplementItems?: string[];
  formData?: FormValues;
  materials?: MaterialRef[];
  certificateData?: Record<string, string>;
}

/**
 * Transitions through the workflow definition (as data): staff and applicant actions with optimistic
 * concurrency, 会签, clock pauses for 补正, and 秒批 decisions by the system — each recorded through the
 * one timeline, with its audit record, in the transaction of the change. An outcome tells the decision
 * listeners (the certificate issuer, 一件事) in the same transaction.
 * Raises: APPLICATION_NOT_FOUND, APPLICATION_CHANGED, ACTION_NOT_ALLOWED, COUNTERSIGN_PENDING,
 * REASON_REQUIRED, APPLICATION_CLAIMED, FORM_DATA_INVALID, MATERIAL_INVALID, FORBIDDEN.
 */
export class ActOnApplication {
  private readonly decisionListeners: DecisionListener[] = [];
  private readonly actionChecks: ActionCheck[] = [];
  private readonly enteredListeners: EnteredListener[] = [];
  private readonly gates: ActionGate[] = [];

  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly clock: ApplicationClock,
    private readonly contents: VersionContents,
    private readonly timeline: ApplicationTimeline,
    private readonly read: ApplicationReadModel,
    private readonly materials: MaterialAttacher,
  ) {}

  /** Registers a check asked before any action (a staff member's, a department system's or the applicant's). */
  addActionCheck(check: ActionCheck) {
    this.actionChecks.push(check);
  }

  /** Registers a listener for outcomes, called in order of registration. */
  onDecided(listener: DecisionListener) {
    this.decisionListeners.push(listener);
  }

  /** Registers a listener told when an application enters a state (after the change, in its transaction). */
  onEntered(listener: EnteredListener) {
    this.enteredListeners.push(listener);
  }

  /** Registers a gate asked before every move (an unpaid fee holds the application). */
  addGate(gate: ActionGate) {
    this.gates.push(gate);
  }

  /** Tells the state-entry listeners (the submission path calls this for the start state). */
  async entered(unit: UnitOfWork, actor: Actor, app: EnteredApplication, state: string, ctx: RequestContext) {
    for (const listener of this.enteredListeners) await listener(unit, actor, app, state, ctx);
  }

  /** The first reason a gate gives for holding the application before `to`, or null. */
  private async held(unit: UnitOfWork, id: string, workflow: WorkflowDefinition, to: string) {
    for (const gate of this.gates) {
      const code = await gate(unit, id, workflow, to);
      if (code) return code;
    }
    return null;
  }

  /** Stops the application's clock for a reason of another module (a fee to pay), in the caller's transaction. */
  async holdClock(unit: UnitOfWork, app: { id: string; regionCode: string }, reason: string) {
    await this.store.within(unit).applications.openPause(app.id, reason, this.clock.today(), app.regionCode);
  }

  /** Runs the clock again after `holdClock`: the deadlines move by the working days it stood, and the timeline says why. */
  async releaseClock(unit: UnitOfWork, id: string, reason: string, entry: Omit<TimelineEntry, "from" | "to">) {
    const repos = this.store.within(unit);
    const app = await repos.applications.findForUpdate(id);
    if (!app) return;
    await repos.applications.closePauses(id, this.clock.today(), reason);
    const current = (app.workflow as WorkflowDefinition).states.find((s) => s.key === app.state);
    if (app.outcome === null && current?.kind !== "waiting_applicant") {
      const pauses: Pause[] = (await repos.applications.listPauses(id)).map((p) => ({ from: p.from_date, to: p.to_date }));
      const d = this.clock.deadlines(app.start_date, app.committed_days, app.legal_days, pauses);
      await repos.applications.setDeadlines(id, d.committed, d.legal, d.beyondCalendar);
    }
    await this.timeline.record(repos, app, { ...entry, from: app.state, to: app.state });
  }

  /** Takes a workflow action: checks the table, the role and org, the reason, and the version read. */
  async act(actor: Actor, id: string, input: ActInput, ctx: RequestContext) {
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
      for (const check of this.actionChecks) {
        const refused = await check(repos, { actor, app, action: action.key, isApplicant, certificateData: input.certificateData !== undefined });
        if (refused) throw new DomainError(refused);
      }
      const hold = await this.held(repos, id, workflow, action.to);
      if (hold) throw new DomainError(hold);
      // Once claimed, only the claimant handles the current step (the applicant's own actions aside).
      if (!isApplicant && app.assignee_account_id && app.assignee_account_id !== actor.accountId) throw new DomainError("APPLICATION_CLAIMED", { assigneeName: app.assignee_name });

      const today = this.clock.today();
      let formData: string | undefined;
      if (input.formData || input.materials) {
        if (!isApplicant || action.key !== "resubmit") throw new DomainError("ACTION_NOT_ALLOWED");
        const content = await this.contents.get(app.version_id, repos);
        const values = input.formData ?? openForm(app.form_data, this.cipher);
        const problems = validateFormValues(content.form.fields, values);
        if (problems.length) throw new DomainError("FORM_DATA_INVALID", { issues: problems.map((p) => ({ path: p.path.join("."), message: p.message })) });
        if (input.formData) formData = JSON.stringify(sealForm(content.form.fields, input.formData, this.cipher));
        const attached = new Set((await repos.files.listForApplication(id)).map((f) => f.id));
        const fresh = collectMaterials(content, values, input.materials ?? []).filter((m) => !attached.has(m.fileId));
        await this.materials.attach(repos, actor, id, fresh);
      }
      if (action.supplement) await repos.applications.openPause(id, "补正", today, app.region_code);
      const leavingPause = current.kind === "waiting_applicant";
      if (leavingPause) await repos.applications.closePauses(id, today);
      const target = workflow.states.find((s) => s.key === action.to)!;
      const pauses: Pause[] = (await repos.applications.listPauses(id)).map((p) => ({ from: p.from_date, to: p.to_date }));
      // While the clock stands still the deadlines stay as they were; they move when it runs again.
      const deadlines = target.kind === "waiting_applicant" ? { committed: app.committed_deadline, legal: app.legal_deadline } : this.clock.deadlines(app.start_date, app.committed_days, app.legal_days, pauses);
      const ok = await repos.applications.updateIfVersion(id, input.lockVersion, {
        state: target.key,
        outcome: target.kind === "terminal" ? (target.outcome ?? null) : null,
        committed_deadline: deadlines.committed,
        legal_deadline: deadlines.legal,
        ...(target.key !== app.state ? { assignee_account_id: null, assignee_name: null, step_deadline: this.clock.stepDeadline(today, target) } : {}),
        ...(formData ? { form_data: formData } : {}),
      });
      if (!ok) throw new DomainError("APPLICATION_CHANGED");
      await this.timeline.recordTransition(repos, app, {
        action: action.key,
        from: app.state,
        to: target.key,
        actor: { accountId: actor.accountId, name: actor.name, orgId: actor.orgId },
        opinion: input.opinion?.trim() || null,
        details: action.supplement ? { supplementItems: input.supplementItems ?? [] } : {},
      });
      await repos.audit.append(actor, ctx, { action: `application.${action.key}`, targetType: "application", targetId: id, regionCode: app.region_code, details: { number: app.number, from: app.state, to: target.key } });
      if (target.outcome) await this.decided(repos, actor, formData ? { ...app, form_data: JSON.parse(formData) } : app, target.outcome, ctx, { certificateData: input.certificateData });
      else if (target.key !== app.state) {
        const sealed = formData ? JSON.parse(formData) : app.form_data;
        await this.entered(repos, actor, { id, number: app.number, itemId: app.item_id, versionId: app.version_id, workflow, formData: () => openForm(sealed, this.cipher), applicantAccountId: app.applicant_account_id, personId: app.applicant_person_id, enterpriseId: app.acting_for_enterprise_id, applicantName: app.applicant_name, handlingOrgId: app.handling_org_id, regionCode: app.region_code }, target.key, ctx);
      }
      return this.read.receipt(repos, id);
    });
  }

  /**
   * 秒批: the system takes the staff actions from the current state to approval (the shortest path
   * without supplements or refusals), each recorded with the decision's reasons, and the approval tells
   * the listeners (the certificate is issued) as any approval does. Returns false when the workflow has
   * no such path (the application stays with people).
   */
  async decideAutomatically(unit: UnitOfWork, id: string, opinion: string, details: Record<string, unknown>, ctx: RequestContext): Promise<boolean> {
    const repos = this.store.within(unit);
    const app = await repos.applications.findForUpdate(id);
    if (!app || app.outcome !== null) return false;
    const workflow = app.workflow as WorkflowDefinition;
    const path = approvalPath(workflow, app.state);
    if (!path || path.length === 0) return false;
    const actor: Actor = { ...SYSTEM_ACTOR, name: "自动审批" };
    const steps = path.map((action, i) => ({ action, from: i === 0 ? app.state : path[i - 1]!.to }));
    const state = path.at(-1)!.to;
    const target = workflow.states.find((s) => s.key === state)!;
    // A fee still to pay keeps the application with people, who decide once it is paid.
    for (const step of path) if (await this.held(repos, id, workflow, step.to)) return false;
    if (!(await repos.applications.updateIfVersion(id, app.lock_version, { state, outcome: target.outcome ?? null, assignee_account_id: null, assignee_name: null, step_deadline: null }))) return false;
    for (const [i, step] of steps.entries()) {
      const entry = { action: step.action.key, from: step.from, to: step.action.to, actor: { accountId: null, name: actor.name, orgId: app.handling_org_id }, opinion, details: { automatic: true, ...details } };
      if (i === steps.length - 1) await this.timeline.recordTransition(repos, app, entry);
      else await this.timeline.record(repos, app, entry);
    }
    await repos.audit.append(actor, ctx, { action: "application.auto_approve", targetType: "application", targetId: id, orgId: app.handling_org_id, regionCode: app.region_code, details: { number: app.number, path: path.map((a) => a.key), ...details } });
    await this.decided(repos, actor, app, "approved", ctx);
    return true;
  }

  /** A grant taken back (免申即享 revoked): the subject no longer holds it. */
  async releaseHolding(unit: UnitOfWork, applicationId: string) {
    await this.store.within(unit).holdings.release(applicationId, this.clock.now());
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
        const d = this.clock.deadlines(a.start_date, a.committed_days, a.legal_days, pauses);
        if (d.beyondCalendar) continue;
        await repos.applications.setDeadlines(a.id, d.committed, d.legal, false);
        fixed++;
      }
      if (fixed) await repos.audit.append(SYSTEM_ACTOR, { requestId: null, ip: null, userAgent: null }, { action: "application.deadlines_recomputed", targetType: "application", details: { count: fixed } });
      return fixed;
    });
  }

  /** An outcome: dated with the working days it took; the holding is kept or released, and the listeners act in the same transaction. */
  private async decided(repos: Repos, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext, extras: DecisionExtras = {}) {
    const pauses: Pause[] = (await repos.applications.listPauses(app.id)).map((p) => ({ from: p.from_date, to: p.to_date }));
    await repos.applications.markDecided(app.id, this.clock.now(), this.clock.workingDaysTaken(app.start_date, pauses));
    const holding = await repos.holdings.find(app.id);
    // A decided application keeps its holding if granted (one in progress: never); otherwise the subject may apply again.
    if (holding?.active && !keepsHolding(holding.limit_kind, outcome)) await repos.holdings.release(app.id, this.clock.now());
    for (const listener of this.decisionListeners) await listener(repos, actor, app, outcome, ctx, extras);
  }

  /** 会签: one of the parallel roles signs; the state's follow-up action waits until every role has. */
  private async countersign(repos: Repos, actor: Actor, app: ApplicationRow, roles: string[], inScope: boolean, opinion: string | undefined, ctx: RequestContext) {
    const signed = await repos.applications.countersignedRoles(app.id, app.state);
    const role = inScope ? actor.roles.find((r) => roles.includes(r) && !signed.includes(r)) : undefined;
    if (!role) throw new DomainError(inScope && actor.roles.some((r) => roles.includes(r)) ? "ACTION_NOT_ALLOWED" : "FORBIDDEN", { state: app.state, action: COUNTERSIGN });
    if (!(await repos.applications.updateIfVersion(app.id, app.lock_version, { state: app.state }))) throw new DomainError("APPLICATION_CHANGED");
    await this.timeline.record(repos, app, { action: COUNTERSIGN, from: app.state, to: app.state, actor: { accountId: actor.accountId, name: actor.name, orgId: actor.orgId }, opinion: opinion?.trim() || null, details: { role } });
    await repos.audit.append(actor, ctx, { action: "application.countersign", targetType: "application", targetId: app.id, regionCode: app.region_code, details: { number: app.number, role } });
    return this.read.receipt(repos, app.id);
  }
}
