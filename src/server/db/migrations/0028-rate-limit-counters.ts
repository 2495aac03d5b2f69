import { type Kysely, sql } from "kysely";

/**
 * Request counters of the rate limits, shared by every server process on one database: one row per
 * limit and client, counting within a window that the database's own clock starts and ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unlogged table rate_limit_counters (
      key text primary key,
      count integer not null,
      reset_at timestamptz not null
    )`.execute(db);
  await sql`create index rate_limit_counters_reset_idx on rate_limit_counters (reset_at)`.execute(db);
}
