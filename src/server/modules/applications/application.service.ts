import type { FormValues } from "../../../shared/form-values";
import type { DocumentKind } from "../../../shared/schemas/documents";
import { DEFAULT_WORK_CALENDAR, type WorkCalendar } from "../../../shared/working-days";
import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import { VersionContents } from "../catalogue";
import { IdempotencyService } from "../idempotency";
import { ActOnApplication, type Repos as ActRepos } from "./act-on-application";
import { ApplicationClock } from "./application-clock";
import type { MaterialAttacher } from "./application-materials";
import { ApplicationReadModel, type Repos as ReadRepos } from "./application-read-model";
import { ApplicationTimeline, type Repos as TimelineRepos, type TimelineEntry } from "./application-timeline";
import type { ActionCheck, ActionGate, Applicant, DecisionListener, EnteredListener, InboxFilter, SubmissionParts, MaterialRef, OnceOnly, SubmissionListener, SubmitInput } from "./application-types";
import type { ApplicationRepository } from "./application.repository";
import { AssignApplication, type Repos as AssignRepos } from "./assign-application";
import { SubmitApplication, type Repos as SubmitRepos } from "./submit-application";

export type { ActionGate, ApplicationRow, Applicant, DecisionListener, EnteredApplication, EnteredListener, InboxFilter, MaterialRef, OnceOnly, SubmissionListener, SubmitInput } from "./application-types";
export { COUNTERSIGN } from "./application-types";

/** The repositories of the applications module's use cases. */
export type Repos = SubmitRepos & ActRepos & AssignRepos & ReadRepos & TimelineRepos & { applications: ApplicationRepository };

/**
 * Applications (办件): the module's one entry for routes and other modules. Each use case lives in its
 * own file — submission (submit-application.ts), workflow actions and 秒批 (act-on-application.ts),
 * 认领/指派 (assign-application.ts), what people see (application-read-model.ts) — sharing one clock,
 * one timeline writer and the item contents cache.
 */
export class ApplicationService {
  private readonly submitting: SubmitApplication;
  private readonly acting: ActOnApplication;
  private readonly assigning: AssignApplication;
  private readonly reading: ApplicationReadModel;
  private readonly timeline: ApplicationTimeline;

  constructor(
    private readonly store: Store<Repos>,
    cipher: FieldCipher,
    materials: MaterialAttacher,
    now: () => Date = () => new Date(),
    calendarOf: () => WorkCalendar = () => DEFAULT_WORK_CALENDAR,
    once: OnceOnly | null = null,
    parts: SubmissionParts = {},
    idempotency: IdempotencyService = new IdempotencyService(store),
  ) {
    const clock = new ApplicationClock(now, calendarOf);
    const contents = new VersionContents(store);
    this.timeline = new ApplicationTimeline(store, now);
    this.reading = new ApplicationReadModel(store, cipher, clock, contents);
    this.acting = new ActOnApplication(store, cipher, clock, contents, this.timeline, this.reading, materials);
    this.submitting = new SubmitApplication(store, cipher, clock, contents, this.timeline, this.reading, materials, idempotency, once, parts, (unit, actor, app, state, ctx) => this.acting.entered(unit, actor, app, state, ctx));
    this.assigning = new AssignApplication(store, this.timeline, this.reading);
  }

  /** Told of every new application in its transaction (秒批 decides here). */
  onSubmitted(listener: SubmissionListener) {
    this.submitting.onSubmitted(listener);
  }

  /** Told of every outcome in the deciding transaction (certificates issued, 一件事 moved on), in order of registration. */
  onDecided(listener: DecisionListener) {
    this.acting.onDecided(listener);
  }

  /** Told when an application enters a state, in the transaction of the change (a fee order is made there). */
  onEntered(listener: EnteredListener) {
    this.acting.onEntered(listener);
  }

  /** A gate asked before every move: an application waits while it holds it (an unpaid fee: PAYMENT_PENDING). */
  addGate(gate: ActionGate) {
    this.acting.addGate(gate);
  }

  /** A check asked before every action, with who takes it (an item handled in a department's own system: HANDLED_EXTERNALLY for anyone else). */
  addActionCheck(check: ActionCheck) {
    this.acting.addActionCheck(check);
    this.assigning.addActionCheck(check);
  }

  /** Stops the application's clock for `reason` (缴费), in the caller's transaction. */
  holdClock(unit: UnitOfWork, app: { id: string; regionCode: string }, reason: string) {
    return this.acting.holdClock(unit, app, reason);
  }

  /** Runs the clock again (the deadlines move by the days it stood) and records why on the timeline. */
  releaseClock(unit: UnitOfWork, id: string, reason: string, entry: { action: string; actor: { accountId: string | null; name: string; orgId: string | null }; opinion?: string | null; details?: Record<string, unknown> }) {
    return this.acting.releaseClock(unit, id, reason, entry);
  }

  submit(actor: Actor, input: SubmitInput, idempotencyKey: string | null, ctx: RequestContext) {
    return this.submitting.submit(actor, input, idempotencyKey, ctx);
  }

  oneClick(actor: Actor, itemId: string, idempotencyKey: string, ctx: RequestContext) {
    return this.submitting.oneClick(actor, itemId, idempotencyKey, ctx);
  }

  submitAtWindow(actor: Actor, input: SubmitInput & { idNumber: string }, ctx: RequestContext, idempotencyKey: string | null = null) {
    return this.submitting.submitAtWindow(actor, input, ctx, idempotencyKey);
  }

  createInTransaction(unit: UnitOfWork, actor: Actor, input: SubmitInput, who: Applicant, ctx: RequestContext, extra: Record<string, unknown> = {}) {
    return this.submitting.createInTransaction(unit, actor, input, who, ctx, extra);
  }

  act(actor: Actor, id: string, input: { action: string; opinion?: string; lockVersion: number; supplementItems?: string[]; formData?: FormValues; materials?: MaterialRef[] }, ctx: RequestContext) {
    return this.acting.act(actor, id, input, ctx);
  }

  decideAutomatically(unit: UnitOfWork, id: string, opinion: string, details: Record<string, unknown>, ctx: RequestContext) {
    return this.acting.decideAutomatically(unit, id, opinion, details, ctx);
  }

  releaseHolding(unit: UnitOfWork, applicationId: string) {
    return this.acting.releaseHolding(unit, applicationId);
  }

  recomputeBeyondCalendar() {
    return this.acting.recomputeBeyondCalendar();
  }

  assign(actor: Actor, id: string, input: { assigneeAccountId: string | null; lockVersion: number }, ctx: RequestContext) {
    return this.assigning.assign(actor, id, input, ctx);
  }

  assignees(actor: Actor, id: string) {
    return this.assigning.assignees(actor, id);
  }

  get(actor: Actor, id: string, ctx: RequestContext) {
    return this.reading.get(actor, id, ctx);
  }

  document(actor: Actor, id: string, kind: DocumentKind) {
    return this.reading.document(actor, id, kind);
  }

  listMine(actor: Actor, limit: number, offset: number) {
    return this.reading.listMine(actor, limit, offset);
  }

  inbox(actor: Actor, filter: InboxFilter, limit: number, offset: number) {
    return this.reading.inbox(actor, filter, limit, offset);
  }

  ofCaller(accountId: string, personId: string | null, limit = 10) {
    return this.reading.ofCaller(accountId, personId, limit);
  }

  inboxSummary(actor: Actor, orgId: string | null) {
    return this.reading.inboxSummary(actor, orgId);
  }

  /** Another module's entry in an application's timeline (an automatic check, a certificate issued, a grant revoked), in its transaction. */
  recordEvent(unit: UnitOfWork, app: { id: string; region_code: string }, entry: TimelineEntry) {
    return this.timeline.record(unit, app, entry);
  }

  /** Certificates standing in for materials (a 一件事 passing an upstream item's certificate on), in the caller's transaction. */
  async attachEvidence(unit: UnitOfWork, applicationId: string, evidence: Array<{ materialKey: string; certificateId: string }>) {
    const repos = this.store.within(unit);
    const attached = new Set((await repos.applications.listEvidence(applicationId)).map((x) => x.material_key));
    for (const e of evidence) {
      if (!attached.has(e.materialKey)) await repos.applications.insertEvidence({ application_id: applicationId, material_key: e.materialKey, certificate_id: e.certificateId, source: "certificates" });
    }
  }
}
