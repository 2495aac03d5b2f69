import { type Kysely, sql } from "kysely";

/**
 * The inbox without a state filter (its first tab, and a search by applicant or item) is ordered by
 * deadline within the handling orgs: an index in exactly that order lets a page of 20 be read from the
 * front instead of sorting every application an org has (33,000 per org at a million: 4 ms → 0.2 ms).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index applications_org_order_idx on applications (handling_org_id, committed_deadline, submitted_at, id)`.execute(db);
}
