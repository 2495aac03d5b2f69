import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** 一件事: definitions, bundle applications and their constituent items. */
export class BundleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listPublished() {
    return this.db.selectFrom("bundles").selectAll().where("status", "=", "published").orderBy("code").execute();
  }

  listAll() {
    return this.db.selectFrom("bundles").selectAll().orderBy("code").execute();
  }

  insert(row: { code: string; name: string; definition: string; status: string; updated_by: string }) {
    return this.db.insertInto("bundles").values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Changes a definition only if nobody changed it since `lockVersion` was read. */
  async updateIfVersion(code: string, lockVersion: number, changes: { name?: string; definition?: string; status?: string; updated_by: string }) {
    const r = await this.db
      .updateTable("bundles")
      .set({ ...changes, lock_version: lockVersion + 1, updated_at: new Date() })
      .where("code", "=", code)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findByCode(code: string) {
    return this.db.selectFrom("bundles").selectAll().where("code", "=", code).executeTakeFirst();
  }

  /** Adds the definitions not stored yet (by code); returns how many were added. */
  async insertMissing(rows: Array<{ code: string; name: string; definition: string }>) {
    if (!rows.length) return 0;
    const r = await this.db.insertInto("bundles").values(rows).onConflict((oc) => oc.column("code").doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  /**
   * The published implementation of a base item that serves a district: the district's own, else the
   * city's. With its org's code and name.
   */
  findImplementation(basicCode: string, regionCode: string) {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .select(["i.id", "i.org_id", "i.region_code", "i.published_version_id as version_id", "o.name as org_name", "o.code as org_code"])
      .where("b.basic_code", "=", basicCode)
      .where("i.published_version_id", "is not", null)
      .where("i.region_code", "in", [regionCode, "310000"])
      .orderBy(sql`case when i.region_code = ${regionCode} then 0 else 1 end`)
      .orderBy("i.impl_code")
      .executeTakeFirst();
  }

  insertApplication(row: Insertable<DB["bundle_applications"]>) {
    return this.db.insertInto("bundle_applications").values(row).returning(["id", "number"]).executeTakeFirstOrThrow();
  }

  async insertChild(row: Insertable<DB["bundle_children"]>) {
    await this.db.insertInto("bundle_children").values(row).execute();
  }

  findApplication(id: string) {
    return this.db.selectFrom("bundle_applications").selectAll().where("id", "=", id).executeTakeFirst();
  }

  listForApplicant(accountId: string, limit: number, offset: number) {
    return this.db
      .selectFrom("bundle_applications as a")
      .innerJoin("bundles as b", "b.id", "a.bundle_id")
      .select(["a.id", "a.number", "a.submitted_at", "a.deadline", "b.code", "b.name"])
      .where("a.applicant_account_id", "=", accountId)
      .orderBy("a.submitted_at", "desc")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** The constituent items of a bundle application with their applications' state, outcome, number and handling org. */
  listChildren(bundleApplicationId: string) {
    return this.db
      .selectFrom("bundle_children as c")
      .innerJoin("catalogue_items as i", "i.id", "c.item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .leftJoin("applications as a", "a.id", "c.application_id")
      .leftJoin("workflow_definitions as w", "w.id", "a.workflow_id")
      .select([
        "c.item_key",
        "c.item_id",
        "c.position",
        "c.status",
        "c.waits_for",
        "c.application_id",
        "c.stopped_reason",
        "o.name as org_name",
        "a.number",
        "a.state",
        "a.outcome",
        "a.committed_deadline",
        "i.published_version_id as version_id",
        "w.definition as workflow",
      ])
      .where("c.bundle_application_id", "=", bundleApplicationId)
      .orderBy("c.position")
      .execute();
  }

  /** The children of the bundle an application belongs to, locked (one decision at a time per bundle). */
  async childrenOfApplicationForUpdate(applicationId: string) {
    const own = await this.db.selectFrom("bundle_children").select("bundle_application_id").where("application_id", "=", applicationId).executeTakeFirst();
    if (!own) return null;
    const children = await this.db.selectFrom("bundle_children").selectAll().where("bundle_application_id", "=", own.bundle_application_id).orderBy("position").forUpdate().execute();
    return { bundleApplicationId: own.bundle_application_id, children };
  }

  async startChild(bundleApplicationId: string, itemKey: string, applicationId: string) {
    await this.db.updateTable("bundle_children").set({ status: "started", application_id: applicationId, form_data: "{}" }).where("bundle_application_id", "=", bundleApplicationId).where("item_key", "=", itemKey).execute();
  }

  async stopChild(bundleApplicationId: string, itemKey: string, reason: string) {
    await this.db.updateTable("bundle_children").set({ status: "stopped", stopped_reason: reason, form_data: "{}" }).where("bundle_application_id", "=", bundleApplicationId).where("item_key", "=", itemKey).execute();
  }


}
