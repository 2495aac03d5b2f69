import type { Kysely } from "kysely";
import type { DB, Person } from "../../db/schema";

/** The population registry (人口库). Look-ups go by blind index; callers decrypt what they show. */
export class PersonRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: string): Promise<Person | undefined> {
    return this.db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** A child of the person (as father or mother) with this name, if the registry knows one. */
  findChildByName(parentId: string, name: string): Promise<Person | undefined> {
    return this.db
      .selectFrom("persons")
      .selectAll()
      .where((eb) => eb.or([eb("father_id", "=", parentId), eb("mother_id", "=", parentId)]))
      .where("name", "=", name)
      .executeTakeFirst();
  }

  findByIdNumberHash(hash: string): Promise<Person | undefined> {
    return this.db.selectFrom("persons").selectAll().where("id_number_hash", "=", hash).executeTakeFirst();
  }
}
