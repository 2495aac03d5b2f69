import { type Kysely, sql } from "kysely";

/**
 * 效能监督's 电子监察 lights as of the last rollup: per department and item, the open applications past
 * their committed deadline (red) and due within one working day (yellow). Counting them at every
 * request would scan all open applications; the rollup job counts them every 15 minutes (the lists
 * behind them are read live).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table performance_open (
      org_id uuid not null,
      item_id uuid not null,
      org_path text not null,
      red integer not null default 0,
      yellow integer not null default 0,
      counted_at timestamptz not null default now(),
      primary key (org_id, item_id)
    )`.execute(db);
  await sql`create index performance_open_path_idx on performance_open (org_path text_pattern_ops)`.execute(db);
  await sql`create index applications_open_deadline_idx on applications (committed_deadline) where outcome is null`.execute(db);
}
