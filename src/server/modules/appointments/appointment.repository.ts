import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** Time slots of service centres and the appointments booked into them. */
export class AppointmentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts slots, skipping any that already exist at the same centre, day and start; returns how many were new. */
  async insertSlots(rows: Array<Insertable<DB["appointment_slots"]>>): Promise<number> {
    if (rows.length === 0) return 0;
    const r = await this.db.insertInto("appointment_slots").values(rows).onConflict((oc) => oc.columns(["centre_org_id", "day", "start_time"]).doNothing()).returning("id").execute();
    return r.length;
  }

  listSlots(centreOrgId: string, from: string, to: string) {
    return this.db.selectFrom("appointment_slots").selectAll().where("centre_org_id", "=", centreOrgId).where("day", ">=", from).where("day", "<=", to).orderBy("day").orderBy("start_time").execute();
  }

  findSlot(id: string) {
    return this.db.selectFrom("appointment_slots as s").innerJoin("orgs as o", "o.id", "s.centre_org_id").selectAll("s").select(["o.name as centre_name", "o.path as centre_path"]).where("s.id", "=", id).executeTakeFirst();
  }

  /** Takes one place if one is left: the conditional increment is what prevents double booking. */
  async takePlace(slotId: string): Promise<boolean> {
    const r = await this.db.updateTable("appointment_slots").set({ booked: sql`booked + 1` }).where("id", "=", slotId).where(sql<boolean>`booked < capacity`).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releasePlace(slotId: string) {
    await this.db.updateTable("appointment_slots").set({ booked: sql`booked - 1` }).where("id", "=", slotId).where("booked", ">", 0).execute();
  }

  insert(row: Insertable<DB["appointments"]>) {
    return this.db.insertInto("appointments").values(row).returningAll().executeTakeFirstOrThrow();
  }

  findForUpdate(id: string) {
    return this.db.selectFrom("appointments").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async update(id: string, lockVersion: number, changes: { status?: "booked" | "cancelled" | "checked_in"; slot_id?: string; checked_in_at?: Date; checked_in_by?: string }): Promise<boolean> {
    const r = await this.db.updateTable("appointments").set({ ...changes, lock_version: lockVersion + 1, updated_at: new Date() }).where("id", "=", id).where("lock_version", "=", lockVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private withDetails() {
    return this.db
      .selectFrom("appointments as a")
      .innerJoin("appointment_slots as s", "s.id", "a.slot_id")
      .innerJoin("orgs as o", "o.id", "s.centre_org_id")
      .innerJoin("catalogue_items as i", "i.id", "a.item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("accounts as acc", "acc.id", "a.account_id")
      .select(["a.id", "a.code", "a.status", "a.lock_version", "a.item_id", "a.checked_in_at", "s.id as slot_id", "s.day", "s.start_time", "s.end_time", "o.id as centre_id", "o.name as centre_name", "acc.name as person_name", sql<string>`v.content ->> 'name'`.as("item_name")]);
  }

  listForAccount(accountId: string) {
    return this.withDetails().where("a.account_id", "=", accountId).orderBy("s.day", "desc").orderBy("s.start_time", "desc").limit(100).execute();
  }

  listForCentre(centreOrgId: string, day: string) {
    return this.withDetails().where("s.centre_org_id", "=", centreOrgId).where("s.day", "=", day).orderBy("s.start_time").orderBy("a.created_at").execute();
  }

  findDetailed(id: string) {
    return this.withDetails().where("a.id", "=", id).executeTakeFirst();
  }

  /** An appointment as a rating of the visit needs it: the visitor, the centre's path, and who checked it in where. */
  findForRating(id: string) {
    return this.withDetails()
      .leftJoin("accounts as st", "st.id", "a.checked_in_by")
      .leftJoin("orgs as so", "so.id", "st.org_id")
      .select(["a.account_id", "a.region_code", "a.checked_in_by", "o.path as centre_path", "st.name as staff_name", "so.id as staff_org_id", "so.name as staff_org_name", "acc.person_id"])
      .where("a.id", "=", id)
      .executeTakeFirst();
  }

  /** Service centres (with their path) that have slots from a day on. */
  centresWithSlots(from: string) {
    return this.db
      .selectFrom("orgs as o")
      .leftJoin("orgs as p", "p.id", "o.parent_id")
      .select(["o.id", "o.name", "o.region_code", "p.division_code"])
      .where("o.kind", "=", "service_centre")
      .where((eb) => eb.exists(eb.selectFrom("appointment_slots as s").select("s.id").whereRef("s.centre_org_id", "=", "o.id").where("s.day", ">=", from)))
      .orderBy("o.code")
      .execute();
  }

  /** Centres above an org (a window's centre) or, for administrators, inside its subtree. */
  centresFor(orgPath: string, asAdmin: boolean) {
    return this.db
      .selectFrom("orgs")
      .select(["id", "name"])
      .where("kind", "=", "service_centre")
      .where((eb) => (asAdmin ? eb("path", "like", `${orgPath}%`) : eb(sql.val(orgPath), "like", sql<string>`path || '%'`)))
      .orderBy("code")
      .limit(100)
      .execute();
  }
}
