import { type Kysely, sql } from "kysely";

/**
 * Proactive service: pushes sent once per subject and event (with the account's opt-out), policies
 * that carry eligibility rules and the subjects they matched (政策找人), and 免申即享 offers — a benefit
 * item's rule finds eligible people, who consent (or are told and may opt out) before the grant,
 * recorded as an application with an automatic decision and reversible by a person. Enabling an
 * item's auto-approval needs its current rule version tested.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column notify_proactive boolean not null default true`.execute(db);
  await sql`alter table item_rules add column tested_version integer`.execute(db);
  await sql`alter table item_rules add column grant_mode text check (grant_mode in ('consent', 'opt_out'))`.execute(db);
  await sql`update item_rules set tested_version = version`.execute(db);
  await sql`
    create table proactive_pushes (
      id uuid primary key default gen_random_uuid(),
      trigger_key text not null,
      subject_kind text not null check (subject_kind in ('person', 'enterprise')),
      subject_id uuid not null,
      ref text not null,
      account_id uuid not null references accounts(id),
      title text not null,
      body text not null,
      link text not null,
      region_code text not null,
      created_at timestamptz not null default now(),
      unique (trigger_key, subject_id, ref)
    )`.execute(db);
  await sql`create index proactive_pushes_account_idx on proactive_pushes (account_id, created_at)`.execute(db);
  await sql`alter table policies add column issuer_org_id uuid references orgs(id)`.execute(db);
  await sql`alter table policies add column audience text check (audience in ('person', 'enterprise'))`.execute(db);
  await sql`alter table policies add column eligibility jsonb`.execute(db);
  await sql`alter table policies add column notice text`.execute(db);
  await sql`alter table policies add column match_status text check (match_status in ('pending', 'done', 'failed'))`.execute(db);
  await sql`alter table policies add column match_count integer`.execute(db);
  await sql`alter table policies add column matched_at timestamptz`.execute(db);
  await sql`alter table policies add column created_by text`.execute(db);
  await sql`
    create table policy_matches (
      policy_id uuid not null references policies(id),
      subject_kind text not null check (subject_kind in ('person', 'enterprise')),
      subject_id uuid not null,
      subject_name text not null,
      district text not null,
      account_id uuid references accounts(id),
      conditions jsonb not null,
      notified boolean not null default false,
      created_at timestamptz not null default now(),
      primary key (policy_id, subject_id)
    )`.execute(db);
  await sql`
    create table benefit_offers (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references catalogue_items(id),
      person_id uuid not null references persons(id),
      account_id uuid references accounts(id),
      mode text not null check (mode in ('consent', 'opt_out')),
      status text not null check (status in ('offered', 'granted', 'declined', 'revoked')),
      rule_version integer not null,
      conditions jsonb not null,
      reply_by date,
      application_id uuid references applications(id),
      payment jsonb,
      decided_at timestamptz,
      revoked_by text,
      revoke_reason text,
      region_code text not null,
      created_at timestamptz not null default now(),
      unique (item_id, person_id)
    )`.execute(db);
  await sql`create index benefit_offers_person_idx on benefit_offers (person_id)`.execute(db);
  await sql`create index benefit_offers_due_idx on benefit_offers (reply_by) where status = 'offered' and mode = 'opt_out'`.execute(db);
}
