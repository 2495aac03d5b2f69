import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { DB, Org } from "../../db/schema";

export class OrgRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: string): Promise<Org | undefined> {
    return this.db.selectFrom("orgs").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /**
   * An org with the path of the government level it belongs to: itself when it is the city, a
   * district, a street or a community, else its nearest such ancestor (a department's government).
   */
  async findWithGovernment(id: string): Promise<(Org & { government_path: string | null }) | undefined> {
    return this.db
      .selectFrom("orgs as o")
      .selectAll("o")
      .select((eb) =>
        eb
          .selectFrom("orgs as g")
          .select("g.path")
          .where("g.kind", "in", ["city", "district", "street", "community"])
          .where(sql<boolean>`o.path like g.path || '%'`)
          .orderBy(sql`length(g.path)`, "desc")
          .limit(1)
          .as("government_path"),
      )
      .where("o.id", "=", id)
      .executeTakeFirst();
  }

  findByCode(code: string): Promise<Org | undefined> {
    return this.db.selectFrom("orgs").selectAll().where("code", "=", code).executeTakeFirst();
  }

  /** The street offices of a district (kind street, a 9-digit division code under it), in code order. */
  streetsOf(district: string) {
    return this.db.selectFrom("orgs").select(["division_code", "name", "name_en"]).where("kind", "=", "street").where("division_code", "like", `${district}___`).orderBy("division_code").execute();
  }

  /** The names of divisions (districts, streets and towns, communities) by their codes. */
  async divisionNames(codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await this.db.selectFrom("orgs").select(["division_code", "name"]).where("division_code", "in", codes).where("kind", "in", ["district", "street", "community"]).execute();
    return new Map(rows.map((r) => [r.division_code!, r.name]));
  }

  /** Children of an org (or the roots), each with how many children it has. */
  listChildren(parentId: string | null) {
    return this.db
      .selectFrom("orgs as o")
      .selectAll("o")
      .select((eb) =>
        eb.selectFrom("orgs as c").whereRef("c.parent_id", "=", "o.id").select((e) => e.fn.countAll<number>().as("n")).as("child_count"),
      )
      .where((eb) => (parentId === null ? eb("o.parent_id", "is", null) : eb("o.parent_id", "=", parentId)))
      .orderBy("o.sort")
      .orderBy("o.code")
      .execute();
  }

  /** The materialised paths of some orgs, by id. */
  async pathsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom("orgs").select(["id", "path"]).where("id", "in", ids).execute();
    return new Map(rows.map((r) => [r.id, r.path]));
  }
}
