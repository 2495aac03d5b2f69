import { type Kysely, sql } from "kysely";

/**
 * One idempotency mechanism for every submitting route. A key is scoped to the account, the route and
 * its target; the first request claims it (pending), a concurrent duplicate waits for it, and the
 * result's reference is written in the same transaction as the change it made (done). The keys of the
 * three earlier per-module tables carry over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idempotent_requests (
      account_id uuid not null,
      scope text not null,
      key text not null,
      request_hash text not null,
      status text not null check (status in ('pending', 'done')),
      result_ref text,
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      primary key (account_id, scope, key)
    )`.execute(db);
  await sql`
    insert into idempotent_requests (account_id, scope, key, request_hash, status, result_ref, created_at, completed_at)
    select account_id, 'applications.submit', key, request_hash, 'done', application_id::text, created_at, created_at from idempotency_keys`.execute(db);
  await sql`
    insert into idempotent_requests (account_id, scope, key, request_hash, status, result_ref, created_at, completed_at)
    select account_id, 'bundles.submit', key, request_hash, 'done', bundle_application_id::text, created_at, created_at from bundle_idempotency_keys`.execute(db);
  await sql`
    insert into idempotent_requests (account_id, scope, key, request_hash, status, result_ref, created_at, completed_at)
    select account_id, 'tickets.create', key, request_hash, 'done', ticket_id::text, created_at, created_at from ticket_idempotency_keys`.execute(db);
  await sql`drop table idempotency_keys`.execute(db);
  await sql`drop table bundle_idempotency_keys`.execute(db);
  await sql`drop table ticket_idempotency_keys`.execute(db);
}
