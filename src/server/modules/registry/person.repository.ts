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
}
