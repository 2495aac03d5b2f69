import { type Kysely, sql } from "kysely";

/** Login accounts for citizens and staff, and their sessions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table accounts (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('citizen','staff')),
      username text unique,
      name text not null,
      person_id uuid unique references persons(id),
      id_number_hash text unique,
      mobile_hash text unique,
      mobile_enc text,
      password_hash text not null,
      org_id uuid references orgs(id),
      roles text[] not null default '{}',
      totp_secret_enc text,
      totp_enabled boolean not null default false,
      disabled boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      version integer not null default 0,
      region_code text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'citizen' and person_id is not null) or (kind = 'staff' and username is not null and org_id is not null))
    )`.execute(db);
  await sql`create index accounts_org_idx on accounts (org_id)`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      account_id uuid not null references accounts(id) on delete cascade,
      csrf_token text not null,
      acting_for_enterprise_id uuid references enterprises(id),
      region_code text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_expiry_idx on sessions (expires_at)`.execute(db);
  await sql`create index sessions_account_idx on sessions (account_id)`.execute(db);
}
