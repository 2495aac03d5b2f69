import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** Sharing rules (共享目录) and consented prefills. */
export class SharingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  activeRules(orgId: string, itemCode: string) {
    return this.db.selectFrom("sharing_rules").select(["id", "subject", "elements"]).where("org_id", "=", orgId).where("item_code", "=", itemCode).where("status", "=", "active").execute();
  }

  /** Rules with their org, optionally for one item code or within an org subtree. */
  listRules(filter: { itemCode: string | null; orgPath: string | null; limit: number; offset: number }) {
    let q = this.db
      .selectFrom("sharing_rules as r")
      .innerJoin("orgs as o", "o.id", "r.org_id")
      .leftJoin("catalogue_base_items as b", "b.basic_code", "r.item_code")
      .selectAll("r")
      .select(["o.name as org_name", "o.path as org_path", "b.name as item_name"]);
    if (filter.itemCode) q = q.where("r.item_code", "=", filter.itemCode);
    if (filter.orgPath) q = q.where("o.path", "like", `${filter.orgPath.replace(/[\\%_]/g, "\\$&")}%`);
    return q.orderBy("r.item_code").orderBy("o.path").orderBy("r.subject").limit(filter.limit).offset(filter.offset).execute();
  }

  findRule(id: string) {
    return this.db.selectFrom("sharing_rules").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findRuleFor(orgId: string, itemCode: string, subject: string) {
    return this.db.selectFrom("sharing_rules").select("id").where("org_id", "=", orgId).where("item_code", "=", itemCode).where("subject", "=", subject).executeTakeFirst();
  }

  insertRule(row: Insertable<DB["sharing_rules"]>) {
    return this.db.insertInto("sharing_rules").values(row).returning("id").executeTakeFirstOrThrow();
  }

  async updateRule(id: string, changes: { elements?: string; status?: string; note?: string }) {
    await this.db.updateTable("sharing_rules").set(changes).where("id", "=", id).execute();
  }

  insertPrefill(row: Insertable<DB["prefills"]>) {
    return this.db.insertInto("prefills").values(row).returning("id").executeTakeFirstOrThrow();
  }

  findPrefillForUpdate(id: string) {
    return this.db.selectFrom("prefills").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async usePrefill(id: string, applicationId: string) {
    await this.db.updateTable("prefills").set({ application_id: applicationId }).where("id", "=", id).execute();
  }
}
