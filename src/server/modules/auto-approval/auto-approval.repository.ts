import { sql, type Insertable, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** 秒批 rules per item (with every version) and the decisions taken with them. */
export class AutoApprovalRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findRule(itemId: string) {
    return this.db.selectFrom("item_rules").selectAll().where("item_id", "=", itemId).executeTakeFirst();
  }

  findRuleForUpdate(itemId: string) {
    return this.db.selectFrom("item_rules").selectAll().where("item_id", "=", itemId).forUpdate().executeTakeFirst();
  }

  insertRule(row: Insertable<DB["item_rules"]>) {
    return this.db.insertInto("item_rules").values(row).returningAll().executeTakeFirstOrThrow();
  }

  updateRule(id: string, set: { rule?: string; version?: number; enabled?: boolean; grant_mode?: "consent" | "opt_out" | null; updated_by: string }) {
    return this.db.updateTable("item_rules").set({ ...set, updated_at: new Date() }).where("id", "=", id).execute();
  }

  /** Records that a version was tested (a later save makes it stale: the version moves on). */
  markTested(id: string, version: number) {
    return this.db.updateTable("item_rules").set({ tested_version: version }).where("id", "=", id).where("version", "=", version).execute();
  }

  insertVersion(row: Insertable<DB["item_rule_versions"]>) {
    return this.db.insertInto("item_rule_versions").values(row).execute();
  }

  insertDecision(row: Insertable<DB["auto_decisions"]>) {
    return this.db.insertInto("auto_decisions").values(row).execute();
  }


  /** How many applications a rule has approved so far (for sampling every n-th). */
  async approvedCount(itemRuleId: string): Promise<number> {
    const row = await this.db.selectFrom("auto_decisions").select(sql<number>`count(*)::int`.as("n")).where("item_rule_id", "=", itemRuleId).where("outcome", "=", "approved").executeTakeFirstOrThrow();
    return row.n;
  }

  /** Items under an org subtree that declare a rule, with how many applications it approved or handed to people. */
  listRules(pathPrefix: string) {
    return this.db
      .selectFrom("item_rules as r")
      .innerJoin("catalogue_items as i", "i.id", "r.item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .select([
        "r.item_id",
        "r.version",
        "r.enabled",
        "r.tested_version",
        "r.grant_mode",
        "o.name as org_name",
        sql<string>`v.content ->> 'name'`.as("item_name"),
        sql<number>`(select count(*) from auto_decisions d where d.item_rule_id = r.id and d.outcome = 'approved')::int`.as("approved"),
        sql<number>`(select count(*) from auto_decisions d where d.item_rule_id = r.id and d.outcome = 'to_people')::int`.as("to_people"),
      ])
      .where("o.path", "like", `${pathPrefix}%`)
      .orderBy("o.path")
      .orderBy("i.impl_code")
      .execute();
  }

  /** Sampled automatic approvals of items under an org subtree waiting for a person's re-check. */
  listPendingChecks(pathPrefix: string, limit: number) {
    return this.db
      .selectFrom("auto_decisions as d")
      .innerJoin("applications as a", "a.id", "d.application_id")
      .innerJoin("orgs as o", "o.id", "a.handling_org_id")
      .select(["d.application_id", "d.version", "d.conditions", "d.created_at", "a.number", "a.applicant_name", "o.name as org_name", "o.path as org_path"])
      .where("d.check_status", "=", "pending")
      .where("o.path", "like", `${pathPrefix}%`)
      .orderBy("d.created_at")
      .limit(limit)
      .execute();
  }

  async check(applicationId: string, status: "confirmed" | "flagged", by: string, note: string | null, at: Date): Promise<boolean> {
    const res = await this.db.updateTable("auto_decisions").set({ check_status: status, checked_by: by, check_note: note, checked_at: at }).where("application_id", "=", applicationId).where("check_status", "=", "pending").executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
