import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { DB } from "../../db/schema";
import type { AfterCommit } from "../../db/store";

export type OrderRow = Awaited<ReturnType<PaymentRepository["findOrder"]>> & object;
export type RefundRow = Awaited<ReturnType<PaymentRepository["findRefund"]>> & object;

/** 统一支付's storage: payment orders, the provider's notifications already applied, refunds. */
export class PaymentRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly afterCommit: AfterCommit = (work) => work(),
  ) {}

  /** Work for after the current transaction commits (talking to the provider about what it made). */
  whenCommitted(work: () => Promise<void>) {
    return this.afterCommit(work);
  }

  insertOrder(row: Insertable<DB["payment_orders"]>) {
    return this.db.insertInto("payment_orders").values(row).returningAll().executeTakeFirstOrThrow();
  }

  private orders() {
    return this.db
      .selectFrom("payment_orders as p")
      .innerJoin("orgs as g", "g.id", "p.org_id")
      .leftJoin("applications as a", "a.id", "p.application_id")
      .leftJoin("certificates as c", "c.id", "p.receipt_certificate_id")
      .selectAll("p")
      .select(["g.name as org_name", "g.path as org_path", "a.number as application_number", "c.identifier as receipt_identifier"]);
  }

  findOrder(id: string) {
    return this.orders().where("p.id", "=", id).executeTakeFirst();
  }

  /** The order, locked for the change that follows. */
  lockOrder(id: string) {
    return this.db.selectFrom("payment_orders").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  lockOrderByNumber(number: string) {
    return this.db.selectFrom("payment_orders").selectAll().where("number", "=", number).forUpdate().executeTakeFirst();
  }

  forApplication(applicationId: string) {
    return this.orders().where("p.application_id", "=", applicationId).orderBy("p.created_at").execute();
  }

  /** Whether the application has an order for `purpose` still to pay (the fee gate; postage before posting). */
  async owes(applicationId: string, purpose: "fee" | "postage"): Promise<boolean> {
    const r = await this.db.selectFrom("payment_orders").select("id").where("application_id", "=", applicationId).where("status", "in", ["pending", "expired"]).where("purpose", "=", purpose).limit(1).executeTakeFirst();
    return r !== undefined;
  }

  async hasOrderForStage(applicationId: string, stage: string): Promise<boolean> {
    const r = await this.db.selectFrom("payment_orders").select("id").where("application_id", "=", applicationId).where("stage", "=", stage).limit(1).executeTakeFirst();
    return r !== undefined;
  }

  async updateOrder(id: string, set: Updateable<DB["payment_orders"]>) {
    await this.db
      .updateTable("payment_orders")
      .set({ ...set, lock_version: sql`lock_version + 1`, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
  }

  /** Orders to register with the provider, to close there, to ask about (no notification came), or past their day. */
  unregistered(limit: number) {
    return this.db.selectFrom("payment_orders").selectAll().where("status", "=", "pending").where("provider_order_no", "is", null).orderBy("created_at").limit(limit).execute();
  }
  closing(limit: number) {
    return this.db.selectFrom("payment_orders").selectAll().where("status", "=", "closing").orderBy("updated_at").limit(limit).execute();
  }
  unanswered(before: Date, limit: number) {
    return this.db.selectFrom("payment_orders").selectAll().where("status", "=", "pending").where("provider_order_no", "is not", null).where("registered_at", "<", before).orderBy("registered_at").limit(limit).execute();
  }
  overdue(today: string, limit: number) {
    return this.db.selectFrom("payment_orders").selectAll().where("status", "=", "pending").where("due_date", "<", today).orderBy("due_date").limit(limit).execute();
  }

  async notificationSeen(id: string): Promise<boolean> {
    return (await this.db.selectFrom("payment_notifications").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
  }

  /** Paid orders still without their receipt. */
  withoutReceipt(limit: number) {
    return this.db.selectFrom("payment_orders").select("id").where("status", "in", ["paid", "refunded"]).where("receipt_certificate_id", "is", null).orderBy("paid_at").limit(limit).execute();
  }

  /** Records a notification once; false when it had been recorded before (a retry or a replay). */
  async recordNotification(row: Insertable<DB["payment_notifications"]>): Promise<boolean> {
    const r = await this.db.insertInto("payment_notifications").values(row).onConflict((oc) => oc.column("id").doNothing()).returning("id").executeTakeFirst();
    return r !== undefined;
  }

  insertRefund(row: Insertable<DB["payment_refunds"]>) {
    return this.db.insertInto("payment_refunds").values(row).returningAll().executeTakeFirstOrThrow();
  }
  findRefund(id: string) {
    return this.db.selectFrom("payment_refunds").selectAll().where("id", "=", id).executeTakeFirst();
  }
  lockRefundByNumber(number: string) {
    return this.db.selectFrom("payment_refunds").selectAll().where("number", "=", number).forUpdate().executeTakeFirst();
  }
  refundsOf(orderIds: string[]) {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("payment_refunds").selectAll().where("order_id", "in", orderIds).orderBy("created_at").execute();
  }
  refundsToSubmit(limit: number) {
    return this.db.selectFrom("payment_refunds").selectAll().where("status", "=", "requested").orderBy("created_at").limit(limit).execute();
  }
  refundsUnanswered(before: Date, limit: number) {
    return this.db.selectFrom("payment_refunds").selectAll().where("status", "=", "processing").where("created_at", "<", before).orderBy("created_at").limit(limit).execute();
  }
  async updateRefund(id: string, set: Updateable<DB["payment_refunds"]>) {
    await this.db.updateTable("payment_refunds").set(set).where("id", "=", id).execute();
  }

  /** The orders of departments under `orgPath` (finance pages), newest first. */
  list(f: { orgPath: string; status: string | null; from: string | null; to: string | null; q: string | null }, limit: number, offset: number) {
    let q = this.orders().where("g.path", "like", `${f.orgPath}%`);
    if (f.status) q = q.where("p.status", "=", f.status);
    if (f.from) q = q.where("p.created_at", ">=", sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
    if (f.to) q = q.where("p.created_at", "<", sql<Date>`((${f.to}::date + 1)::timestamp) at time zone 'Asia/Shanghai'`);
    if (f.q) q = q.where((eb) => eb.or([eb("p.number", "=", f.q!), eb("p.pay_code", "=", f.q!.replace(/\s/g, "")), eb("a.number", "=", f.q!)]));
    return q.orderBy("p.created_at", "desc").orderBy("p.id").limit(limit).offset(offset).execute();
  }

  /** The payer's own orders (the citizen's 我的缴费). */
  ofPayer(accountId: string, limit: number) {
    return this.orders().where("p.payer_account_id", "=", accountId).orderBy("p.created_at", "desc").limit(limit).execute();
  }
}
