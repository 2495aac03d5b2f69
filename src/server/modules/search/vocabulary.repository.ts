import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** The search vocabulary: synonyms (同义词) and the knowledge base's answers (知识库). */
export class VocabularyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listSynonyms() {
    return this.db.selectFrom("search_synonyms").selectAll().orderBy("term").execute();
  }

  async upsertSynonym(term: string, expansions: string[]): Promise<void> {
    await this.db
      .insertInto("search_synonyms")
      .values({ term, expansions, updated_at: new Date() })
      .onConflict((oc) => oc.column("term").doUpdateSet({ expansions, updated_at: new Date() }))
      .execute();
  }

  async deleteSynonym(term: string): Promise<boolean> {
    const r = await this.db.deleteFrom("search_synonyms").where("term", "=", term).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  insertAnswer(row: { question: string; answer: string; tags: string[]; basic_code: string | null }) {
    return this.db.insertInto("knowledge_answers").values(row).returningAll().executeTakeFirstOrThrow();
  }

  async updateAnswer(id: string, row: { question: string; answer: string; tags: string[]; basic_code: string | null }): Promise<boolean> {
    const r = await this.db.updateTable("knowledge_answers").set({ ...row, updated_at: new Date() }).where("id", "=", id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteAnswer(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("knowledge_answers").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  listAnswers() {
    return this.db.selectFrom("knowledge_answers").selectAll().execute();
  }
}
