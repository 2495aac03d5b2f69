import type { Kysely } from "kysely";
import type { DB, Person } from "../../db/schema";

/** The population registry (人口库). Look-ups go by blind index; callers decrypt what they show. */
export class PersonRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: string): Promise<Person | undefined> {
    return this.db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findByIdNumberHash(hash: string): Promise<Person | undefined> {
    return this.db.selectFrom("persons").selectAll().where("id_number_hash", "=", hash).executeTakeFirst();
  }

  /** The person's children, youngest first. */
  listChildren(personId: string): Promise<Person[]> {
    return this.db
      .selectFrom("persons")
      .selectAll()
      .where((eb) => eb.or([eb("father_id", "=", personId), eb("mother_id", "=", personId)]))
      .orderBy("birth_date", "desc")
      .limit(20)
      .execute();
  }
}
