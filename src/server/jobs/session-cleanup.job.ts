import type PgBoss from "pg-boss";
import type { Store } from "../db/store";
import { cleanUpSessions, type Repos } from "../modules/identity/session-cleanup";

export const SESSION_CLEANUP_QUEUE = "session-cleanup";

/** Registers the queue, its schedule (every ten minutes) and, when `work` is set, this process's worker. */
export async function registerSessionCleanup(boss: PgBoss, store: Store<Repos>, idleMinutes: number, work: boolean, alsoPrune: () => Promise<void> = async () => {}): Promise<void> {
  await boss.createQueue(SESSION_CLEANUP_QUEUE);
  await boss.schedule(SESSION_CLEANUP_QUEUE, "*/10 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(SESSION_CLEANUP_QUEUE, async () => {
      await cleanUpSessions(store, idleMinutes);
      await alsoPrune();
    });
  }
}
