import { type Kysely, sql } from "kysely";

/**
 * 绩效考核: the city supervisors' scorecard settings, one row per version (each in effect from a month,
 * so that a past month's score can always be recomputed with the settings it was made with), and the
 * 督办 orders sent to departments to put an indicator or a set of cases right, with their steps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table scorecard_settings (
      version integer primary key,
      effective_from text not null,
      value jsonb not null,
      note text not null,
      created_by text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table supervision_orders (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      org_id uuid not null references orgs(id),
      org_path text not null,
      region_code text not null,
      month text,
      subject text not null,
      note text not null,
      indicators jsonb not null default '[]',
      application_ids jsonb not null default '[]',
      state text not null,
      deadline date not null,
      answer text,
      escalated boolean not null default false,
      created_by_account_id uuid not null,
      created_by_name text not null,
      lock_version integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index supervision_orders_path_idx on supervision_orders (org_path text_pattern_ops, created_at desc)`.execute(db);
  await sql`create index supervision_orders_open_idx on supervision_orders (deadline) where state = 'rectifying'`.execute(db);
  await sql`
    create table supervision_order_events (
      id bigserial primary key,
      order_id uuid not null references supervision_orders(id),
      action text not null,
      from_state text,
      to_state text not null,
      actor_account_id uuid,
      actor_name text not null,
      note text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index supervision_order_events_order_idx on supervision_order_events (order_id, id)`.execute(db);
  await sql`create index rating_cases_opened_idx on rating_cases (opened_on)`.execute(db);
}
