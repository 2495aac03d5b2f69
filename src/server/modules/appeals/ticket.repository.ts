import { sql, type Insertable, type Kysely, type Updateable } from "kysely";
import type { DB } from "../../db/schema";

/** 12345 tickets, their events, the dispatch catalogue, and the figures for hot topics. */
export class TicketRepository {
  constructor(private readonly db: Kysely<DB>) {}


  insert(row: Insertable<DB["tickets"]>) {
    return this.db.insertInto("tickets").values(row).returning(["id", "number"]).executeTakeFirstOrThrow();
  }



  findForUpdate(id: string) {
    return this.db.selectFrom("tickets").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  /** A ticket with the names and path of the org it is with. */
  find(id: string) {
    return this.query().where("t.id", "=", id).executeTakeFirst();
  }

  private query() {
    return this.db
      .selectFrom("tickets as t")
      .leftJoin("orgs as o", "o.id", "t.org_id")
      .leftJoin("tickets as m", "m.id", "t.merged_into")
      .selectAll("t")
      .select(["o.name as org_name", "o.path as org_path", "o.kind as org_kind", "m.number as merged_into_number"]);
  }

  /**
   * Tickets as a viewer may list them: `orgPath` — those with an org under it (departments,
   * supervisors); `desk` — all; `citizen` — their own.
   */
  list(scope: { kind: "desk" } | { kind: "org"; path: string } | { kind: "citizen"; accountId: string }, filter: { state?: string; type?: string; q?: string }, limit: number, offset: number) {
    let q = this.query();
    if (scope.kind === "org") q = q.where("o.path", "like", `${scope.path}%`);
    if (scope.kind === "citizen") q = q.where("t.citizen_account_id", "=", scope.accountId);
    if (filter.state === "open") q = q.where("t.state", "in", ["pending_dispatch", "dispatched", "returned", "handling", "replied"]);
    else if (filter.state) q = q.where("t.state", "=", filter.state);
    if (filter.type) q = q.where("t.type", "=", filter.type);
    if (filter.q) q = q.where((eb) => eb.or([eb("t.number", "=", filter.q!), eb("t.title", "like", `%${filter.q}%`), eb("t.address", "like", `%${filter.q}%`)]));
    return q.orderBy("t.created_at", "desc").limit(limit).offset(offset).execute();
  }

  /** A caller's earlier tickets, newest first: by the number they call from, or their account. */
  byCaller(mobileHash: string, accountId: string | null, limit: number) {
    return this.query()
      .where((eb) => eb.or([eb("t.citizen_mobile_hash", "=", mobileHash), ...(accountId ? [eb("t.citizen_account_id", "=", accountId)] : [])]))
      .orderBy("t.created_at", "desc")
      .limit(limit)
      .execute();
  }

  /** Replied tickets for the desk to call back: those not yet called back first, then by when they were replied. */
  callbacks(limit: number) {
    return this.query()
      .select((eb) => eb.exists(eb.selectFrom("ticket_events as e").select("e.id").whereRef("e.ticket_id", "=", "t.id").where("e.action", "=", "callback")).as("called_back"))
      .where("t.state", "=", "replied")
      .orderBy("called_back")
      .orderBy("t.replied_at")
      .limit(limit)
      .execute();
  }

  /** Tickets in these states, all (the desk) or with an org under a path. */
  async count(scope: { kind: "desk" } | { kind: "org"; path: string }, states: string[]): Promise<number> {
    let q = this.db.selectFrom("tickets as t").select((eb) => eb.fn.countAll<number>().as("n")).where("t.state", "in", states);
    if (scope.kind === "org") q = q.where("t.org_id", "in", (eb) => eb.selectFrom("orgs").select("id").where("path", "like", `${scope.path}%`));
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async updateIfVersion(id: string, lockVersion: number, set: Updateable<DB["tickets"]>): Promise<boolean> {
    const res = await this.db
      .updateTable("tickets")
      .set((eb) => ({ ...set, updated_at: new Date(), lock_version: eb("lock_version", "+", 1) }))
      .where("id", "=", id)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  insertEvent(row: Insertable<DB["ticket_events"]>) {
    return this.db.insertInto("ticket_events").values(row).execute();
  }

  listEvents(ticketId: string) {
    return this.db
      .selectFrom("ticket_events as e")
      .leftJoin("orgs as o", "o.id", "e.org_id")
      .selectAll("e")
      .select("o.name as org_name")
      .where("e.ticket_id", "=", ticketId)
      .orderBy("e.id")
      .execute();
  }

  /** Tickets merged into this one and still waiting for its reply. */
  listMergedInto(id: string) {
    return this.db.selectFrom("tickets").selectAll().where("merged_into", "=", id).where("state", "=", "merged").forUpdate().execute();
  }

  /** Open tickets of the same category about the same place in the last 30 days: candidates for merging. */
  findSimilar(ticket: { id: string; category_code: string; division_code: string | null; address: string | null }, since: Date) {
    let q = this.db
      .selectFrom("tickets")
      .select(["id", "number", "title", "address", "state", "created_at"])
      .where("id", "<>", ticket.id)
      .where("category_code", "=", ticket.category_code)
      .where("state", "in", ["pending_dispatch", "dispatched", "returned", "handling"])
      .where("merged_into", "is", null)
      .where("created_at", ">=", since);
    q = ticket.address ? q.where("address", "=", ticket.address) : ticket.division_code ? q.where("division_code", "=", ticket.division_code) : q.where(sql<boolean>`false`);
    return q.orderBy("created_at").limit(10).execute();
  }

  /** Open tickets past their reply deadline, not yet escalated. */
  listOverdue(today: string, limit: number) {
    return this.db
      .selectFrom("tickets")
      .select("id")
      .where("state", "in", ["dispatched", "returned", "handling"])
      .where("reply_deadline", "<", today)
      .where("escalated_at", "is", null)
      .limit(limit)
      .execute();
  }

  // —— dispatch catalogue ——

  listRules() {
    return this.db
      .selectFrom("dispatch_rules as d")
      .innerJoin("orgs as o", "o.id", "d.org_id")
      .select(["d.id", "d.category_code", "d.division_prefix", "d.org_id", "d.updated_by", "d.created_at", "o.name as org_name", "o.kind as org_kind"])
      .orderBy("d.category_code")
      .orderBy("d.division_prefix")
      .execute();
  }

  /** The rules for a category lineage whose place prefix covers the division code. */
  matchingRules(categories: string[], divisionCode: string) {
    return this.db
      .selectFrom("dispatch_rules as d")
      .innerJoin("orgs as o", "o.id", "d.org_id")
      .select(["d.category_code", "d.division_prefix", "d.org_id", "o.name as org_name"])
      .where("d.category_code", "in", categories)
      .where(sql<boolean>`${divisionCode} like d.division_prefix || '%'`)
      .execute();
  }

  upsertRule(row: { category_code: string; division_prefix: string; org_id: string; updated_by: string }) {
    return this.db
      .insertInto("dispatch_rules")
      .values(row)
      .onConflict((oc) => oc.columns(["category_code", "division_prefix"]).doUpdateSet({ org_id: row.org_id, updated_by: row.updated_by }))
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  deleteRule(id: string) {
    return this.db.deleteFrom("dispatch_rules").where("id", "=", id).returningAll().executeTakeFirst();
  }

  // —— locating an address ——

  /** The address registry's entry that the given address starts with (longest first), or equals: its street when known. */
  locateInRegistry(address: string) {
    return this.db
      .selectFrom("addresses")
      .select([sql<string>`coalesce(street_code, division_code)`.as("division_code"), "detail"])
      .where(sql<boolean>`${address} like detail || '%'`)
      .orderBy(sql`length(detail)`, "desc")
      .limit(1)
      .executeTakeFirst();
  }

  /** Streets and districts whose name the address contains (the most specific first). */
  locateByName(address: string) {
    return this.db
      .selectFrom("orgs")
      .select(["division_code", "name", "kind"])
      .where("kind", "in", ["street", "district"])
      .where("division_code", "is not", null)
      .where(sql<boolean>`position(name in ${address}) > 0`)
      .orderBy(sql`length(division_code)`, "desc")
      .limit(1)
      .executeTakeFirst();
  }

  /** The street, town or district of a division code. */
  async placeName(divisionCode: string) {
    const row = await this.db.selectFrom("orgs").select("name").where("division_code", "=", divisionCode).where("kind", "in", ["street", "district", "community"]).executeTakeFirst();
    return row?.name;
  }

  /** Names of divisions (city, districts, streets) for the figures. */
  divisionNames() {
    return this.db.selectFrom("orgs").select(["division_code", "name"]).where("kind", "in", ["district", "city", "street"]).where("division_code", "is not", null).execute();
  }

  // —— hot topics ——

  /** Ticket counts by category, district and ISO week since a date (merged tickets count once). */
  async counts(since: Date) {
    const rows = await sql<{ category_code: string; district: string; week: string; type: string; n: number }>`
      select category_code, coalesce(substr(division_code, 1, 6), '310000') as district,
             to_char(date_trunc('week', created_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as week,
             type, count(*)::int as n
      from tickets
      where created_at >= ${since} and state <> 'merged'
      group by 1, 2, 3, 4`.execute(this.db);
    return rows.rows;
  }

  /** Complaints repeated about the same category and place (or the same service) since a date. */
  async repeatedComplaints(since: Date, min: number) {
    const rows = await sql<{ category_code: string; division_code: string | null; item_name: string | null; n: number; last_at: Date }>`
      select t.category_code, t.division_code, v.name as item_name, count(*)::int as n, max(t.created_at) as last_at
      from tickets t
      left join catalogue_items i on i.id = t.item_id
      left join catalogue_item_versions v0 on v0.id = i.published_version_id
      cross join lateral (select v0.content->>'name' as name) v
      where t.type = 'complaint' and t.created_at >= ${since}
      group by t.category_code, t.division_code, v.name
      having count(*) >= ${min}
      order by n desc, last_at desc
      limit 20`.execute(this.db);
    return rows.rows;
  }
}
