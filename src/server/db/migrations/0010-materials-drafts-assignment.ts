import { type Kysely, sql } from "kysely";

/**
 * Uploaded materials (content in the file storage, metadata here), server-side drafts that follow
 * the applicant across devices, and claim/assign on applications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table files (
      id uuid primary key default gen_random_uuid(),
      owner_account_id uuid not null references accounts(id),
      application_id uuid references applications(id),
      material_key text,
      file_name text not null,
      mime text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null unique,
      region_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index files_application_idx on files (application_id)`.execute(db);
  await sql`create index files_owner_idx on files (owner_account_id, created_at)`.execute(db);

  await sql`
    create table application_drafts (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id),
      item_id uuid not null references catalogue_items(id),
      acting_for_enterprise_id uuid references enterprises(id),
      form_data jsonb not null,
      materials jsonb not null default '[]',
      lock_version integer not null default 0,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index application_drafts_owner_idx on application_drafts (account_id, item_id, coalesce(acting_for_enterprise_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);

  await sql`alter table applications add column assignee_account_id uuid references accounts(id)`.execute(db);
  await sql`alter table applications add column assignee_name text`.execute(db);
  await sql`alter table applications add column applicant_name text not null default ''`.execute(db);
  await sql`create index applications_deadline_idx on applications (handling_org_id, committed_deadline) where outcome is null`.execute(db);
}
