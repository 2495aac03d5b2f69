import { type Kysely, sql } from "kysely";

/**
 * Once-only data: the data-element dictionary (数据元), sharing rules (共享目录: which org, for which
 * item, may read which elements), the applicant's consented prefills, registry evidence standing in
 * for a material, and what each application records about prefilled fields and consent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_elements (
      code text primary key,
      name text not null,
      name_en text not null,
      value_type text not null check (value_type in ('string','date','number','code','boolean')),
      format text,
      code_list jsonb,
      description text not null default '',
      sensitivity text not null check (sensitivity in ('public','internal','personal','sensitive')),
      authoritative boolean not null default false,
      lock_version integer not null default 0,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table sharing_rules (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id),
      item_code text not null,
      subject text not null check (subject in ('applicant','applicant_family','legal_representative')),
      elements jsonb not null,
      status text not null default 'active' check (status in ('active','suspended')),
      note text not null default '',
      region_code text not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (org_id, item_code, subject)
    )`.execute(db);
  await sql`create index sharing_rules_item_idx on sharing_rules (item_code)`.execute(db);

  await sql`
    create table prefills (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id),
      item_id uuid not null references catalogue_items(id),
      acting_for_enterprise_id uuid references enterprises(id),
      fields jsonb not null,
      consented_at timestamptz not null,
      expires_at timestamptz not null,
      application_id uuid references applications(id),
      region_code text not null
    )`.execute(db);
  await sql`create index prefills_account_idx on prefills (account_id, item_id)`.execute(db);

  await sql`alter table application_evidence alter column certificate_id drop not null`.execute(db);
  await sql`alter table application_evidence add column element text`.execute(db);
  await sql`alter table application_evidence add column source text not null default 'certificates'`.execute(db);
  await sql`alter table application_evidence add column source_org_code text`.execute(db);
  await sql`alter table application_evidence add constraint application_evidence_kind check ((certificate_id is not null) or (element is not null))`.execute(db);

  await sql`alter table applications add column prefilled_fields integer not null default 0`.execute(db);
  await sql`alter table applications add column prefill_sources jsonb`.execute(db);
  await sql`alter table applications add column data_consent_at timestamptz`.execute(db);

  // Family look-ups for prefill and evidence (a parent applying for their child).
  await sql`create index persons_father_idx on persons (father_id) where father_id is not null`.execute(db);
  await sql`create index persons_mother_idx on persons (mother_id) where mother_id is not null`.execute(db);

  await sql`
    create table credit_records (
      id uuid primary key default gen_random_uuid(),
      credit_code text not null,
      list text not null check (list in ('red','black')),
      reason text not null,
      listed_on date not null,
      expires_on date,
      source_org_code text not null,
      region_code text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index credit_records_code_idx on credit_records (credit_code)`.execute(db);

  await sql`
    create table addresses (
      id uuid primary key default gen_random_uuid(),
      division_code text not null,
      detail text not null,
      postcode text,
      source_org_code text not null,
      region_code text not null,
      updated_at timestamptz not null default now(),
      unique (division_code, detail)
    )`.execute(db);

  await sql`
    create table registry_imports (
      id uuid primary key default gen_random_uuid(),
      registry text not null,
      source_org_code text not null,
      file_name text,
      rows_total integer not null,
      rows_applied integer not null,
      errors jsonb not null,
      status text not null check (status in ('applied','rejected')),
      account_id uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
}
