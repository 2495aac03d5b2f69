import { type Kysely, sql } from "kysely";

/**
 * Brute-force protection that a stranger cannot turn against a person: failed logins are counted per
 * account *and* client (its address, or a device the account has logged in from before), with a
 * growing delay and then a lock for that client only. The account row no longer locks as a whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttle (
      account_id uuid not null references accounts(id) on delete cascade,
      client_key text not null,
      failures integer not null default 0,
      last_failure_at timestamptz not null,
      locked_until timestamptz,
      primary key (account_id, client_key)
    )`.execute(db);
  await sql`create index login_throttle_recent_idx on login_throttle (account_id, last_failure_at)`.execute(db);
  await sql`
    create table login_devices (
      account_id uuid not null references accounts(id) on delete cascade,
      device_hash text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      primary key (account_id, device_hash)
    )`.execute(db);
  await sql`alter table accounts drop column failed_logins`.execute(db);
  await sql`alter table accounts drop column locked_until`.execute(db);
}
