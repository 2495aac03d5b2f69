import type PgBoss from "pg-boss";
import { todayInChina } from "../../shared/working-days";
import type { WorkflowDefinition } from "../../shared/workflow-definition";
import { SYSTEM_ACTOR } from "../actor";
import type { Store } from "../db/store";

export const OVERDUE_QUEUE = "overdue-alerts";

/**
 * Marks every unfinished application past its committed deadline once: an `overdue_alert` event on
 * its timeline, an outbox event for the handling org's supervisors, and an audit record. Each
 * application is handled in its own transaction under a row lock, so several workers never alert
 * twice. Applications waiting for the applicant (补正) are not overdue: their clock stands still.
 */
export async function raiseOverdueAlerts(store: Store, now: Date = new Date()): Promise<number> {
  const today = todayInChina(now);
  const candidates = await store.repos.applications.listNewlyOverdue(today, 500);
  let raised = 0;
  for (const c of candidates) {
    const done = await store.transact(async (repos) => {
      const app = await repos.applications.findForUpdate(c.id);
      if (!app || app.outcome !== null || !app.committed_deadline || app.committed_deadline >= today) return false;
      const state = (app.workflow as WorkflowDefinition).states.find((s) => s.key === app.state);
      if (state?.kind === "waiting_applicant") return false;
      if (await repos.applications.hasEvent(app.id, "overdue_alert")) return false;
      await repos.applications.insertEvent({
        created_at: now,
        application_id: app.id,
        action: "overdue_alert",
        from_state: app.state,
        to_state: app.state,
        actor_account_id: null,
        actor_name: SYSTEM_ACTOR.name,
        org_id: app.handling_org_id,
        opinion: `已超过承诺办结期限（${app.committed_deadline}）`,
        details: { deadline: app.committed_deadline },
        region_code: app.region_code,
      });
      await repos.applications.insertOutbox("application.overdue", { applicationId: app.id, number: app.number, handlingOrgId: app.handling_org_id }, app.region_code);
      await repos.audit.append(SYSTEM_ACTOR, { requestId: null, ip: null, userAgent: null }, { action: "application.overdue_alert", targetType: "application", targetId: app.id, orgId: app.handling_org_id, regionCode: app.region_code, details: { number: app.number, deadline: app.committed_deadline } });
      return true;
    });
    if (done) raised++;
  }
  return raised;
}

/** Registers the hourly overdue scan and, when `work` is set, this process's worker. */
export async function registerOverdueAlerts(boss: PgBoss, store: Store, work: boolean): Promise<void> {
  await boss.createQueue(OVERDUE_QUEUE);
  await boss.schedule(OVERDUE_QUEUE, "7 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(OVERDUE_QUEUE, async () => {
      await raiseOverdueAlerts(store);
    });
  }
}
