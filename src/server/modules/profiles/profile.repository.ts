import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** What a profile is derived from, read fresh each time: the registries and the certificate library. */
export class ProfileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  children(personId: string) {
    return this.db.selectFrom("persons").select(["birth_date"]).where((eb) => eb.or([eb("father_id", "=", personId), eb("mother_id", "=", personId)])).execute();
  }

  validCertificates(holder: { personId?: string; enterpriseId?: string }) {
    let q = this.db.selectFrom("certificates").select(["type_code", "valid_to"]).where("status", "=", "valid");
    q = holder.personId ? q.where("holder_person_id", "=", holder.personId) : q.where("holder_enterprise_id", "=", holder.enterpriseId!);
    return q.execute();
  }

  /** Names of benefit items (给付) whose applications were approved for the person. */
  async benefits(personId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("applications as a")
      .innerJoin("catalogue_items as i", "i.id", "a.item_id")
      // Named as the item is published now, as the batch scan names it.
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .select(sql<string>`v.content ->> 'name'`.as("name"))
      .where("a.applicant_person_id", "=", personId)
      .where("a.outcome", "=", "approved")
      .where("b.basic_code", "like", "JF%")
      .where(sql<boolean>`not exists (select 1 from benefit_offers b where b.application_id = a.id and b.status = 'revoked')`)
      .execute();
    return rows.map((r) => r.name);
  }

  /** Entries on a negative list (失信 / 经营异常: `black`) still in force; the red list does not count against anyone. */
  activeCreditListings(creditCode: string, today: string) {
    return this.db
      .selectFrom("credit_records")
      .select(["list", "listed_on"])
      .where("credit_code", "=", creditCode)
      .where("list", "=", "black")
      .where((eb) => eb.or([eb("expires_on", "is", null), eb("expires_on", ">=", today)]))
      .execute();
  }

  async orgNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom("orgs").select(["code", "name"]).where("code", "in", [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** A published implementation of a base item serving a district (its own, else the city's), with its name. */
  implementationFor(basicCode: string, district: string) {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select(["i.id", sql<string>`v.content ->> 'name'`.as("name")])
      .where("b.basic_code", "=", basicCode)
      .where("i.region_code", "in", [district, "310000"])
      .orderBy(sql`i.region_code = ${district}`, "desc")
      .orderBy("i.impl_code")
      .limit(1)
      .executeTakeFirst();
  }
}
