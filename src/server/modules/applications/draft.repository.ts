import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

const NO_ENTERPRISE = "00000000-0000-0000-0000-000000000000";

/** Server-side drafts (草稿): one per applicant, item and enterprise acted for. */
export class DraftRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private owner(accountId: string, itemId: string, enterpriseId: string | null) {
    return this.db
      .selectFrom("application_drafts")
      .where("account_id", "=", accountId)
      .where("item_id", "=", itemId)
      .where(sql<string>`coalesce(acting_for_enterprise_id, ${NO_ENTERPRISE}::uuid)`, "=", enterpriseId ?? NO_ENTERPRISE);
  }

  find(accountId: string, itemId: string, enterpriseId: string | null) {
    return this.owner(accountId, itemId, enterpriseId).selectAll().executeTakeFirst();
  }

  /** Creates the draft, or updates it if it is still at `lockVersion`; undefined when someone saved in between. */
  async save(accountId: string, itemId: string, enterpriseId: string | null, lockVersion: number | null, formData: string, materials: string) {
    if (lockVersion === null) {
      return this.db
        .insertInto("application_drafts")
        .values({ account_id: accountId, item_id: itemId, acting_for_enterprise_id: enterpriseId, form_data: formData, materials })
        .onConflict((oc) => oc.expression(sql`account_id, item_id, coalesce(acting_for_enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid)`).doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    const current = await this.find(accountId, itemId, enterpriseId);
    if (!current) return undefined;
    return this.db
      .updateTable("application_drafts")
      .set({ form_data: formData, materials, lock_version: lockVersion + 1, updated_at: new Date() })
      .where("id", "=", current.id)
      .where("lock_version", "=", lockVersion)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(accountId: string, itemId: string, enterpriseId: string | null) {
    await this.db
      .deleteFrom("application_drafts")
      .where("account_id", "=", accountId)
      .where("item_id", "=", itemId)
      .where(sql<string>`coalesce(acting_for_enterprise_id, ${NO_ENTERPRISE}::uuid)`, "=", enterpriseId ?? NO_ENTERPRISE)
      .execute();
  }

  listForAccount(accountId: string, enterpriseId: string | null) {
    return this.db
      .selectFrom("application_drafts as d")
      .innerJoin("catalogue_items as i", "i.id", "d.item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select(["d.item_id", "d.updated_at", sql<string>`v.content ->> 'name'`.as("item_name")])
      .where("d.account_id", "=", accountId)
      .where(sql<string>`coalesce(d.acting_for_enterprise_id, ${NO_ENTERPRISE}::uuid)`, "=", enterpriseId ?? NO_ENTERPRISE)
      .orderBy("d.updated_at", "desc")
      .limit(50)
      .execute();
  }
}
