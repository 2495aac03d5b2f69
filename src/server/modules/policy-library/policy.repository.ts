import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** The policy library (政策库). */
export class PolicyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listAll() {
    return this.db.selectFrom("policies").selectAll().orderBy("issued_on", "desc").execute();
  }

  insert(row: Insertable<DB["policies"]>) {
    return this.db.insertInto("policies").values(row).returning("id").executeTakeFirstOrThrow();
  }

  setMatch(id: string, set: { match_status: "done" | "failed"; match_count?: number; matched_at?: Date }) {
    return this.db.updateTable("policies").set(set).where("id", "=", id).execute();
  }

  /** Policies with eligibility rules issued by orgs under a path prefix, newest first. */
  listWithEligibility(orgPathPrefix: string) {
    return this.db
      .selectFrom("policies as p")
      .innerJoin("orgs as o", "o.id", "p.issuer_org_id")
      .selectAll("p")
      .where("p.eligibility", "is not", null)
      .where("o.path", "like", `${orgPathPrefix}%`)
      .orderBy("p.created_at", "desc")
      .execute();
  }

  findById(id: string) {
    return this.db.selectFrom("policies").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The documents that replaced this one or that it replaced. */
  related(id: string) {
    return this.db
      .selectFrom("policies")
      .select(["id", "doc_number", "title", "status", "replaced_by_id"])
      .where((eb) => eb.or([eb("replaced_by_id", "=", id), eb("id", "=", eb.selectFrom("policies").select("replaced_by_id").where("id", "=", id))]))
      .execute();
  }

  /** Base items the policy governs, each with one published implementation to link to. */
  governedItems(policyId: string) {
    return this.db
      .selectFrom("policy_items as pi")
      .innerJoin("catalogue_base_items as b", "b.id", "pi.base_item_id")
      .select((eb) => [
        "b.basic_code",
        "b.name",
        eb
          .selectFrom("catalogue_items as i")
          .select("i.id")
          .whereRef("i.base_item_id", "=", "b.id")
          .where("i.published_version_id", "is not", null)
          .orderBy("i.level")
          .orderBy("i.impl_code")
          .limit(1)
          .as("item_id"),
      ])
      .where("pi.policy_id", "=", policyId)
      .orderBy("b.basic_code")
      .execute();
  }
}
