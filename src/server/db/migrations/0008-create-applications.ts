import { type Kysely, sql } from "kysely";

/**
 * Applications (办件): one model for every channel, with their timeline, clock pauses, numbering,
 * idempotency keys and an outbox for events that leave the transaction (notifications, webhooks).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table applications (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      item_id uuid not null references catalogue_items(id),
      version_id uuid not null references catalogue_item_versions(id),
      workflow jsonb not null,
      applicant_account_id uuid not null references accounts(id),
      applicant_person_id uuid references persons(id),
      acting_for_enterprise_id uuid references enterprises(id),
      channel text not null check (channel in ('online','window','mobile','agent')),
      accepting_org_id uuid references orgs(id),
      handling_org_id uuid not null references orgs(id),
      region_code text not null,
      state text not null,
      outcome text,
      form_data jsonb not null,
      submitted_at timestamptz not null default now(),
      start_date date not null,
      committed_days integer,
      legal_days integer,
      committed_deadline date,
      legal_deadline date,
      deadline_beyond_calendar boolean not null default false,
      lock_version integer not null default 0,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index applications_handling_idx on applications (handling_org_id, state)`.execute(db);
  await sql`create index applications_applicant_idx on applications (applicant_account_id, submitted_at)`.execute(db);
  await sql`create index applications_region_idx on applications (region_code, submitted_at)`.execute(db);

  await sql`
    create table application_events (
      id bigserial primary key,
      application_id uuid not null references applications(id),
      action text not null,
      from_state text,
      to_state text not null,
      actor_account_id uuid,
      actor_name text not null,
      org_id uuid,
      opinion text,
      details jsonb not null default '{}',
      region_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index application_events_app_idx on application_events (application_id, id)`.execute(db);

  await sql`
    create table application_pauses (
      id bigserial primary key,
      application_id uuid not null references applications(id),
      reason text not null,
      from_date date not null,
      to_date date,
      region_code text not null
    )`.execute(db);
  await sql`create index application_pauses_app_idx on application_pauses (application_id)`.execute(db);

  /** Per division and day, the last application number issued. */
  await sql`
    create table application_counters (
      division_code text not null,
      day date not null,
      last integer not null,
      primary key (division_code, day)
    )`.execute(db);

  /** A retried submission with the same key returns the same application. */
  await sql`
    create table idempotency_keys (
      account_id uuid not null,
      key text not null,
      request_hash text not null,
      application_id uuid not null references applications(id),
      created_at timestamptz not null default now(),
      primary key (account_id, key)
    )`.execute(db);

  await sql`
    create table outbox (
      id bigserial primary key,
      topic text not null,
      payload jsonb not null,
      region_code text not null,
      created_at timestamptz not null default now(),
      processed_at timestamptz
    )`.execute(db);
  await sql`create index outbox_pending_idx on outbox (id) where processed_at is null`.execute(db);
}
