import { type Kysely, sql } from "kysely";

/**
 * Applications reference the workflow definition they were made under instead of each carrying a
 * copy: definitions are stored once, content-addressed by the SHA-256 of their canonical JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workflow_definitions (
      id uuid primary key default gen_random_uuid(),
      hash text not null unique,
      definition jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table applications add column workflow_id uuid references workflow_definitions(id)`.execute(db);
  // Existing applications: one row per distinct definition (hashed by PostgreSQL's own text form).
  await sql`
    insert into workflow_definitions (hash, definition)
    select distinct 'md5:' || md5(workflow::text), workflow from applications
    on conflict (hash) do nothing`.execute(db);
  await sql`update applications a set workflow_id = w.id from workflow_definitions w where w.hash = 'md5:' || md5(a.workflow::text)`.execute(db);
  await sql`alter table applications alter column workflow_id set not null`.execute(db);
  await sql`alter table applications drop column workflow`.execute(db);
}
