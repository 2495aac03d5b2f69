import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { ThrottleState } from "./login-throttle";

/** Failed-login counters per account and client, and the devices accounts logged in from (in PostgreSQL, so every process sees them). */
export class LoginThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(accountId: string, clientKey: string): Promise<ThrottleState | null> {
    const row = await this.db.selectFrom("login_throttle").selectAll().where("account_id", "=", accountId).where("client_key", "=", clientKey).executeTakeFirst();
    return row ? { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until } : null;
  }

  /** The row locked for this transaction (concurrent failures from one client count one by one). */
  async findForUpdate(accountId: string, clientKey: string): Promise<ThrottleState | null> {
    const row = await this.db.selectFrom("login_throttle").selectAll().where("account_id", "=", accountId).where("client_key", "=", clientKey).forUpdate().executeTakeFirst();
    return row ? { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until } : null;
  }

  async save(accountId: string, clientKey: string, state: ThrottleState): Promise<void> {
    await this.db
      .insertInto("login_throttle")
      .values({ account_id: accountId, client_key: clientKey, failures: state.failures, last_failure_at: state.lastFailureAt, locked_until: state.lockedUntil })
      .onConflict((oc) => oc.columns(["account_id", "client_key"]).doUpdateSet({ failures: state.failures, last_failure_at: state.lastFailureAt, locked_until: state.lockedUntil }))
      .execute();
  }

  async clear(accountId: string, clientKey: string): Promise<void> {
    await this.db.deleteFrom("login_throttle").where("account_id", "=", accountId).where("client_key", "=", clientKey).execute();
  }

  /** Failures (locks count as the maximum) from unknown clients (addresses) since `since`. */
  async recentUnknownFailures(accountId: string, since: Date, maxFailures: number): Promise<number> {
    const row = await this.db
      .selectFrom("login_throttle")
      .select(sql<string>`coalesce(sum(case when locked_until is not null then ${maxFailures} else failures end), 0)`.as("n"))
      .where("account_id", "=", accountId)
      .where("client_key", "like", "ip:%")
      .where("last_failure_at", ">=", since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async isKnownDevice(accountId: string, deviceHash: string): Promise<boolean> {
    return (await this.db.selectFrom("login_devices").select("account_id").where("account_id", "=", accountId).where("device_hash", "=", deviceHash).executeTakeFirst()) !== undefined;
  }

  async rememberDevice(accountId: string, deviceHash: string, now: Date): Promise<void> {
    await this.db
      .insertInto("login_devices")
      .values({ account_id: accountId, device_hash: deviceHash, created_at: now, last_used_at: now })
      .onConflict((oc) => oc.columns(["account_id", "device_hash"]).doUpdateSet({ last_used_at: now }))
      .execute();
  }

  /** Counters that no longer matter (older than a day and not locked). */
  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom("login_throttle").where("last_failure_at", "<", before).where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", before)])).execute();
  }
}
