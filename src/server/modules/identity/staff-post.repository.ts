import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** 一人多岗: the further posts staff members hold (an organisation and the roles there). */
export class StaffPostRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** An account's further posts with their organisations' names, in the tree's order. */
  postsOf(accountId: string) {
    return this.db
      .selectFrom("staff_posts as p")
      .innerJoin("orgs as o", "o.id", "p.org_id")
      .select(["p.org_id", "p.roles", "o.name as org_name", "o.name_en as org_name_en", "o.path as org_path"])
      .where("p.account_id", "=", accountId)
      .orderBy("o.path")
      .execute();
  }

  find(accountId: string, orgId: string) {
    return this.db.selectFrom("staff_posts").selectAll().where("account_id", "=", accountId).where("org_id", "=", orgId).executeTakeFirst();
  }

  /** Adds or replaces a post's roles. */
  async upsert(row: { account_id: string; org_id: string; roles: string[]; created_by: string }): Promise<void> {
    await this.db.insertInto("staff_posts").values(row).onConflict((oc) => oc.columns(["account_id", "org_id"]).doUpdateSet({ roles: row.roles })).execute();
  }

  async remove(accountId: string, orgId: string): Promise<boolean> {
    const r = await this.db.deleteFrom("staff_posts").where("account_id", "=", accountId).where("org_id", "=", orgId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
