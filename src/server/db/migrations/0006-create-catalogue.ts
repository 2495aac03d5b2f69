import { type Kysely, sql } from "kysely";

/**
 * The service catalogue: base items (基本目录, one basic code across all levels), implementation
 * items (实施清单, base item × implementing org) and their versions (draft → in review → published;
 * every published version is kept). The guide and form of a version are one JSON document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table catalogue_base_items (
      id uuid primary key default gen_random_uuid(),
      basic_code text not null unique,
      name text not null,
      kind text not null,
      parent_id uuid references catalogue_base_items(id),
      action text not null default 'none',
      department_key text not null,
      legal_basis text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table catalogue_items (
      id uuid primary key default gen_random_uuid(),
      base_item_id uuid not null references catalogue_base_items(id),
      org_id uuid not null references orgs(id),
      level text not null check (level in ('city','district','street','community')),
      impl_code text not null unique,
      region_code text not null,
      published_version_id uuid,
      popularity integer not null default 0,
      consistency_note text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (base_item_id, org_id)
    )`.execute(db);
  await sql`create index catalogue_items_org_idx on catalogue_items (org_id)`.execute(db);
  await sql`create index catalogue_items_region_idx on catalogue_items (region_code)`.execute(db);

  await sql`
    create table catalogue_item_versions (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references catalogue_items(id),
      version integer not null,
      status text not null check (status in ('draft','in_review','published','superseded','rejected')),
      content jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      submitted_at timestamptz,
      reviewed_by uuid,
      reviewed_at timestamptz,
      review_comment text,
      published_at timestamptz,
      region_code text not null,
      unique (item_id, version)
    )`.execute(db);
  await sql`create index catalogue_item_versions_status_idx on catalogue_item_versions (status)`.execute(db);

  await sql`
    create table policies (
      id uuid primary key default gen_random_uuid(),
      doc_number text not null unique,
      title text not null,
      issuer text not null,
      issued_on date not null,
      effective_on date not null,
      status text not null check (status in ('valid','revised','repealed')),
      replaced_by_id uuid references policies(id),
      full_text text not null,
      interpretation text not null default '',
      tags text[] not null default '{}',
      region_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table policy_items (
      policy_id uuid not null references policies(id),
      base_item_id uuid not null references catalogue_base_items(id),
      primary key (policy_id, base_item_id)
    )`.execute(db);

  await sql`
    create table knowledge_answers (
      id uuid primary key default gen_random_uuid(),
      question text not null,
      answer text not null,
      tags text[] not null default '{}',
      basic_code text,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table search_synonyms (
      term text primary key,
      expansions text[] not null,
      updated_at timestamptz not null default now()
    )`.execute(db);

  /** Bumped on every publication or dictionary change, so that search indexes know to rebuild. */
  await sql`create table catalogue_generation (id integer primary key check (id = 1), generation bigint not null)`.execute(db);
  await sql`insert into catalogue_generation (id, generation) values (1, 0)`.execute(db);
}
