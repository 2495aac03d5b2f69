import { sql } from "kysely";
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

  /**
   * True when the person may apply for the active enterprise with this credit code: as its legal
   * representative, or as an agent whose grant is in force on `today` and includes applying. One query.
   */
  async personMayApplyFor(personId: string, creditCode: string, today: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("enterprises as e")
      .select("e.id")
      .where("e.credit_code", "=", creditCode)
      .where("e.status", "=", "active")
      .where((eb) =>
        eb.or([
          eb("e.legal_rep_person_id", "=", personId),
          eb.exists(
            eb
              .selectFrom("enterprise_agents as g")
              .select("g.id")
              .whereRef("g.enterprise_id", "=", "e.id")
              .where("g.agent_person_id", "=", personId)
              .where("g.revoked_at", "is", null)
              .where("g.expires_on", ">=", today)
              .where(sql<boolean>`'apply' = any(g.scopes)`),
          ),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
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
