import { type Kysely, sql } from "kysely";

/**
 * 12345's caller history: a keyed blind index of the caller's mobile on each ticket (the number itself
 * stays encrypted), so that an agent on a call finds the caller's earlier tickets by the number they call from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tickets add column citizen_mobile_hash text`.execute(db);
  await sql`create index tickets_mobile_hash_idx on tickets (citizen_mobile_hash, created_at desc) where citizen_mobile_hash is not null`.execute(db);
  await sql`create index tickets_replied_idx on tickets (replied_at) where state = 'replied'`.execute(db);
}
