import { type Kysely, sql } from "kysely";

/**
 * Residential addresses in the population registry are sensitive personal data: they move to an
 * encrypted column. Existing plain values are encrypted by the application at start-up (the key is
 * not available to SQL), which then clears the plain column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table persons add column address_enc text`.execute(db);
  await sql`alter table persons alter column address drop not null`.execute(db);
}
