import { type Insertable, type Kysely } from "kysely";
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
}
