import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

export interface NewDelivery {
  subscription_id: string;
  event_id: string;
  event_type: string;
  stream_key: string;
  payload: string;
  event_time: Date;
  region_code: string;
  replay_of?: number | null;
}

export interface AttemptResult {
  id: number;
  attempt: number;
  at: Date;
  status: number | null;
  durationMs: number;
  response: string | null;
  error: string | null;
  /** delivered, or pending again at `nextAttemptAt`, or dead (retried long enough). */
  outcome: { status: "delivered" } | { status: "pending"; nextAttemptAt: Date } | { status: "dead" };
}

/** Event subscriptions (webhooks), their deliveries and every attempt's answer. */
export class WebhookRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private subscriptions() {
    return this.db.selectFrom("webhook_subscriptions as s").innerJoin("orgs as o", "o.id", "s.org_id").selectAll("s").select(["o.name as org_name", "o.path as org_path"]);
  }

  /** Subscriptions of organisations in the subtree at `orgPath` (or of one client), oldest first. */
  list(filter: { orgPath: string } | { clientId: string }) {
    const q = this.subscriptions();
    return ("orgPath" in filter ? q.where("o.path", "like", `${filter.orgPath}%`) : q.where("s.client_id", "=", filter.clientId)).orderBy("s.created_at").execute();
  }

  find(id: string) {
    return this.subscriptions().where("s.id", "=", id).executeTakeFirst();
  }

  /** Every active subscription with its organisation's path: the fan-out matches events against them. */
  active() {
    return this.subscriptions().where("s.status", "=", "active").execute();
  }

  insert(row: { org_id: string; client_id: string | null; url: string; event_types: string[]; secret_enc: string; created_by: string; region_code: string }) {
    return this.db.insertInto("webhook_subscriptions").values({ ...row, status: "active" }).returning(["id"]).executeTakeFirstOrThrow();
  }

  async updateIfVersion(id: string, lockVersion: number, changes: { url?: string; event_types?: string[]; status?: string }): Promise<boolean> {
    const r = await this.db
      .updateTable("webhook_subscriptions")
      .set({ ...changes, lock_version: sql`lock_version + 1`, ...(changes.status === "active" ? { consecutive_failures: 0, suspended_until: null } : {}) })
      .where("id", "=", id)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async counts(ids: string[]) {
    if (ids.length === 0) return new Map<string, { pending: number; delivered: number; dead: number }>();
    const rows = await this.db.selectFrom("webhook_deliveries").select(["subscription_id", "status", sql<number>`count(*)::int`.as("n")]).where("subscription_id", "in", ids).groupBy(["subscription_id", "status"]).execute();
    const out = new Map<string, { pending: number; delivered: number; dead: number }>();
    for (const id of ids) out.set(id, { pending: 0, delivered: 0, dead: 0 });
    for (const r of rows) out.get(r.subscription_id)![r.status as "pending"] = r.n;
    return out;
  }

  async insertDeliveries(rows: NewDelivery[], now: Date) {
    if (rows.length) await this.db.insertInto("webhook_deliveries").values(rows.map((r) => ({ ...r, status: "pending", next_attempt_at: now }))).execute();
  }

  /**
   * Due deliveries, each the oldest pending one of its stream (so a stream's events go one after the
   * other), of subscriptions not suspended; leased for `leaseMs` so that no other process sends them
   * meanwhile (a process that dies leaves them to be sent again when the lease ends: at least once).
   */
  async claimDue(now: Date, limit: number, leaseMs: number) {
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const rows = await sql<{ id: number; subscription_id: string; event_id: string; payload: unknown; attempts: number; first_attempt_at: Date | null; url: string; secret_enc: string }>`
      with due as (
        select d.id from webhook_deliveries d
        join webhook_subscriptions s on s.id = d.subscription_id
        where d.status = 'pending' and d.next_attempt_at <= ${now} and (d.leased_until is null or d.leased_until <= ${now})
          and s.status = 'active' and (s.suspended_until is null or s.suspended_until <= ${now})
          and not exists (select 1 from webhook_deliveries e where e.subscription_id = d.subscription_id and e.stream_key = d.stream_key and e.status = 'pending' and e.id < d.id)
        order by d.next_attempt_at, d.id
        limit ${limit}
        for update of d skip locked
      )
      update webhook_deliveries w set leased_until = ${leaseEnd}, attempts = w.attempts + 1, first_attempt_at = coalesce(w.first_attempt_at, ${now}), last_attempt_at = ${now}
      from due, webhook_subscriptions s
      where w.id = due.id and s.id = w.subscription_id
      returning w.id, w.subscription_id, w.event_id, w.payload, w.attempts, w.first_attempt_at, s.url, s.secret_enc`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** Records a round's answers: each delivery's new state and its attempt, in a few statements. */
  async recordAttempts(results: AttemptResult[]) {
    if (results.length === 0) return;
    await this.db
      .insertInto("webhook_attempts")
      .values(results.map((r) => ({ delivery_id: r.id, attempt: r.attempt, at: r.at, status: r.status, duration_ms: r.durationMs, response: r.response, error: r.error })))
      .onConflict((oc) => oc.columns(["delivery_id", "attempt"]).doNothing())
      .execute();
    const delivered = results.filter((r) => r.outcome.status === "delivered");
    if (delivered.length)
      await this.db
        .updateTable("webhook_deliveries")
        .set({ status: "delivered", delivered_at: delivered[0]!.at, leased_until: null, last_status: sql`data.status`, last_error: null })
        .from(sql<{ id: number; status: number }>`(select unnest(${sql.val(delivered.map((r) => r.id))}::bigint[]) as id, unnest(${sql.val(delivered.map((r) => r.status ?? 0))}::int[]) as status)`.as("data"))
        .whereRef("webhook_deliveries.id", "=", sql.ref("data.id"))
        .execute();
    for (const r of results) {
      if (r.outcome.status === "delivered") continue;
      await this.db
        .updateTable("webhook_deliveries")
        .set({ status: r.outcome.status, next_attempt_at: r.outcome.status === "pending" ? r.outcome.nextAttemptAt : r.at, leased_until: null, last_status: r.status, last_error: r.error })
        .where("id", "=", r.id)
        .execute();
    }
  }

  /** A receiver answered after failing: it is up again, so its waiting deliveries go now rather than at their back-off time. */
  async recovered(subscriptionId: string, now: Date) {
    await this.db.updateTable("webhook_subscriptions").set({ consecutive_failures: 0, suspended_until: null }).where("id", "=", subscriptionId).where("consecutive_failures", ">", 0).execute();
    await this.db.updateTable("webhook_deliveries").set({ next_attempt_at: now }).where("subscription_id", "=", subscriptionId).where("status", "=", "pending").where("next_attempt_at", ">", now).execute();
  }

  /** A receiver failed again: after a few failures in a row it is left alone for a while (its deliveries wait). */
  async failed(subscriptionId: string, suspendAfter: number, suspendFor: (failures: number) => number, now: Date) {
    const row = await this.db.updateTable("webhook_subscriptions").set({ consecutive_failures: sql`consecutive_failures + 1` }).where("id", "=", subscriptionId).returning(["consecutive_failures"]).executeTakeFirst();
    if (row && row.consecutive_failures >= suspendAfter) {
      await this.db.updateTable("webhook_subscriptions").set({ suspended_until: new Date(now.getTime() + suspendFor(row.consecutive_failures)) }).where("id", "=", subscriptionId).execute();
    }
  }

  /** One fan-out at a time across processes, so deliveries are written in the events' order (held until the transaction ends). */
  async tryFanOutLock(): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext('haoban:webhooks:fanout')) as ok`.execute(this.db);
    return r.rows[0]?.ok === true;
  }

  /** Organisations' paths, by id (an event's organisation is matched against a subscription's subtree). */
  async orgPaths(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await this.db.selectFrom("orgs").select(["id", "path"]).where("id", "in", ids).execute();
    return new Map(rows.map((r) => [r.id, r.path]));
  }

  listDeliveries(subscriptionId: string, filter: { status?: string | undefined; beforeId?: number | undefined; limit: number }) {
    let q = this.db
      .selectFrom("webhook_deliveries")
      .select(["id", "event_id", "event_type", "stream_key", "status", "attempts", "next_attempt_at", "last_status", "last_error", "event_time", "delivered_at", "replay_of"])
      .where("subscription_id", "=", subscriptionId);
    if (filter.status) q = q.where("status", "=", filter.status);
    if (filter.beforeId) q = q.where("id", "<", filter.beforeId);
    return q.orderBy("id", "desc").limit(filter.limit).execute();
  }

  findDelivery(subscriptionId: string, id: number) {
    return this.db.selectFrom("webhook_deliveries").selectAll().where("subscription_id", "=", subscriptionId).where("id", "=", id).executeTakeFirst();
  }

  attemptsOf(id: number) {
    return this.db.selectFrom("webhook_attempts").selectAll().where("delivery_id", "=", id).orderBy("attempt").execute();
  }

  /** A subscription's deliveries to send again: by id, or a range of ids; in their original order. */
  toReplay(subscriptionId: string, by: { ids?: number[] | undefined; fromId?: number | undefined; toId?: number | undefined }) {
    let q = this.db.selectFrom("webhook_deliveries").select(["id", "event_id", "event_type", "stream_key", "payload", "event_time", "region_code"]).where("subscription_id", "=", subscriptionId);
    if (by.ids) q = q.where("id", "in", by.ids);
    else q = q.where("id", ">=", by.fromId!).where("id", "<=", by.toId!);
    return q.orderBy("id").limit(10_000).execute();
  }
}
