import { type Kysely, sql } from "kysely";

/**
 * 好差评 and 12345: ratings (one per event and round, never deleted; an upheld appeal excludes one),
 * one-time rating links for the window tablet, 差评 cases with their events, the dispatch catalogue,
 * tickets with their events, and the supervisors' deadline settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table supervision_settings (
      key text primary key,
      value jsonb not null,
      lock_version integer not null default 1,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table tickets (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      type text not null check (type in ('enquiry', 'help', 'complaint', 'report', 'suggestion')),
      category_code text not null,
      title text not null,
      content text not null,
      address text,
      division_code text,
      location_source text,
      channel text not null check (channel in ('web', 'hotline')),
      citizen_account_id uuid references accounts(id),
      citizen_person_id uuid references persons(id),
      citizen_name text not null,
      citizen_mobile_enc text,
      item_id uuid references catalogue_items(id),
      state text not null,
      org_id uuid references orgs(id),
      dispatched_at timestamptz,
      sign_deadline date,
      reply_deadline date,
      deadline_beyond_calendar boolean not null default false,
      reply text,
      replied_at timestamptz,
      answer_ref text,
      merged_into uuid references tickets(id),
      reopened boolean not null default false,
      urge_count integer not null default 0,
      escalated_at timestamptz,
      recorded_by uuid references accounts(id),
      region_code text not null,
      lock_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index tickets_org_idx on tickets (org_id, state)`.execute(db);
  await sql`create index tickets_citizen_idx on tickets (citizen_account_id, created_at)`.execute(db);
  await sql`create index tickets_created_idx on tickets (created_at)`.execute(db);
  await sql`
    create table ticket_idempotency_keys (
      account_id uuid not null references accounts(id),
      key text not null,
      request_hash text not null,
      ticket_id uuid not null references tickets(id),
      created_at timestamptz not null default now(),
      primary key (account_id, key)
    )`.execute(db);
  await sql`
    create table ticket_events (
      id bigserial primary key,
      ticket_id uuid not null references tickets(id),
      action text not null,
      from_state text,
      to_state text not null,
      actor_account_id uuid,
      actor_name text not null,
      org_id uuid references orgs(id),
      note text,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index ticket_events_ticket_idx on ticket_events (ticket_id, id)`.execute(db);
  await sql`
    create table dispatch_rules (
      id uuid primary key default gen_random_uuid(),
      category_code text not null,
      division_prefix text not null,
      org_id uuid not null references orgs(id),
      updated_by text,
      created_at timestamptz not null default now(),
      unique (category_code, division_prefix)
    )`.execute(db);
  await sql`
    create table ratings (
      id uuid primary key default gen_random_uuid(),
      event_kind text not null check (event_kind in ('application_accepted', 'application_completed', 'appointment', 'ticket')),
      event_id uuid not null,
      round smallint not null default 1 check (round in (1, 2)),
      channel text not null check (channel in ('web', 'window', 'hotline')),
      indicator_set text not null check (indicator_set in ('online', 'onsite')),
      level smallint not null check (level between 1 and 5),
      indicators jsonb not null default '{}',
      tags jsonb not null default '[]',
      comment text,
      anonymous boolean not null default false,
      rater_account_id uuid references accounts(id),
      rater_person_id uuid references persons(id),
      rater_name text not null,
      recorded_by uuid references accounts(id),
      item_id uuid references catalogue_items(id),
      item_name text,
      org_id uuid not null references orgs(id),
      window_org_id uuid references orgs(id),
      staff_account_id uuid references accounts(id),
      staff_name text,
      step_key text,
      step_name text,
      application_id uuid references applications(id),
      ticket_id uuid references tickets(id),
      status text not null default 'valid' check (status in ('valid', 'excluded')),
      excluded_reason text,
      region_code text not null,
      created_at timestamptz not null default now(),
      unique (event_kind, event_id, round)
    )`.execute(db);
  await sql`create index ratings_org_idx on ratings (org_id, created_at)`.execute(db);
  await sql`create index ratings_item_idx on ratings (item_id, created_at)`.execute(db);
  await sql`create index ratings_rater_idx on ratings (rater_account_id, created_at)`.execute(db);
  await sql`
    create table rating_invitations (
      token_hash text primary key,
      event_kind text not null,
      event_id uuid not null,
      created_by uuid not null references accounts(id),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table rating_cases (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      rating_id uuid not null unique references ratings(id),
      org_id uuid not null references orgs(id),
      state text not null,
      opened_on date not null,
      respond_deadline date,
      rectify_deadline date,
      deadline_beyond_calendar boolean not null default false,
      verification text,
      rectification text,
      reply text,
      replied_at timestamptz,
      appeal_reason text,
      appeal_decision text,
      rerating_id uuid references ratings(id),
      escalations jsonb not null default '[]',
      region_code text not null,
      lock_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index rating_cases_org_idx on rating_cases (org_id, state)`.execute(db);
  await sql`
    create table rating_case_events (
      id bigserial primary key,
      case_id uuid not null references rating_cases(id),
      action text not null,
      from_state text,
      to_state text not null,
      actor_account_id uuid,
      actor_name text not null,
      note text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index rating_case_events_case_idx on rating_case_events (case_id, id)`.execute(db);
}
