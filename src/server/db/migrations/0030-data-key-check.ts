import { type Kysely, sql } from "kysely";

/**
 * A check value of the field-encryption key the database's personal fields are encrypted with, so that
 * a process started with another key refuses to start instead of writing data no one can read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_key_check (
      id integer primary key check (id = 1),
      check_value text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
}
