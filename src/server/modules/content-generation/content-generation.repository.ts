import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

/**
 * The generation of searchable content: bumped in the same transaction by whatever changes what
 * search shows (a publication in the catalogue, a synonym or answer of the search vocabulary), and
 * read by every process's search index to know when to rebuild.
 */
export class ContentGenerationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async current(): Promise<number> {
    const row = await this.db.selectFrom("catalogue_generation").select("generation").where("id", "=", 1).executeTakeFirstOrThrow();
    return Number(row.generation);
  }

  async bump(): Promise<void> {
    await this.db.updateTable("catalogue_generation").set((eb) => ({ generation: eb("generation", "+", 1) })).where("id", "=", 1).execute();
  }
}
