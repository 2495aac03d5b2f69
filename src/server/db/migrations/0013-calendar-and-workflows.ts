import { type Kysely, sql } from "kysely";

/**
 * Administrators' calendar years (holidays and make-up workdays beyond or instead of the built-in
 * 2025–2026), and per-item workflow definitions (null: the item uses the 即办件 / 承诺件 template).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_years (
      year integer primary key check (year between 2000 and 2100),
      holidays jsonb not null,
      workdays jsonb not null,
      lock_version integer not null default 0,
      updated_by text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table catalogue_items add column workflow jsonb`.execute(db);
  await sql`alter table catalogue_items add column workflow_lock_version integer not null default 0`.execute(db);
}
