import type { Insertable, Kysely } from "kysely";
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

  /** A newly established enterprise (设立登记 approved) enters the registry. */
  insertEstablished(row: Insertable<DB["enterprises"]>): Promise<Enterprise> {
    return this.db.insertInto("enterprises").values(row).returningAll().executeTakeFirstOrThrow();
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
