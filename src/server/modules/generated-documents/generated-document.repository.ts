import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB, GeneratedDocumentsTable } from "../../db/schema";

/** The documents produced from applications' forms (系统生成材料). */
export class GeneratedDocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<GeneratedDocumentsTable>) {
    return this.db.insertInto("generated_documents").values(row).returning(["id", "created_at"]).executeTakeFirstOrThrow();
  }

  /** An application's documents without their bodies, in the order they were made (an owed one has no size, hash or seal yet). */
  listForApplication(applicationId: string) {
    return this.db
      .selectFrom("generated_documents")
      .select(["id", "material_key", "template", "file_name", "size_bytes", "sha256", "seal_key_id", "seal_algorithm", "signature", "created_at", "rendered_at"])
      .where("application_id", "=", applicationId)
      .orderBy("created_at")
      .orderBy("material_key")
      .execute();
  }

  find(applicationId: string, materialKey: string) {
    return this.db.selectFrom("generated_documents").selectAll().where("application_id", "=", applicationId).where("material_key", "=", materialKey).executeTakeFirst();
  }

  /** The applications that still owe documents, the longest waiting first. */
  async owingApplications(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("generated_documents")
      .select("application_id")
      .where("rendered_at", "is", null)
      .groupBy("application_id")
      .orderBy((eb) => eb.fn.min("created_at"))
      .limit(limit)
      .execute();
    return rows.map((r) => r.application_id);
  }

  /** The documents an application owes, with what rendering them needs from the application (its published version, answers, applicant and department). */
  owedBy(applicationId: string) {
    return this.db
      .selectFrom("generated_documents as g")
      .innerJoin("applications as a", "a.id", "g.application_id")
      .select(["g.id", "g.material_key", "g.template", "g.documents_at", "g.region_code", "a.version_id", "a.form_data", "a.applicant_name", "a.handling_org_id"])
      .where("g.application_id", "=", applicationId)
      .where("g.rendered_at", "is", null)
      .orderBy("g.material_key")
      .execute();
  }

  /** Keeps a rendered document unless another process kept it first (false then). */
  async keepRendered(id: string, rendered: Updateable<GeneratedDocumentsTable>): Promise<boolean> {
    const r = await this.db.updateTable("generated_documents").set(rendered).where("id", "=", id).where("rendered_at", "is", null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
