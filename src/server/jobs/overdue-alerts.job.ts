import type PgBoss from "pg-boss";
import { DEFAULT_WORK_CALENDAR, type WorkCalendar } from "../../shared/working-days";
import type { Store } from "../db/store";
import { raiseDueSoonAlerts, raiseOverdueAlerts, type Repos } from "../modules/applications/deadline-alerts";

export const OVERDUE_QUEUE = "overdue-alerts";

/** Registers the hourly deadline scan (yellow and red lights) and, when `work` is set, this process's worker. */
export async function registerOverdueAlerts(boss: PgBoss, store: Store<Repos>, work: boolean, now: () => Date = () => new Date(), calendar: () => WorkCalendar = () => DEFAULT_WORK_CALENDAR): Promise<void> {
  await boss.createQueue(OVERDUE_QUEUE);
  await boss.schedule(OVERDUE_QUEUE, "7 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(OVERDUE_QUEUE, async () => {
      await raiseDueSoonAlerts(store, now(), calendar());
      await raiseOverdueAlerts(store, now());
    });
  }
}
