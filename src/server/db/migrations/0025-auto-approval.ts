import { type Kysely, sql } from "kysely";

/**
 * 秒批: an item's auto-approval rule (versioned; every version kept), switched on or off by
 * supervisors, and one decision record per application it looked at (approved, or handed to
 * people with the reason), with the sample queued for a human re-check.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table item_rules (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null unique references catalogue_items(id),
      rule jsonb not null,
      version integer not null default 1,
      enabled boolean not null default true,
      sample_every integer not null default 10 check (sample_every >= 1),
      updated_by text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table item_rule_versions (
      item_rule_id uuid not null references item_rules(id),
      version integer not null,
      rule jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      primary key (item_rule_id, version)
    )`.execute(db);
  await sql`
    create table auto_decisions (
      application_id uuid primary key references applications(id),
      item_rule_id uuid not null references item_rules(id),
      version integer not null,
      outcome text not null check (outcome in ('approved', 'to_people')),
      conditions jsonb not null,
      reason text,
      check_status text check (check_status in ('pending', 'confirmed', 'flagged')),
      checked_by text,
      check_note text,
      checked_at timestamptz,
      region_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index auto_decisions_check_idx on auto_decisions (check_status, created_at)`.execute(db);
}
