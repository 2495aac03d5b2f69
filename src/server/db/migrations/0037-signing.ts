import { type Kysely, sql } from "kysely";

/**
 * 多方在线签署: a submission that names other people (shareholders, the legal representative) waits
 * for each of them to sign the generated documents in their own account; it goes to the department
 * only when all have signed. The submission is kept encrypted until then; each signature records who,
 * which documents (their SHA-256), when and how the signer was authenticated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table signing_requests (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('item','bundle')),
      target text not null,
      title text not null,
      payload_enc text not null,
      applicant_account_id uuid not null references accounts(id),
      applicant_person_id uuid references persons(id),
      applicant_name text not null,
      status text not null check (status in ('collecting','submitted','refused','expired','failed')),
      documents jsonb not null,
      documents_at timestamptz not null,
      deadline timestamptz not null,
      result_id uuid,
      result_number text,
      reason text,
      reminded_at timestamptz,
      region_code text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index signing_requests_applicant_idx on signing_requests (applicant_account_id, created_at desc)`.execute(db);
  await sql`create index signing_requests_open_idx on signing_requests (deadline) where status = 'collecting'`.execute(db);
  await sql`
    create table signatures (
      id bigserial primary key,
      request_id uuid not null references signing_requests(id),
      person_id uuid not null references persons(id),
      account_id uuid not null references accounts(id),
      name text not null,
      roles jsonb not null,
      status text not null check (status in ('pending','signed','refused','closed')),
      documents jsonb,
      auth text,
      reason text,
      signed_at timestamptz,
      unique (request_id, person_id)
    )`.execute(db);
  await sql`create index signatures_account_idx on signatures (account_id, status)`.execute(db);
}
