import { type Kysely, sql } from "kysely";

/** Each step's own deadline (from the state's limit in working days), set when the application enters it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table applications add column step_deadline date`.execute(db);
}
