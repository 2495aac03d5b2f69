import { DEFAULT_WORK_CALENDAR, todayInChina, type WorkCalendar } from "../../../shared/working-days";
import type { StaffDirectoryRepository } from "../identity";
import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { ApplicationRepository } from "./application.repository";
import type { AuditRepository } from "../audit";
import type { OutboxRepository } from "../outbox";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; audit: AuditRepository; outbox: OutboxRepository; staffDirectory: StaffDirectoryRepository };

type Candidate = { id: string };

/**
 * Raises one alert of a kind per application: each application is handled in its own transaction
 * under a row lock, so several workers never alert twice. Applications waiting for the applicant
 * (补正) are skipped: their clock stands still.
 */
async function alertOnce(
  store: Store<Repos>,
  candidates: Candidate[],
  kind: { event: string; topic: string; audit: string },
  still: (app: NonNullable<Awaited<ReturnType<ApplicationRepository["findForUpdate"]>>>) => string | null,
  now: Date,
): Promise<number> {
  let raised = 0;
  for (const c of candidates) {
    const done = await store.transact(async (repos) => {
      const app = await repos.applications.findForUpdate(c.id);
      if (!app || app.outcome !== null || !app.committed_deadline) return false;
      const state = (app.workflow as WorkflowDefinition).states.find((s) => s.key === app.state);
      if (state?.kind === "waiting_applicant") return false;
      const opinion = still(app);
      if (!opinion || (await repos.applications.hasEvent(app.id, kind.event))) return false;
      const notified = kind.topic === "application.overdue" ? (await repos.staffDirectory.supervisorsFor(app.region_code)).map((s) => s.name) : [];
      await repos.applications.insertEvent({
        created_at: now,
        application_id: app.id,
        action: kind.event,
        from_state: app.state,
        to_state: app.state,
        actor_account_id: null,
        actor_name: SYSTEM_ACTOR.name,
        org_id: app.handling_org_id,
        opinion,
        details: { deadline: app.committed_deadline, ...(notified.length ? { escalatedTo: notified } : {}) },
        region_code: app.region_code,
      });
      await repos.outbox.append(kind.topic, { applicationId: app.id, number: app.number, handlingOrgId: app.handling_org_id }, app.region_code);
      await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: kind.audit, targetType: "application", targetId: app.id, orgId: app.handling_org_id, regionCode: app.region_code, details: { number: app.number, deadline: app.committed_deadline, ...(notified.length ? { escalatedTo: notified } : {}) } });
      return true;
    });
    if (done) raised++;
  }
  return raised;
}

/**
 * Red light: every unfinished application past its committed deadline is escalated once to the
 * supervisors of its region (an `overdue_alert` event naming them, an outbox event, an audit record).
 */
export async function raiseOverdueAlerts(store: Store<Repos>, now: Date = new Date()): Promise<number> {
  const today = todayInChina(now);
  const candidates = await store.repos.applications.listNewlyOverdue(today, 500);
  return alertOnce(store, candidates, { event: "overdue_alert", topic: "application.overdue", audit: "application.overdue_alert" }, (app) => (app.committed_deadline! < today ? `已超过承诺办结期限（${app.committed_deadline}），已提请督办` : null), now);
}

/** Yellow light: one working day left; the claimant (or the department's handlers) is reminded once. */
export async function raiseDueSoonAlerts(store: Store<Repos>, now: Date = new Date(), calendar: WorkCalendar = DEFAULT_WORK_CALENDAR): Promise<number> {
  const today = todayInChina(now);
  const candidates = await store.repos.applications.listDueWithin(today, 500);
  const yellow = (deadline: string) => {
    try {
      return calendar.light(today, deadline) === "yellow";
    } catch {
      return false;
    }
  };
  return alertOnce(store, candidates, { event: "due_soon_alert", topic: "application.due_soon", audit: "application.due_soon_alert" }, (app) => (yellow(app.committed_deadline!) ? `距承诺办结期限（${app.committed_deadline}）仅剩 1 个工作日` : null), now);
}
