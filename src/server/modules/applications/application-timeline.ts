import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import type { Store, UnitOfWork } from "../../db/store";
import type { OutboxRepository } from "../outbox";
import type { ApplicationRepository } from "./application.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; outbox: OutboxRepository };

/** One entry of an application's timeline. */
export interface TimelineEntry {
  action: string;
  from: string | null;
  to: string;
  actor: { accountId: string | null; name: string; orgId: string | null };
  opinion?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The application's timeline (application_events) is written here and only here: by staff actions,
 * 秒批 decisions, assignments and 会签, and by other modules through `record` (an automatic check, a
 * certificate issued, a grant revoked) — always in the caller's transaction, beside the change it records.
 */
export class ApplicationTimeline {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
  ) {}

  /** Records one entry in the caller's unit of work. */
  async record(unit: UnitOfWork, app: { id: string; region_code: string }, e: TimelineEntry): Promise<void> {
    await this.store.within(unit).applications.insertEvent({
      created_at: this.now(),
      application_id: app.id,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      actor_account_id: e.actor.accountId,
      actor_name: e.actor.name,
      org_id: e.actor.orgId,
      opinion: e.opinion ?? null,
      details: e.details ?? {},
      region_code: app.region_code,
    });
  }

  /**
   * One transition, whoever takes it (a member of staff, the applicant, the system deciding 秒批):
   * the entry and the `application.transition` outbox event, in the transaction of the change.
   */
  async recordTransition(unit: UnitOfWork, app: { id: string; region_code: string; item_id: string; handling_org_id: string; number: string | null; workflow: unknown }, e: TimelineEntry): Promise<void> {
    await this.record(unit, app, e);
    // The kinds of the states and the outcome travel with the event: its consumers (messages, webhooks) name it without the workflow.
    const workflow = app.workflow as WorkflowDefinition;
    const stateOf = (key: string | null) => workflow.states.find((s) => s.key === key);
    const to = stateOf(e.to);
    const action = workflow.actions.find((a) => a.key === e.action);
    await this.store.within(unit).outbox.append(
      "application.transition",
      { applicationId: app.id, number: app.number, itemId: app.item_id, handlingOrgId: app.handling_org_id, action: e.action, from: e.from, to: e.to, fromKind: stateOf(e.from)?.kind ?? null, toKind: to?.kind ?? "normal", outcome: to?.outcome ?? null, supplement: action?.supplement ?? false },
      app.region_code,
    );
  }
}
