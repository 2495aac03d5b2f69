import { type Kysely, sql } from "kysely";

/**
 * 效能监督 of 12345: per China day and responsible department, tickets dispatched to it, signed for
 * (签收) and replied (答复) — each on time or not against the ticket's own deadlines — and the hotline
 * ratings of its replies. Refreshed with the applications' rollup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table performance_tickets_daily (
      day date not null,
      org_id uuid not null,
      org_path text not null,
      region_code text not null,
      dispatched integer not null default 0,
      signed integer not null default 0,
      signed_on_time integer not null default 0,
      replied integer not null default 0,
      replied_on_time integer not null default 0,
      rated integer not null default 0,
      satisfied integer not null default 0,
      primary key (day, org_id)
    )`.execute(db);
  await sql`create index performance_tickets_daily_path_idx on performance_tickets_daily (org_path text_pattern_ops, day)`.execute(db);
}
