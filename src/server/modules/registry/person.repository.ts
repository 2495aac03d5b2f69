import { type Kysely, sql } from "kysely";
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

  /** The person, their spouse and their children in one round trip, each row marked with its relation. */
  async findWithFamily(personId: string): Promise<Array<Person & { rel: "self" | "spouse" | "child" }>> {
    const r = await sql<Person & { rel: "self" | "spouse" | "child" }>`
      select p.*, 'self' as rel from persons p where p.id = ${personId}
      union all select s.*, 'spouse' as rel from persons s where s.id = (select spouse_id from persons where id = ${personId})
      union all (select c.*, 'child' as rel from persons c where c.father_id = ${personId} limit 20)
      union all (select c.*, 'child' as rel from persons c where c.mother_id = ${personId} limit 20)`.execute(this.db);
    return r.rows;
  }
}
