import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

export interface PublishedItemFilters {
  audience?: string;
  theme?: string;
  department?: string;
  level?: string;
  kind?: string;
  regionCode?: string;
}

/** What the search index reads of an item's content. */
export interface SearchableContent {
  name: string;
  keywords: string[];
  summary: string;
  audiences: string[];
  themes: string[];
  conditions: string[];
  materials: string[];
  questions: string[];
}

/** Reads of the catalogue. Published content is the JSON of the item's published version. */
export class CatalogueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Published implementation items with their version, base item and org. */
  private publishedJoined() {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id");
  }

  private published() {
    return this.publishedJoined()
      .select([
        "i.id",
        "i.impl_code",
        "i.level",
        "i.region_code",
        "i.popularity",
        "i.org_id",
        "i.workflow",
        "i.consistency_note",
        "v.version",
        "v.id as version_id",
        "v.content",
        "v.published_at",
        "b.basic_code",
        "b.name as base_name",
        "b.kind",
        "b.action",
        "b.department_key",
        "b.legal_basis",
        "o.name as org_name",
        "o.name_en as org_name_en",
        "o.code as org_code",
      ]);
  }

  /** Every published implementation item (for the search index and the audits). */
  listAllPublished() {
    return this.published().orderBy("b.basic_code").orderBy("i.impl_code").execute();
  }

  /**
   * Every published implementation item with only what the search index reads of its content (the
   * name, keywords, summary, audiences, themes, conditions, and the names of its materials and FAQ
   * questions): a 10,000-item catalogue's whole guides would be parsed, only to be dropped.
   */
  listSearchable() {
    return this.publishedJoined()
      .select([
        "i.id",
        "i.impl_code",
        "i.level",
        "i.region_code",
        "i.popularity",
        "b.basic_code",
        "b.name as base_name",
        "b.kind",
        "b.department_key",
        "o.name as org_name",
        sql<SearchableContent>`jsonb_build_object(
          'name', v.content -> 'name', 'keywords', v.content -> 'keywords', 'summary', v.content -> 'summary',
          'audiences', v.content -> 'audiences', 'themes', v.content -> 'themes',
          'conditions', v.content -> 'guide' -> 'conditions',
          'materials', coalesce((select jsonb_agg(m -> 'name') from jsonb_array_elements(v.content -> 'guide' -> 'materials') m), '[]'::jsonb),
          'questions', coalesce((select jsonb_agg(f -> 'q') from jsonb_array_elements(v.content -> 'guide' -> 'faq') f), '[]'::jsonb))`.as("text"),
      ])
      .orderBy("b.basic_code")
      .orderBy("i.impl_code")
      .execute();
  }

  /** Published items with their org's path, for audits scoped to a subtree. */
  listAllPublishedWithOrgPath() {
    return this.published().select("o.path as org_path").orderBy("b.basic_code").orderBy("i.impl_code").execute();
  }

  listPublished(filters: PublishedItemFilters) {
    let q = this.published();
    if (filters.level) q = q.where("i.level", "=", filters.level);
    if (filters.kind) q = q.where("b.kind", "=", filters.kind);
    if (filters.department) q = q.where("b.department_key", "=", filters.department);
    if (filters.regionCode) q = q.where((eb) => eb.or([eb("i.region_code", "=", filters.regionCode!), eb("i.level", "=", "city")]));
    if (filters.audience) q = q.where(sql<boolean>`v.content -> 'audiences' ? ${filters.audience}`);
    if (filters.theme) q = q.where(sql<boolean>`v.content -> 'themes' ? ${filters.theme}`);
    return q.orderBy("i.popularity", "desc").orderBy("b.basic_code").orderBy("i.impl_code").execute();
  }

  /** What applying needs of a published item (without its content, which is immutable per version). */
  findApplicable(id: string) {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      // Whether an auto-approval rule is switched on: submission skips the 秒批 check without one.
      .leftJoin("item_rules as r", "r.item_id", "i.id")
      .select(["i.id", "i.impl_code", "i.org_id", "i.region_code", "i.workflow", "i.published_version_id as version_id", "b.basic_code", "b.kind", "o.name as org_name", sql<boolean>`coalesce(r.enabled, false)`.as("auto_rule")])
      .where("i.id", "=", id)
      .where("i.published_version_id", "is not", null)
      .executeTakeFirst();
  }

  findPublishedById(id: string) {
    return this.published().where("i.id", "=", id).executeTakeFirst();
  }

  /** Where a service can be done: every published implementation of one basic item, city first. */
  listPlaces(basicCode: string) {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .select(["i.id", "i.level", "i.region_code", "o.name as org_name", "o.name_en as org_name_en"])
      .where("b.basic_code", "=", basicCode)
      .where("i.published_version_id", "is not", null)
      .orderBy("i.region_code")
      .orderBy("i.impl_code")
      .execute();
  }

  /** Items whose implementing org lies in the subtree, with their open draft and published version numbers. */
  listItemsInSubtree(orgPath: string, q: string | undefined, limit: number, offset: number) {
    let query = this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .leftJoin("catalogue_item_versions as p", "p.id", "i.published_version_id")
      .leftJoin("catalogue_item_versions as d", (join) => join.onRef("d.item_id", "=", "i.id").on("d.status", "in", ["draft", "in_review"]))
      .select([
        "i.id",
        "i.impl_code",
        "i.level",
        "b.basic_code",
        "b.name as base_name",
        "o.name as org_name",
        "i.updated_at",
        sql<string | null>`p.content ->> 'name'`.as("published_name"),
        "p.version as published_version",
        "d.id as open_version_id",
        "d.version as open_version",
        "d.status as open_status",
      ])
      .where("o.path", "like", `${orgPath}%`);
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      query = query.where((eb) => eb.or([eb("b.name", "like", pattern), eb("i.impl_code", "like", pattern), eb("o.name", "like", pattern)]));
    }
    return query.orderBy("d.status").orderBy("b.basic_code").orderBy("i.impl_code").limit(limit).offset(offset).execute();
  }

  async countItemsInSubtree(orgPath: string): Promise<number> {
    const row = await this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("o.path", "like", `${orgPath}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private itemWithOrg() {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .select(["i.id", "i.impl_code", "i.published_version_id", "i.region_code", "i.level", "i.workflow", "i.workflow_lock_version", "o.path as org_path", "o.name as org_name", "b.basic_code", "b.name as base_name", "b.kind"]);
  }

  /** An item with its org path, locked for the rest of the transaction. */
  findItemForUpdate(id: string) {
    return this.itemWithOrg().where("i.id", "=", id).forUpdate("i").executeTakeFirst();
  }

  /** Sets (or with null, clears) the item's own workflow if nobody changed it since `lockVersion`. */
  async updateWorkflow(id: string, lockVersion: number, workflow: string | null): Promise<boolean> {
    const r = await this.db.updateTable("catalogue_items").set({ workflow, workflow_lock_version: lockVersion + 1 }).where("id", "=", id).where("workflow_lock_version", "=", lockVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findItem(id: string) {
    return this.itemWithOrg().where("i.id", "=", id).executeTakeFirst();
  }

  listVersions(itemId: string) {
    return this.db
      .selectFrom("catalogue_item_versions")
      .select(["id", "version", "status", "created_at", "created_by_name", "submitted_at", "reviewed_at", "reviewed_by_name", "review_comment", "published_at", "lock_version", "updated_at"])
      .where("item_id", "=", itemId)
      .orderBy("version", "desc")
      .execute();
  }

  findVersion(id: string) {
    return this.db.selectFrom("catalogue_item_versions").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findVersionByNumber(itemId: string, version: number) {
    return this.db.selectFrom("catalogue_item_versions").selectAll().where("item_id", "=", itemId).where("version", "=", version).executeTakeFirst();
  }

  findVersionForUpdate(id: string) {
    return this.db.selectFrom("catalogue_item_versions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async nextVersionNumber(itemId: string): Promise<number> {
    const row = await this.db.selectFrom("catalogue_item_versions").select((eb) => eb.fn.max("version").as("v")).where("item_id", "=", itemId).executeTakeFirst();
    return Number(row?.v ?? 0) + 1;
  }

  insertVersion(row: { item_id: string; version: number; content: string; created_by: string; created_by_name: string; region_code: string }) {
    return this.db.insertInto("catalogue_item_versions").values({ ...row, status: "draft" }).returningAll().executeTakeFirstOrThrow();
  }

  /** Saves draft content if nobody saved since `lockVersion`; returns whether it did. */
  async saveDraft(id: string, lockVersion: number, content: string): Promise<boolean> {
    const r = await this.db
      .updateTable("catalogue_item_versions")
      .set({ content, lock_version: lockVersion + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async updateVersion(id: string, changes: Partial<{ status: "draft" | "in_review" | "published" | "superseded"; submitted_at: Date | null; submitted_by: string | null; reviewed_at: Date; reviewed_by: string; reviewed_by_name: string; review_comment: string | null; published_at: Date }>) {
    await this.db.updateTable("catalogue_item_versions").set({ ...changes, updated_at: new Date(), lock_version: sql`lock_version + 1` }).where("id", "=", id).execute();
  }

  /** Makes `versionId` the published version; the one before becomes history. */
  async publish(itemId: string, versionId: string, previous: string | null): Promise<void> {
    if (previous) await this.db.updateTable("catalogue_item_versions").set({ status: "superseded" }).where("id", "=", previous).execute();
    await this.db.updateTable("catalogue_items").set({ published_version_id: versionId, updated_at: new Date() }).where("id", "=", itemId).execute();
  }

  findBaseItem(basicCode: string) {
    return this.db.selectFrom("catalogue_base_items").selectAll().where("basic_code", "=", basicCode).executeTakeFirst();
  }

  listBaseItems() {
    return this.db.selectFrom("catalogue_base_items").select(["basic_code", "name", "kind", "department_key"]).orderBy("basic_code").execute();
  }

  insertBaseItem(row: { basic_code: string; name: string; kind: string; action: string; department_key: string; legal_basis: string }) {
    return this.db.insertInto("catalogue_base_items").values({ ...row, parent_id: null }).returningAll().executeTakeFirstOrThrow();
  }

  /** The content of some published implementation of a base item (the city's first), to start a new one from. */
  async referenceContent(baseItemId: string): Promise<unknown | null> {
    const row = await this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select("v.content")
      .where("i.base_item_id", "=", baseItemId)
      .orderBy("i.level")
      .orderBy("i.impl_code")
      .limit(1)
      .executeTakeFirst();
    return row?.content ?? null;
  }

  insertItem(row: { base_item_id: string; org_id: string; level: string; impl_code: string; region_code: string }) {
    return this.db.insertInto("catalogue_items").values({ ...row, published_version_id: null, consistency_note: null }).returningAll().executeTakeFirstOrThrow();
  }

  findItemByBaseAndOrg(baseItemId: string, orgId: string) {
    return this.db.selectFrom("catalogue_items").select("id").where("base_item_id", "=", baseItemId).where("org_id", "=", orgId).executeTakeFirst();
  }

  /** Policies linked to a base item. */
  policiesForBaseItem(basicCode: string) {
    return this.db
      .selectFrom("policy_items as pi")
      .innerJoin("policies as p", "p.id", "pi.policy_id")
      .innerJoin("catalogue_base_items as b", "b.id", "pi.base_item_id")
      .select(["p.id", "p.doc_number", "p.title", "p.status"])
      .where("b.basic_code", "=", basicCode)
      .orderBy("p.status")
      .orderBy("p.issued_on", "desc")
      .execute();
  }

  /** Department names by key, from the city-level department orgs (310000-AMR → 上海市市场监督管理局). */
  async departmentNames(): Promise<Map<string, { name: string; nameEn: string }>> {
    const rows = await this.db.selectFrom("orgs").select(["code", "name", "name_en"]).where("code", "like", "310000-%").where("kind", "=", "department").execute();
    return new Map(rows.map((r) => [r.code.slice(7), { name: r.name, nameEn: r.name_en }]));
  }
}
