import { type Kysely, sql } from "kysely";

/**
 * The audit log is the largest table of a city (50 million records take a third of its disk), so each
 * record keeps only what it needs:
 * - no `prev_hash`: a record's link is the previous record's hash in its chain, which `audit:verify`
 *   reads as it walks the chain (a record's hash still covers its predecessor's, so an edited, removed or
 *   rewritten record breaks the chain exactly as before);
 * - `hash` as its 32 bytes (`bytea`) instead of 64 hexadecimal characters;
 * - the index by actor only for records that have one (the system's own records — most data uses by
 *   the registries — have none, and no one looks records up by a missing actor).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log drop column prev_hash`.execute(db);
  await sql`alter table audit_log alter column hash type bytea using decode(hash, 'hex')`.execute(db);
  await sql`drop index audit_log_actor_idx`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_account_id, occurred_at) where actor_account_id is not null`.execute(db);
}
