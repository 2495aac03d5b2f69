import { type Kysely, sql } from "kysely";

/**
 * Uploaded materials' bytes in the database itself: the default storage when several server processes
 * share a PostgreSQL server, so a file uploaded through one process reads through any other with no
 * extra service. (Local disk stays for the embedded database; S3-compatible storage is an option.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table file_blobs (
      key text primary key,
      body bytea not null,
      mime text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
}
