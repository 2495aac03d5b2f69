import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { DB } from "../../db/schema";

/** 绩效考核's storage: the settings' versions and the 督办 orders with their steps. */
export class ScorecardRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every saved version, newest first (a handful a year). */
  versions() {
    return this.db.selectFrom("scorecard_settings").selectAll().orderBy("version", "desc").execute();
  }

  /** Saves a version; false when that version number was taken meanwhile (another supervisor saved first). */
  async insertVersion(row: Insertable<DB["scorecard_settings"]>): Promise<boolean> {
    const r = await this.db.insertInto("scorecard_settings").values(row).onConflict((oc) => oc.column("version").doNothing()).returning("version").executeTakeFirst();
    return r !== undefined;
  }

  insertOrder(row: Insertable<DB["supervision_orders"]>) {
    return this.db.insertInto("supervision_orders").values(row).returningAll().executeTakeFirstOrThrow();
  }

  private orders() {
    return this.db.selectFrom("supervision_orders as s").innerJoin("orgs as o", "o.id", "s.org_id").selectAll("s").select("o.name as org_name");
  }

  findOrder(id: string) {
    return this.orders().where("s.id", "=", id).executeTakeFirst();
  }

  findOrderForUpdate(id: string) {
    return this.db.selectFrom("supervision_orders").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async updateOrderIfVersion(id: string, lockVersion: number, patch: Updateable<DB["supervision_orders"]>): Promise<boolean> {
    const r = await this.db
      .updateTable("supervision_orders")
      .set((eb) => ({ ...patch, updated_at: new Date(), lock_version: eb("lock_version", "+", 1) }))
      .where("id", "=", id)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  insertOrderEvent(row: Insertable<DB["supervision_order_events"]>) {
    return this.db.insertInto("supervision_order_events").values(row).execute();
  }

  orderEvents(orderId: string) {
    return this.db.selectFrom("supervision_order_events").selectAll().where("order_id", "=", orderId).orderBy("id").execute();
  }

  /** Orders to departments in a subtree, open ones (or one state) most urgent first, else newest first. */
  listOrders(subtree: string, state: string, limit: number, offset: number) {
    let q = this.orders().where("s.org_path", "like", `${subtree}%`);
    if (state === "open") q = q.where("s.state", "<>", "closed");
    else if (state !== "all") q = q.where("s.state", "=", state);
    return (state === "all" ? q.orderBy("s.created_at", "desc") : q.orderBy("s.deadline").orderBy("s.created_at", "desc")).limit(limit).offset(offset).execute();
  }

  /** Orders to departments under a path in these states. */
  async countOrders(subtree: string, states: string[]): Promise<number> {
    const r = await this.db.selectFrom("supervision_orders").select((eb) => eb.fn.countAll<number>().as("n")).where("org_path", "like", `${subtree}%`).where("state", "in", states).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The orders of a month's scorecard, per department. */
  ordersOfMonth(month: string, subtree: string) {
    return this.db.selectFrom("supervision_orders").select(["id", "number", "org_id", "state"]).where("month", "=", month).where("org_path", "like", `${subtree}%`).orderBy("created_at").execute();
  }

  /** Orders still being put right after their deadline and not yet escalated. */
  listOverdueOrders(today: string, limit: number) {
    return this.db.selectFrom("supervision_orders").select("id").where("state", "=", "rectifying").where("deadline", "<", today).where("escalated", "=", false).orderBy("deadline").limit(limit).execute();
  }

  /** The cases an order names, as a supervisor reads them in the order (no applicant). */
  async applications(ids: string[]) {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom("applications as a")
      .leftJoin("catalogue_items as i", "i.id", "a.item_id")
      .leftJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select(["a.id", "a.number", "a.state", "a.committed_deadline", "a.handling_org_id", sql<string>`coalesce(v.content ->> 'name', i.impl_code, '')`.as("item_name")])
      .where("a.id", "in", ids)
      .execute();
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
  }

  /** The materialised paths of departments. */
  async orgPaths(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom("orgs").select(["id", "path"]).where("id", "in", [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.path]));
  }

  /** A department as an order addresses it. */
  org(id: string) {
    return this.db.selectFrom("orgs").select(["id", "name", "path", "region_code"]).where("id", "=", id).executeTakeFirst();
  }
}
