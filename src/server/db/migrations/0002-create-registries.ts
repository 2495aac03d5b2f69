import { type Kysely, sql } from "kysely";

/** Base registries: population (人口库) and legal persons (法人库). Partitionable by region_code. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table persons (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      id_number_hash text not null unique,
      id_number_enc text not null,
      gender char(1) not null check (gender in ('M','F')),
      birth_date date not null,
      hukou_division_code text not null,
      address text not null,
      mobile_enc text,
      marital_status text not null default 'unknown',
      spouse_id uuid,
      father_id uuid,
      mother_id uuid,
      region_code text not null,
      source_org_code text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index persons_region_idx on persons (region_code)`.execute(db);
  await sql`create index persons_birth_idx on persons (birth_date)`.execute(db);

  await sql`
    create table enterprises (
      id uuid primary key default gen_random_uuid(),
      credit_code text not null unique,
      credit_code_flagged boolean not null default false,
      name text not null,
      type text not null,
      legal_rep_person_id uuid not null references persons(id),
      division_code text not null,
      region_code text not null,
      established_on date not null,
      industry text not null,
      registered_capital_wan numeric(14,2) not null,
      address text not null,
      status text not null default 'active',
      source_org_code text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index enterprises_rep_idx on enterprises (legal_rep_person_id)`.execute(db);
  await sql`create index enterprises_region_idx on enterprises (region_code)`.execute(db);
}
