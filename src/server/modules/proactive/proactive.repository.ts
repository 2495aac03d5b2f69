import type { OfferStatus } from "../../../shared/lifecycle";
import { sql, type Insertable, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** Pushes sent, policy matches and 免申即享 offers. */
export class ProactiveRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async pushSeen(triggerKey: string, subjectId: string, ref: string): Promise<boolean> {
    return !!(await this.db.selectFrom("proactive_pushes").select("id").where("trigger_key", "=", triggerKey).where("subject_id", "=", subjectId).where("ref", "=", ref).executeTakeFirst());
  }

  /** Records a push once per trigger, subject and event; false when it had been recorded already. */
  async insertPush(row: Insertable<DB["proactive_pushes"]>): Promise<boolean> {
    const res = await this.db.insertInto("proactive_pushes").values(row).onConflict((oc) => oc.columns(["trigger_key", "subject_id", "ref"]).doNothing()).returning("id").executeTakeFirst();
    return !!res;
  }

  async pushesSince(accountId: string, since: Date): Promise<number> {
    const row = await this.db.selectFrom("proactive_pushes").select(sql<number>`count(*)::int`.as("n")).where("account_id", "=", accountId).where("created_at", ">=", since).executeTakeFirstOrThrow();
    return row.n;
  }

  // 政策找人

  insertMatches(rows: Array<Insertable<DB["policy_matches"]>>) {
    if (rows.length === 0) return Promise.resolve();
    return this.db.insertInto("policy_matches").values(rows).onConflict((oc) => oc.columns(["policy_id", "subject_id"]).doNothing()).execute();
  }

  markNotified(policyId: string, subjectId: string) {
    return this.db.updateTable("policy_matches").set({ notified: true }).where("policy_id", "=", policyId).where("subject_id", "=", subjectId).execute();
  }

  listMatches(policyId: string, limit: number, offset: number) {
    return this.db.selectFrom("policy_matches").selectAll().where("policy_id", "=", policyId).orderBy("subject_name").orderBy("subject_id").limit(limit).offset(offset).execute();
  }

  async matchStats(policyId: string) {
    return this.db
      .selectFrom("policy_matches")
      .select([sql<number>`count(*)::int`.as("total"), sql<number>`count(*) filter (where notified)::int`.as("notified")])
      .where("policy_id", "=", policyId)
      .executeTakeFirstOrThrow();
  }

  // 免申即享

  insertOffer(row: Insertable<DB["benefit_offers"]>) {
    return this.db.insertInto("benefit_offers").values(row).onConflict((oc) => oc.columns(["item_id", "person_id"]).doNothing()).returning(["id"]).executeTakeFirst();
  }

  findOfferForUpdate(id: string) {
    return this.db.selectFrom("benefit_offers").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  updateOffer(id: string, set: { status: OfferStatus; application_id?: string; payment?: string; decided_at?: Date; revoked_by?: string; revoke_reason?: string; reply_by?: null }) {
    return this.db.updateTable("benefit_offers").set(set).where("id", "=", id).execute();
  }

  private offers() {
    return this.db
      .selectFrom("benefit_offers as o")
      .innerJoin("catalogue_items as i", "i.id", "o.item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("orgs as g", "g.id", "i.org_id")
      .innerJoin("persons as p", "p.id", "o.person_id")
      .leftJoin("applications as a", "a.id", "o.application_id")
      .select(["o.id", "o.item_id", "o.person_id", "o.mode", "o.status", "o.rule_version", "o.conditions", "o.reply_by", "o.application_id", "o.payment", "o.decided_at", "o.revoked_by", "o.revoke_reason", "o.created_at", "o.region_code", sql<string>`v.content ->> 'name'`.as("item_name"), "g.name as org_name", "g.path as org_path", "p.name as person_name", "a.number as application_number"]);
  }

  listOffersOf(personId: string) {
    return this.offers().where("o.person_id", "=", personId).orderBy("o.created_at", "desc").execute();
  }

  listOffersUnder(orgPathPrefix: string, limit: number) {
    return this.offers().where("g.path", "like", `${orgPathPrefix}%`).orderBy("o.created_at", "desc").limit(limit).execute();
  }

  /** Opt-out offers whose notice period ended without an objection: granted next. */
  dueOptOuts(today: string, limit: number) {
    return this.db.selectFrom("benefit_offers").select("id").where("status", "=", "offered").where("mode", "=", "opt_out").where("reply_by", "<", today).orderBy("reply_by").limit(limit).execute();
  }

  /** Items granted without an application (免申即享): their rule, mode and the org and region they serve. */
  grantItems() {
    return this.db
      .selectFrom("item_rules as r")
      .innerJoin("catalogue_items as i", "i.id", "r.item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .select(["r.item_id", "r.rule", "r.version", "r.grant_mode", "i.region_code", "i.org_id", "b.basic_code", sql<string>`v.content ->> 'name'`.as("name"), sql<string | null>`v.content ->> 'holdingLimit'`.as("holding_limit")])
      .where("r.grant_mode", "is not", null)
      .where("r.enabled", "=", true)
      .execute();
  }
}
