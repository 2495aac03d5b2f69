import type PgBoss from "pg-boss";
import { SYSTEM_ACTOR } from "../actor";
import type { Store } from "../db/store";

export const SESSION_CLEANUP_QUEUE = "session-cleanup";

/** Removes expired and idle sessions (and login counters older than a day); records how many sessions in the audit log when there were any. */
export async function cleanUpSessions(store: Store, idleMinutes: number, now: Date = new Date()): Promise<number> {
  return store.transact(async (repos) => {
    await repos.loginThrottle.prune(new Date(now.getTime() - 86_400_000));
    const removed = await repos.sessions.deleteExpired(now, new Date(now.getTime() - idleMinutes * 60_000));
    if (removed > 0) {
      await repos.audit.append(SYSTEM_ACTOR, { requestId: null, ip: null, userAgent: null }, {
        action: "session.cleanup",
        targetType: "session",
        details: { removed },
      });
    }
    return removed;
  });
}

/** Registers the queue, its schedule (every ten minutes) and, when `work` is set, this process's worker. */
export async function registerSessionCleanup(boss: PgBoss, store: Store, idleMinutes: number, work: boolean, alsoPrune: () => Promise<void> = async () => {}): Promise<void> {
  await boss.createQueue(SESSION_CLEANUP_QUEUE);
  await boss.schedule(SESSION_CLEANUP_QUEUE, "*/10 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(SESSION_CLEANUP_QUEUE, async () => {
      await cleanUpSessions(store, idleMinutes);
      await alsoPrune();
    });
  }
}
