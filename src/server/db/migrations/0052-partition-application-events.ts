import { type Kysely, sql } from "kysely";
import { ensureMonthPartitions, monthsAhead, monthsBetween } from "../partitions";

/**
 * Application events, a table that grows without end, become partitioned by month of `created_at`
 * (China time; see db/partitions.ts): the rows move into a partitioned table of the same shape, one
 * partition per month from the oldest event to three months ahead, and a default partition. The key
 * becomes (id, created_at) — a partitioned table's keys include its partition column; ids still come
 * from the one sequence, so they stay unique.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table application_events rename to application_events_unpartitioned`.execute(db);
  await sql`alter table application_events_unpartitioned rename constraint application_events_pkey to application_events_unpartitioned_pkey`.execute(db);
  await sql`alter index application_events_app_idx rename to application_events_unpartitioned_app_idx`.execute(db);
  await sql`create table application_events (like application_events_unpartitioned including defaults) partition by range (created_at)`.execute(db);
  await sql`alter sequence application_events_id_seq owned by application_events.id`.execute(db);
  await sql`alter table application_events add primary key (id, created_at)`.execute(db);
  await sql`alter table application_events add constraint application_events_application_id_fkey foreign key (application_id) references applications(id)`.execute(db);
  await sql`create index application_events_app_idx on application_events (application_id, id)`.execute(db);
  await sql`create table application_events_pdefault partition of application_events default`.execute(db);
  const oldest = (await sql<{ at: Date | null }>`select min(created_at) as at from application_events_unpartitioned`.execute(db)).rows[0]?.at ?? null;
  const ahead = monthsAhead(new Date());
  const months = oldest ? monthsBetween(monthsAhead(new Date(oldest), 0)[0]!, ahead.at(-1)!) : ahead;
  await ensureMonthPartitions(db, "application_events", "created_at", months);
  await sql`insert into application_events select * from application_events_unpartitioned`.execute(db);
  await sql`drop table application_events_unpartitioned`.execute(db);
}
