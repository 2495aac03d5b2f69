import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** Metadata of uploaded files (材料) and which application and material they belong to. */
export class FileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<DB["files"]>) {
    return this.db.insertInto("files").values(row).returningAll().executeTakeFirstOrThrow();
  }

  findById(id: string) {
    return this.db.selectFrom("files").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findManyForUpdate(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("files").selectAll().where("id", "in", ids).forUpdate().execute();
  }

  async attach(id: string, applicationId: string, materialKey: string) {
    await this.db.updateTable("files").set({ application_id: applicationId, material_key: materialKey }).where("id", "=", id).execute();
  }

  listForApplication(applicationId: string) {
    return this.db.selectFrom("files").select(["id", "material_key", "file_name", "mime", "size_bytes", "created_at"]).where("application_id", "=", applicationId).orderBy("created_at").execute();
  }

  /**
   * Deletes uploads older than `before` that no application uses and no draft mentions (in its
   * materials or an attachment field); returns their storage keys, to remove once committed.
   */
  async deleteUnattached(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .deleteFrom("files")
      .where("id", "in", (eb) =>
        eb
          .selectFrom("files as f")
          .select("f.id")
          .where("f.application_id", "is", null)
          .where("f.created_at", "<", before)
          .where((e) => e.not(e.exists(e.selectFrom("application_drafts as d").select("d.id").where(sql<boolean>`d.materials::text like '%' || f.id::text || '%' or d.form_data::text like '%' || f.id::text || '%'`))))
          .limit(limit),
      )
      .returning("storage_key")
      .execute();
    return rows.map((r) => r.storage_key);
  }
}
