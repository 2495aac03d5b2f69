import { type Kysely, sql } from "kysely";

/**
 * 一件事: bundle definitions (stored as validated JSON, versioned by lock_version), bundle
 * applications (the answers and the definition as applied), and one row per constituent item:
 * waiting for its upstream items, started (its own application, in its department's inbox) or
 * stopped (an upstream was denied), with the child's form values kept sealed until it starts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table bundles (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      definition jsonb not null,
      status text not null default 'published' check (status in ('draft', 'published', 'withdrawn')),
      lock_version integer not null default 1,
      updated_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table bundle_applications (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      bundle_id uuid not null references bundles(id),
      definition jsonb not null,
      answers jsonb not null,
      applicant_account_id uuid references accounts(id),
      applicant_person_id uuid references persons(id),
      acting_for_enterprise_id uuid references enterprises(id),
      applicant_name text not null,
      region_code text not null,
      delivery text check (delivery in ('electronic', 'window')),
      delivery_org_id uuid references orgs(id),
      start_date date not null,
      deadline date,
      submitted_at timestamptz not null,
      lock_version integer not null default 1
    )`.execute(db);
  await sql`create index bundle_applications_account_idx on bundle_applications (applicant_account_id, submitted_at)`.execute(db);
  await sql`
    create table bundle_children (
      bundle_application_id uuid not null references bundle_applications(id),
      item_key text not null,
      item_id uuid not null references catalogue_items(id),
      position integer not null,
      status text not null check (status in ('waiting', 'started', 'stopped')),
      waits_for jsonb not null,
      application_id uuid unique references applications(id),
      form_data jsonb not null,
      materials jsonb not null default '[]',
      stopped_reason text,
      primary key (bundle_application_id, item_key)
    )`.execute(db);
  await sql`
    create table bundle_idempotency_keys (
      account_id uuid not null references accounts(id),
      key text not null,
      request_hash text not null,
      bundle_application_id uuid not null references bundle_applications(id),
      created_at timestamptz not null default now(),
      primary key (account_id, key)
    )`.execute(db);
}
