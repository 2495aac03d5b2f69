import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** A China date's bounds as instants, for the indexes on paid_at / finished_at. */
const dayStart = (day: string) => sql<Date>`(${day}::date)::timestamp at time zone 'Asia/Shanghai'`;
const dayEnd = (day: string) => sql<Date>`((${day}::date + 1)::timestamp) at time zone 'Asia/Shanghai'`;

/** 对账's storage: the platform's side of a day, the runs and their findings. */
export class ReconciliationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Everything the platform settled on a China date: payments by payment time, refunds and payouts by completion. */
  async platformDay(day: string): Promise<Array<{ type: "payment" | "refund" | "payout"; merchantNo: string; amountFen: number }>> {
    const [orders, refunds, payouts] = await Promise.all([
      this.db.selectFrom("payment_orders").select(["number", "amount_fen"]).where("paid_at", ">=", dayStart(day)).where("paid_at", "<", dayEnd(day)).execute(),
      this.db.selectFrom("payment_refunds").select(["number", "amount_fen"]).where("status", "=", "succeeded").where("finished_at", ">=", dayStart(day)).where("finished_at", "<", dayEnd(day)).execute(),
      this.db.selectFrom("payouts").select(["number", "amount_fen"]).where("status", "=", "succeeded").where("finished_at", ">=", dayStart(day)).where("finished_at", "<", dayEnd(day)).execute(),
    ]);
    return [
      ...orders.map((r) => ({ type: "payment" as const, merchantNo: r.number, amountFen: r.amount_fen })),
      ...refunds.map((r) => ({ type: "refund" as const, merchantNo: r.number, amountFen: r.amount_fen })),
      ...payouts.map((r) => ({ type: "payout" as const, merchantNo: r.number, amountFen: r.amount_fen })),
    ];
  }

  /** Replaces the day's open findings (resolved ones stay, and the same finding is not raised again). */
  async replaceFindings(day: string, rows: Array<Insertable<DB["reconciliation_findings"]>>) {
    await this.db.deleteFrom("reconciliation_findings").where("day", "=", day).where("status", "=", "open").execute();
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto("reconciliation_findings")
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(["day", "kind", "txn_type", "merchant_no", "provider_no"]).doNothing())
        .execute();
    }
  }

  async saveRun(row: Insertable<DB["reconciliation_runs"]>) {
    await this.db
      .insertInto("reconciliation_runs")
      .values(row)
      .onConflict((oc) => oc.column("day").doUpdateSet({ provider_lines: row.provider_lines, platform_lines: row.platform_lines, matched: row.matched, findings: row.findings, provider_total_fen: row.provider_total_fen, platform_total_fen: row.platform_total_fen, ran_at: row.ran_at, ran_by: row.ran_by }))
      .execute();
  }

  runs(limit: number) {
    return this.db
      .selectFrom("reconciliation_runs as r")
      .selectAll("r")
      .select((eb) => eb.selectFrom("reconciliation_findings as f").select(eb.fn.countAll<number>().as("n")).whereRef("f.day", "=", "r.day").where("f.status", "=", "open").as("open_findings"))
      .orderBy("r.day", "desc")
      .limit(limit)
      .execute();
  }

  run(day: string) {
    return this.db.selectFrom("reconciliation_runs").selectAll().where("day", "=", day).executeTakeFirst();
  }

  findings(day: string) {
    return this.db.selectFrom("reconciliation_findings").selectAll().where("day", "=", day).orderBy("status", "desc").orderBy("kind").orderBy("merchant_no").execute();
  }

  lockFinding(id: string) {
    return this.db.selectFrom("reconciliation_findings").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async resolve(id: string, resolution: string, by: string, at: Date) {
    await this.db.updateTable("reconciliation_findings").set({ status: "resolved", resolution, resolved_by: by, resolved_at: at }).where("id", "=", id).execute();
  }
}
