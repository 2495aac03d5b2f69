import { type Kysely, sql } from "kysely";

/**
 * The e-certificate library (电子证照库): every certificate with its GB/T 36904 identifier, the signed
 * payload exactly as signed, the seal key and algorithm that signed it, and its status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table certificates (
      id uuid primary key default gen_random_uuid(),
      identifier text not null unique,
      type_code text not null,
      number text not null,
      holder_kind text not null check (holder_kind in ('person','enterprise')),
      holder_person_id uuid references persons(id),
      holder_enterprise_id uuid references enterprises(id),
      holder_name text not null,
      issuer_org_id uuid not null references orgs(id),
      application_id uuid references applications(id),
      payload jsonb not null,
      seal_key_id uuid not null references seal_keys(id),
      algorithm text not null,
      signature text not null,
      valid_from date not null,
      valid_to date,
      status text not null check (status in ('valid','suspended','revoked')),
      status_reason text,
      region_code text not null,
      issued_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index certificates_person_idx on certificates (holder_person_id) where holder_person_id is not null`.execute(db);
  await sql`create index certificates_enterprise_idx on certificates (holder_enterprise_id) where holder_enterprise_id is not null`.execute(db);
  await sql`create index certificates_application_idx on certificates (application_id)`.execute(db);
}
