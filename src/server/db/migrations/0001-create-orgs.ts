import { type Kysely, sql } from "kysely";

/** The organisation tree: city → district → street → community, with departments, centres and windows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table orgs (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      name_en text not null,
      kind text not null check (kind in ('city','district','street','community','department','service_centre','window')),
      parent_id uuid references orgs(id),
      division_code text,
      region_code text not null,
      path text not null,
      sort integer not null default 0,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index orgs_parent_idx on orgs (parent_id)`.execute(db);
  await sql`create index orgs_path_idx on orgs (path text_pattern_ops)`.execute(db);
}
