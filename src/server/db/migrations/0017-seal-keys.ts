import { type Kysely, sql } from "kysely";

/**
 * Electronic-seal keys per issuing organisation: the public key in the clear (anyone may verify), the
 * private key encrypted with the field key. Rotation retires a key without deleting it, so that what
 * it signed stays verifiable; at most one active key per organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table seal_keys (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id),
      algorithm text not null,
      public_key text not null,
      private_key_enc text not null,
      status text not null check (status in ('active','retired')),
      created_at timestamptz not null default now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`create unique index seal_keys_active_idx on seal_keys (org_id) where status = 'active'`.execute(db);
}
