import { type Kysely, sql } from "kysely";

/**
 * 一人多岗: a staff member may hold further posts — other organisations, each with its own roles —
 * beside the account's own; a session works in one of them at a time (`sessions.post_org_id`, null: the
 * account's own organisation and roles).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_posts (
      account_id uuid not null references accounts(id),
      org_id uuid not null references orgs(id),
      roles text[] not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      primary key (account_id, org_id)
    )`.execute(db);
  await sql`alter table sessions add column post_org_id uuid`.execute(db);
}
