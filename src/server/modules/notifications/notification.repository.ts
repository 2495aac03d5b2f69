import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** The message centre and the delivery log. */
export class NotificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * A recipient's message of an outbox event, unless it has one already (then undefined). The caller
   * holds the event's row lock (`OutboxRepository.claim`), so no one else adds it meanwhile.
   */
  async insertMessage(row: Insertable<DB["messages"]> & { outbox_id: number }) {
    const existing = await this.db.selectFrom("messages").select("id").where("account_id", "=", row.account_id).where("outbox_id", "=", row.outbox_id).executeTakeFirst();
    if (existing) return undefined;
    return this.db.insertInto("messages").values(row).returningAll().executeTakeFirstOrThrow();
  }

  async insertDelivery(row: Insertable<DB["notification_deliveries"]>) {
    await this.db.insertInto("notification_deliveries").values(row).execute();
  }

  /** Deliveries due now, locked so that another process skips them. */
  claimDue(now: Date, limit: number) {
    return this.db
      .selectFrom("notification_deliveries as d")
      .innerJoin("messages as m", (j) => j.onRef("m.id", "=", "d.message_id").onRef("m.created_at", "=", "d.message_created_at"))
      .innerJoin("accounts as a", "a.id", "m.account_id")
      .select(["d.id", "d.channel", "d.attempts", "m.title", "m.body", "a.mobile_enc", "a.email_enc"])
      .where("d.status", "=", "pending")
      .where("d.next_attempt_at", "<=", now)
      .orderBy("d.next_attempt_at")
      .limit(limit)
      .forUpdate("d")
      .skipLocked()
      .execute();
  }

  async updateDelivery(id: number, changes: { status: "pending" | "sent" | "failed"; attempts: number; next_attempt_at?: Date; last_error?: string | null; provider_id?: string | null; sent_at?: Date | null }) {
    await this.db.updateTable("notification_deliveries").set(changes).where("id", "=", id).execute();
  }

  listMessages(accountId: string, unreadOnly: boolean, limit: number, offset: number) {
    let q = this.db.selectFrom("messages").selectAll().where("account_id", "=", accountId);
    if (unreadOnly) q = q.where("read_at", "is", null);
    return q.orderBy("created_at", "desc").orderBy(sql`outbox_id desc nulls last`).orderBy("id").limit(limit).offset(offset).execute();
  }

  async countUnread(accountId: string): Promise<number> {
    const row = await this.db.selectFrom("messages").select((eb) => eb.fn.countAll<number>().as("n")).where("account_id", "=", accountId).where("read_at", "is", null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks one (or, with null, every) message of the account read; returns how many changed. */
  async markRead(accountId: string, id: string | null, at: Date): Promise<number> {
    let q = this.db.updateTable("messages").set({ read_at: at }).where("account_id", "=", accountId).where("read_at", "is", null);
    if (id) q = q.where("id", "=", id);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  deliveriesFor(messageIds: string[]) {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("notification_deliveries").select(["message_id", "channel", "recipient_masked", "status", "attempts", "sent_at", "last_error"]).where("message_id", "in", messageIds).orderBy("id").execute();
  }

}
