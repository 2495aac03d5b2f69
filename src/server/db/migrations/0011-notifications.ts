import { type Kysely, sql } from "kysely";

/**
 * The message centre (站内信), the delivery log of every channel (in-app, SMS, e-mail) with retries,
 * and each account's notification settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table messages (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id),
      outbox_id bigint references outbox(id),
      kind text not null,
      title text not null,
      body text not null,
      link text,
      application_id uuid references applications(id),
      read_at timestamptz,
      region_code text not null,
      created_at timestamptz not null default now(),
      unique (account_id, outbox_id)
    )`.execute(db);
  await sql`create index messages_account_idx on messages (account_id, created_at desc)`.execute(db);

  await sql`
    create table notification_deliveries (
      id bigserial primary key,
      message_id uuid not null references messages(id),
      channel text not null check (channel in ('sms','email')),
      recipient_masked text not null,
      status text not null check (status in ('pending','sent','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      provider_id text,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index notification_deliveries_pending_idx on notification_deliveries (next_attempt_at) where status = 'pending'`.execute(db);

  await sql`alter table accounts add column notify_sms boolean not null default true`.execute(db);
  await sql`alter table accounts add column email_enc text`.execute(db);
}
