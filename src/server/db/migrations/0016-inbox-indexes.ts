import { type Kysely, sql } from "kysely";

/** The inbox reads a department's applications in one state, nearest deadline first: one index serves it in order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index applications_inbox_idx on applications (handling_org_id, state, committed_deadline, submitted_at)`.execute(db);
  await sql`drop index applications_handling_idx`.execute(db);
}
