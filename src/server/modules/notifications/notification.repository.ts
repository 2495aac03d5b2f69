import { HANDLER_ROLES } from "../../../shared/roles";
import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** Outbox consumption, the message centre and the delivery log. */
export class NotificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Unprocessed outbox events, locked so that another process skips them. */
  claimOutbox(limit: number) {
    return this.db.selectFrom("outbox").selectAll().where("processed_at", "is", null).orderBy("id").limit(limit).forUpdate().skipLocked().execute();
  }

  async markProcessed(ids: number[], at: Date) {
    if (ids.length) await this.db.updateTable("outbox").set({ processed_at: at }).where("id", "in", ids).execute();
  }

  async insertMessage(row: Insertable<DB["messages"]>) {
    return this.db.insertInto("messages").values(row).onConflict((oc) => oc.columns(["account_id", "outbox_id"]).doNothing()).returningAll().executeTakeFirst();
  }

  async insertDelivery(row: Insertable<DB["notification_deliveries"]>) {
    await this.db.insertInto("notification_deliveries").values(row).execute();
  }

  /** Deliveries due now, locked so that another process skips them. */
  claimDue(now: Date, limit: number) {
    return this.db
      .selectFrom("notification_deliveries as d")
      .innerJoin("messages as m", "m.id", "d.message_id")
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

  /** Supervisors for a region (its own, else the city's): who overdue alerts go to. */
  async supervisorsFor(regionCode: string) {
    const rows = await this.db
      .selectFrom("accounts")
      .select(["id", "name", "region_code"])
      .where("kind", "=", "staff")
      .where("disabled", "=", false)
      .where(sql<boolean>`'supervisor' = any(roles)`)
      .where("region_code", "in", [regionCode, "310000"])
      .execute();
    const own = rows.filter((r) => r.region_code === regionCode);
    return own.length ? own : rows;
  }

  /** Staff of an org who may act on applications (for due-soon reminders when nobody has claimed one). */
  handlersOf(orgId: string, roles: string[] = ["reviewer", "approver", "window_clerk"]) {
    return this.db
      .selectFrom("accounts")
      .select(["id", "name"])
      .where("kind", "=", "staff")
      .where("disabled", "=", false)
      .where("org_id", "=", orgId)
      .where(sql<boolean>`roles && ${roles}::text[]`)
      .execute();
  }

  /** Staff of an org who handle its 差评 cases and tickets. */
  appealHandlersOf(orgId: string) {
    return this.handlersOf(orgId, HANDLER_ROLES);
  }

  /** 效能监督 staff whose scope holds the org: those above it in the tree, and the city's. */
  supervisorsOver(orgId: string) {
    return this.db
      .selectFrom("accounts as a")
      .innerJoin("orgs as so", "so.id", "a.org_id")
      .innerJoin("orgs as o", (j) => j.on("o.id", "=", orgId))
      .select(["a.id", "a.name"])
      .where("a.kind", "=", "staff")
      .where("a.disabled", "=", false)
      .where(sql<boolean>`'supervisor' = any(a.roles)`)
      // Supervisors oversee the government level their org belongs to (access/scope.ts): the org must lie in it.
      .where(
        sql<boolean>`o.path like (select g.path from orgs g where g.kind in ('city', 'district', 'street', 'community') and so.path like g.path || '%' order by length(g.path) desc limit 1) || '%'`,
      )
      .execute();
  }

  /** 12345 desk agents. */
  hotlineAgents() {
    return this.db
      .selectFrom("accounts")
      .select(["id", "name"])
      .where("kind", "=", "staff")
      .where("disabled", "=", false)
      .where(sql<boolean>`'hotline_agent' = any(roles)`)
      .execute();
  }
}
