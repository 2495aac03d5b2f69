import type { Insertable, Kysely } from "kysely";
import type { DB, GeneratedDocumentsTable } from "../../db/schema";

/** The documents produced from applications' forms (系统生成材料). */
export class GeneratedDocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<GeneratedDocumentsTable>) {
    return this.db.insertInto("generated_documents").values(row).returning(["id", "created_at"]).executeTakeFirstOrThrow();
  }

  /** An application's documents without their bodies, in the order they were made. */
  listForApplication(applicationId: string) {
    return this.db
      .selectFrom("generated_documents")
      .select(["id", "material_key", "template", "file_name", "size_bytes", "sha256", "seal_key_id", "seal_algorithm", "signature", "created_at"])
      .where("application_id", "=", applicationId)
      .orderBy("created_at")
      .orderBy("material_key")
      .execute();
  }

  find(applicationId: string, materialKey: string) {
    return this.db.selectFrom("generated_documents").selectAll().where("application_id", "=", applicationId).where("material_key", "=", materialKey).executeTakeFirst();
  }
}
