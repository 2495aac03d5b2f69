import { type Kysely, sql } from "kysely";
import { DEFAULT_WORK_CALENDAR, todayInChina, type Pause } from "../../../shared/working-days";

/**
 * 效能监督: when an application was decided and how many working days it took (paused time not counted),
 * kept with the application at its decision; and the daily rollup the supervisors' figures are read from
 * (one row per day, handling department and item: received, decided, on time, working days with their
 * spread, 补正, online, 秒批, ratings), refreshed by a job instead of scanned at request time.
 * Decisions already made are dated by their last timeline entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table applications add column decided_at timestamptz, add column decided_working_days integer`.execute(db);
  await sql`create index applications_decided_idx on applications (decided_at) where decided_at is not null`.execute(db);
  await sql`create index applications_start_idx on applications (start_date)`.execute(db);
  await sql`
    create table performance_daily (
      day date not null,
      org_id uuid not null,
      org_path text not null,
      item_id uuid not null,
      region_code text not null,
      received integer not null default 0,
      received_online integer not null default 0,
      decided integer not null default 0,
      approved integer not null default 0,
      with_limit integer not null default 0,
      on_time integer not null default 0,
      within_legal integer not null default 0,
      limit_days_sum integer not null default 0,
      days_sum integer not null default 0,
      days_hist integer[] not null default '{}',
      supplemented integer not null default 0,
      supplement_rounds integer not null default 0,
      auto_approved integer not null default 0,
      rated integer not null default 0,
      rating_sum integer not null default 0,
      satisfied integer not null default 0,
      bad integer not null default 0,
      primary key (day, org_id, item_id)
    )`.execute(db);
  await sql`create index performance_daily_path_idx on performance_daily (org_path text_pattern_ops, day)`.execute(db);
  await sql`create table performance_refreshes (day date primary key, refreshed_at timestamptz not null default now())`.execute(db);

  // Decisions already made: dated by the entry that reached the outcome, counted in working days without paused time.
  const decided = (
    await sql<{ id: string; start_date: string; at: Date }>`
      select a.id, a.start_date, max(e.created_at) as at
      from applications a join application_events e on e.application_id = a.id and e.to_state = a.state
      where a.outcome is not null group by a.id, a.start_date`.execute(db)
  ).rows;
  for (const r of decided) {
    const pauses: Pause[] = (await sql<{ from_date: string; to_date: string | null }>`select from_date, to_date from application_pauses where application_id = ${r.id}`.execute(db)).rows.map((p) => ({ from: p.from_date, to: p.to_date }));
    let days: number | null;
    try {
      days = DEFAULT_WORK_CALENDAR.workingDaysBetween(r.start_date, todayInChina(new Date(r.at)), pauses);
    } catch {
      days = null;
    }
    await sql`update applications set decided_at = ${new Date(r.at)}, decided_working_days = ${days} where id = ${r.id}`.execute(db);
  }
}
