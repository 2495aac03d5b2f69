import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

export interface RequestKey {
  accountId: string;
  scope: string;
  key: string;
}

/** Claims of idempotency keys and the results they led to. */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Claims the key for a request; false when another request holds it already. */
  async claim(k: RequestKey, requestHash: string): Promise<boolean> {
    const row = await this.db
      .insertInto("idempotent_requests")
      .values({ account_id: k.accountId, scope: k.scope, key: k.key, request_hash: requestHash, status: "pending" })
      .onConflict((oc) => oc.columns(["account_id", "scope", "key"]).doNothing())
      .returning("key")
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The claim with the database's own age of it (so that the processes' clocks do not matter). */
  async find(k: RequestKey) {
    return this.db
      .selectFrom("idempotent_requests")
      .select(["request_hash", "status", "result_ref", sql<number>`extract(epoch from (now() - created_at))`.as("age_seconds")])
      .where("account_id", "=", k.accountId)
      .where("scope", "=", k.scope)
      .where("key", "=", k.key)
      .executeTakeFirst();
  }

  /** Records the result: called in the transaction that made the change, so both commit or neither. */
  async complete(k: RequestKey, resultRef: string): Promise<void> {
    await this.db
      .updateTable("idempotent_requests")
      .set({ status: "done", result_ref: resultRef, completed_at: new Date() })
      .where("account_id", "=", k.accountId)
      .where("scope", "=", k.scope)
      .where("key", "=", k.key)
      .execute();
  }

  /** Gives a pending claim up (the request failed, or its process died long ago). */
  async release(k: RequestKey, olderThanSeconds = 0): Promise<void> {
    await this.db
      .deleteFrom("idempotent_requests")
      .where("account_id", "=", k.accountId)
      .where("scope", "=", k.scope)
      .where("key", "=", k.key)
      .where("status", "=", "pending")
      .where(sql<boolean>`created_at <= now() - make_interval(secs => ${olderThanSeconds})`)
      .execute();
  }
}
