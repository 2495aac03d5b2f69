import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { DB } from "../../db/schema";

export type PayoutRow = NonNullable<Awaited<ReturnType<PayoutRepository["lockPayoutByNumber"]>>>;

/** 待遇发放's storage: each granted benefit's plan and its payouts. */
export class PayoutRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertPlan(row: Insertable<DB["payout_plans"]>): Promise<boolean> {
    const r = await this.db.insertInto("payout_plans").values(row).onConflict((oc) => oc.column("application_id").doNothing()).returning("application_id").executeTakeFirst();
    return r !== undefined;
  }
  lockPlan(applicationId: string) {
    return this.db.selectFrom("payout_plans").selectAll().where("application_id", "=", applicationId).forUpdate().executeTakeFirst();
  }
  async updatePlan(applicationId: string, set: Updateable<DB["payout_plans"]>) {
    await this.db.updateTable("payout_plans").set({ ...set, updated_at: sql`now()` }).where("application_id", "=", applicationId).execute();
  }
  duePlans(asOf: string, limit: number) {
    return this.db.selectFrom("payout_plans").select("application_id").where("status", "=", "active").where("next_pay_date", "<=", asOf).orderBy("next_pay_date").limit(limit).execute();
  }

  insertPayout(row: Insertable<DB["payouts"]>) {
    return this.db.insertInto("payouts").values(row).onConflict((oc) => oc.columns(["application_id", "period_label"]).doNothing()).returningAll().executeTakeFirst();
  }
  lockPayoutByNumber(number: string) {
    return this.db.selectFrom("payouts").selectAll().where("number", "=", number).forUpdate().executeTakeFirst();
  }
  lockPayout(id: string) {
    return this.db.selectFrom("payouts").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }
  async updatePayout(id: string, set: Updateable<DB["payouts"]>) {
    await this.db.updateTable("payouts").set(set).where("id", "=", id).execute();
  }
  toSubmit(limit: number) {
    return this.db.selectFrom("payouts").selectAll().where("status", "=", "requested").orderBy("created_at").limit(limit).execute();
  }
  unanswered(before: Date, limit: number) {
    return this.db.selectFrom("payouts").selectAll().where("status", "=", "processing").where("created_at", "<", before).orderBy("created_at").limit(limit).execute();
  }
  async stopRequested(applicationId: string, reason: string) {
    await this.db.updateTable("payouts").set({ status: "stopped", failure: reason }).where("application_id", "=", applicationId).where("status", "=", "requested").execute();
  }

  private listed() {
    return this.db
      .selectFrom("payouts as p")
      .innerJoin("payout_plans as l", "l.application_id", "p.application_id")
      .innerJoin("orgs as g", "g.id", "l.org_id")
      .leftJoin("applications as a", "a.id", "p.application_id")
      .select(["p.id", "p.number", "p.application_id", "p.period_label", "p.pay_date", "p.amount_fen", "p.account_masked", "p.bank_name", "p.status", "p.failure", "p.created_at", "p.finished_at", "l.payee_name", "l.subject", "l.status as plan_status", "l.period as plan_period", "l.stop_reason", "l.next_pay_date", "g.name as org_name", "g.path as org_path", "a.number as application_number", "l.person_id"]);
  }
  list(f: { orgPath: string; status: string | null }, limit: number, offset: number) {
    let q = this.listed().where("g.path", "like", `${f.orgPath}%`);
    if (f.status) q = q.where("p.status", "=", f.status);
    return q.orderBy("p.created_at", "desc").orderBy("p.id").limit(limit).offset(offset).execute();
  }
  ofApplication(applicationId: string) {
    return this.listed().where("p.application_id", "=", applicationId).orderBy("p.pay_date").execute();
  }
  plan(applicationId: string) {
    return this.db.selectFrom("payout_plans").selectAll().where("application_id", "=", applicationId).executeTakeFirst();
  }

  /** The citizen account of a person (messages about their payouts). */
  async accountOfPerson(personId: string): Promise<string | null> {
    const r = await this.db.selectFrom("accounts").select("id").where("person_id", "=", personId).where("kind", "=", "citizen").limit(1).executeTakeFirst();
    return r?.id ?? null;
  }
  async orgPath(orgId: string): Promise<string | null> {
    return (await this.db.selectFrom("orgs").select("path").where("id", "=", orgId).executeTakeFirst())?.path ?? null;
  }
}
