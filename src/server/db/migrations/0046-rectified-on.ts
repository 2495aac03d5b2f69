import { type Kysely, sql } from "kysely";

/**
 * The China day a 差评 case was first put right (its `rectify` step), kept on the case so that 绩效考核
 * and 效能监督 count cases put right in time without reading every case's steps; and day-first indexes
 * on the rollups for slices that span the whole city (the path index serves a district).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rating_cases add column rectified_on date`.execute(db);
  await sql`
    update rating_cases c set rectified_on = r.day
    from (select case_id, min((created_at at time zone 'Asia/Shanghai')::date) as day from rating_case_events where action = 'rectify' group by case_id) r
    where r.case_id = c.id`.execute(db);
  await sql`create index performance_daily_day_idx on performance_daily (day)`.execute(db);
  await sql`create index performance_tickets_daily_day_idx on performance_tickets_daily (day)`.execute(db);
}
