import { type Kysely, sql } from "kysely";

/**
 * 亮证: a holder shares one certificate through a time-limited, purpose-stated link (only a hash of
 * its token is stored); every use is logged; the holder may revoke it. Certificates remember when
 * their holder was reminded of the coming expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table certificate_shares (
      id uuid primary key default gen_random_uuid(),
      certificate_id uuid not null references certificates(id),
      token_hash text not null unique,
      purpose text not null,
      disclosed jsonb not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      created_by uuid not null references accounts(id),
      use_count integer not null default 0,
      region_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index certificate_shares_certificate_idx on certificate_shares (certificate_id)`.execute(db);
  await sql`
    create table certificate_share_uses (
      id bigserial primary key,
      share_id uuid not null references certificate_shares(id),
      used_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index certificate_share_uses_share_idx on certificate_share_uses (share_id)`.execute(db);
  await sql`alter table certificates add column expiry_reminded_at timestamptz`.execute(db);
  await sql`create index certificates_expiry_idx on certificates (valid_to) where status = 'valid' and valid_to is not null and expiry_reminded_at is null`.execute(db);
}
