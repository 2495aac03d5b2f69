import type { Kysely } from "kysely";
import type { DB, Enterprise } from "../../db/schema";

/** The legal-person registry (法人库). */
export class EnterpriseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: string): Promise<Enterprise | undefined> {
    return this.db.selectFrom("enterprises").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findByCreditCode(code: string): Promise<Enterprise | undefined> {
    return this.db.selectFrom("enterprises").selectAll().where("credit_code", "=", code).executeTakeFirst();
  }

  listByLegalRepresentative(personId: string): Promise<Enterprise[]> {
    return this.db
      .selectFrom("enterprises")
      .selectAll()
      .where("legal_rep_person_id", "=", personId)
      .where("status", "=", "active")
      .orderBy("name")
      .execute();
  }
}
