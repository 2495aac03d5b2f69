import { type Kysely, sql } from "kysely";

/** Optimistic locking and authorship for catalogue drafts: two editors saving at once → one wins. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table catalogue_item_versions add column lock_version integer not null default 0`.execute(db);
  await sql`alter table catalogue_item_versions add column updated_at timestamptz not null default now()`.execute(db);
  await sql`alter table catalogue_item_versions add column created_by_name text`.execute(db);
  await sql`alter table catalogue_item_versions add column reviewed_by_name text`.execute(db);
  await sql`alter table catalogue_item_versions add column submitted_by uuid`.execute(db);
  await sql`create unique index catalogue_one_open_draft on catalogue_item_versions (item_id) where status in ('draft','in_review')`.execute(db);
}
