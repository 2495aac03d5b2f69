import { type Kysely, sql } from "kysely";

/**
 * Department systems (垂直系统) plug in: machine clients of one organisation (an account of kind
 * `client`, so that everything they do is recorded like a member of staff's), their hashed secrets (several
 * while a rotation overlaps) and short-lived access tokens; event subscriptions with their deliveries, each
 * attempt logged; items handled in a department's own system and the applications forwarded to it; the
 * outbox gets a second cursor, for the webhooks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts drop constraint accounts_kind_check`.execute(db);
  await sql`alter table accounts drop constraint accounts_check`.execute(db);
  await sql`alter table accounts add constraint accounts_kind_check check (kind in ('citizen','staff','client'))`.execute(db);
  await sql`alter table accounts add constraint accounts_check check ((kind = 'citizen' and person_id is not null) or (kind in ('staff','client') and username is not null and org_id is not null))`.execute(db);

  await sql`
    create table api_clients (
      id uuid primary key default gen_random_uuid(),
      client_id text not null unique,
      account_id uuid not null unique references accounts(id),
      org_id uuid not null references orgs(id),
      name text not null,
      scopes text[] not null,
      rate_limit_per_minute integer not null,
      ack_minutes integer not null,
      status text not null check (status in ('active','revoked')),
      created_by uuid references accounts(id),
      region_code text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      lock_version integer not null default 0
    )`.execute(db);
  await sql`create index api_clients_org_idx on api_clients (org_id)`.execute(db);
  await sql`
    create table api_client_secrets (
      id uuid primary key default gen_random_uuid(),
      client_id uuid not null references api_clients(id),
      secret_hash text not null unique,
      hint text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_client_secrets_client_idx on api_client_secrets (client_id)`.execute(db);
  await sql`
    create table api_client_tokens (
      token_hash text primary key,
      client_id uuid not null references api_clients(id),
      secret_id uuid not null references api_client_secrets(id),
      scopes text[] not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index api_client_tokens_client_idx on api_client_tokens (client_id)`.execute(db);
  await sql`create index api_client_tokens_expiry_idx on api_client_tokens (expires_at)`.execute(db);

  await sql`
    create table webhook_subscriptions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id),
      client_id uuid references api_clients(id),
      url text not null,
      event_types text[] not null,
      secret_enc text not null,
      status text not null check (status in ('active','paused')),
      consecutive_failures integer not null default 0,
      suspended_until timestamptz,
      created_by uuid references accounts(id),
      region_code text not null,
      created_at timestamptz not null default now(),
      lock_version integer not null default 0
    )`.execute(db);
  await sql`create index webhook_subscriptions_org_idx on webhook_subscriptions (org_id)`.execute(db);
  await sql`
    create table webhook_deliveries (
      id bigserial primary key,
      subscription_id uuid not null references webhook_subscriptions(id),
      event_id text not null,
      event_type text not null,
      stream_key text not null,
      payload jsonb not null,
      status text not null check (status in ('pending','delivered','dead')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      leased_until timestamptz,
      first_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_status integer,
      last_error text,
      delivered_at timestamptz,
      replay_of bigint,
      event_time timestamptz not null,
      region_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index webhook_deliveries_stream_idx on webhook_deliveries (subscription_id, stream_key, id) where status = 'pending'`.execute(db);
  await sql`create index webhook_deliveries_log_idx on webhook_deliveries (subscription_id, id)`.execute(db);
  await sql`
    create table webhook_attempts (
      delivery_id bigint not null references webhook_deliveries(id),
      attempt integer not null,
      at timestamptz not null,
      status integer,
      duration_ms integer not null,
      response text,
      error text,
      primary key (delivery_id, attempt)
    )`.execute(db);

  await sql`
    create table external_items (
      item_id uuid primary key references catalogue_items(id),
      client_id uuid not null references api_clients(id),
      set_by uuid references accounts(id),
      set_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table external_forwards (
      application_id uuid primary key references applications(id),
      client_id uuid not null references api_clients(id),
      org_id uuid not null references orgs(id),
      forwarded_at timestamptz not null,
      ack_due_at timestamptz not null,
      acknowledged_at timestamptz,
      alerted_at timestamptz,
      region_code text not null
    )`.execute(db);
  await sql`create index external_forwards_due_idx on external_forwards (ack_due_at) where acknowledged_at is null and alerted_at is null`.execute(db);

  // The webhooks' own cursor over the outbox; what happened before webhooks existed is not sent.
  await sql`alter table outbox add column webhooks_at timestamptz`.execute(db);
  await sql`update outbox set webhooks_at = coalesce(processed_at, now())`.execute(db);
  await sql`create index outbox_webhooks_pending_idx on outbox (id) where webhooks_at is null`.execute(db);
}
