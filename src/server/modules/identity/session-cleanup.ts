import { SYSTEM_ACTOR } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { LoginThrottleRepository } from "./login-throttle.repository";
import type { SessionRepository } from "./session.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; loginThrottle: LoginThrottleRepository; sessions: SessionRepository };

/** Removes expired and idle sessions (and login counters older than a day); records how many sessions in the audit log when there were any. */
export async function cleanUpSessions(store: Store<Repos>, idleMinutes: number, now: Date = new Date()): Promise<number> {
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
