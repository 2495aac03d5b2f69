import { type Kysely, sql } from "kysely";

/**
 * A message the platform composes is kept in English too (when its template has English), so the
 * message centre follows the reader's language; messages without it show their Chinese text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages add column title_en text, add column body_en text`.execute(db);
}
