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

/** Reads of the catalogue. Published content is the JSON of the item's published version. */
export class CatalogueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private published() {
    return this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .select([
        "i.id",
        "i.impl_code",
        "i.level",
        "i.region_code",
        "i.popularity",
        "i.org_id",
        "i.consistency_note",
        "v.version",
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
      ]);
  }

  /** Every published implementation item (for the search index and the audits). */
  listAllPublished() {
    return this.published().orderBy("b.basic_code").orderBy("i.impl_code").execute();
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

  findPublishedById(id: string) {
    return this.published().where("i.id", "=", id).executeTakeFirst();
  }

  findPublishedByImplCode(code: string) {
    return this.published().where("i.impl_code", "=", code).executeTakeFirst();
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

  async generation(): Promise<number> {
    const row = await this.db.selectFrom("catalogue_generation").select("generation").where("id", "=", 1).executeTakeFirstOrThrow();
    return Number(row.generation);
  }

  async bumpGeneration(): Promise<void> {
    await this.db.updateTable("catalogue_generation").set((eb) => ({ generation: eb("generation", "+", 1) })).where("id", "=", 1).execute();
  }

  listSynonyms() {
    return this.db.selectFrom("search_synonyms").selectAll().orderBy("term").execute();
  }

  listAnswers() {
    return this.db.selectFrom("knowledge_answers").selectAll().execute();
  }
}
