import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

/**
 * The transactional outbox: an event is written in the same transaction as the change it reports, so
 * it exists exactly when the change committed; consumers (the notification worker) claim unprocessed
 * events with SKIP LOCKED so that several processes share the work.
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Records an event in the caller's transaction. */
  async append(topic: string, payload: Record<string, unknown>, regionCode: string) {
    await this.db.insertInto("outbox").values({ topic, payload: JSON.stringify(payload), region_code: regionCode }).execute();
  }

  /** Unprocessed events, oldest first, locked so that another process skips them. */
  claim(limit: number) {
    return this.db.selectFrom("outbox").selectAll().where("processed_at", "is", null).orderBy("id").limit(limit).forUpdate().skipLocked().execute();
  }

  /** Events not yet fanned out to the webhook subscriptions, oldest first (the caller holds the fan-out lock). */
  claimForWebhooks(limit: number) {
    return this.db.selectFrom("outbox").select(["id", "topic", "payload", "region_code", "created_at"]).where("webhooks_at", "is", null).orderBy("id").limit(limit).execute();
  }

  async markFannedOut(ids: number[], at: Date) {
    if (ids.length) await this.db.updateTable("outbox").set({ webhooks_at: at }).where("id", "in", ids).execute();
  }

  async markProcessed(ids: number[], at: Date) {
    if (ids.length) await this.db.updateTable("outbox").set({ processed_at: at }).where("id", "in", ids).execute();
  }
}
