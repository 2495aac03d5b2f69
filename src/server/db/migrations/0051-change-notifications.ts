import { type Kysely, sql } from "kysely";

/**
 * Changes every server process must hear of at once (see db/change-bus.ts) are announced by the database
 * itself, whoever writes them: a new generation of the searchable content (a publication, the search
 * vocabulary), a working-day calendar year, a certificate's status. Each notification on the
 * `haoban_changes` channel is `db|topic|key` and is delivered when the writing transaction commits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function haoban_announce() returns trigger language plpgsql as $$
    begin
      perform pg_notify('haoban_changes', 'db|' || tg_argv[0] || '|*');
      return null;
    end $$`.execute(db);
  await sql`
    create function haoban_announce_certificate() returns trigger language plpgsql as $$
    begin
      perform pg_notify('haoban_changes', 'db|certificate|' || new.identifier);
      return null;
    end $$`.execute(db);
  await sql`create trigger catalogue_generation_announce after insert or update on catalogue_generation for each statement execute function haoban_announce('catalogue')`.execute(db);
  await sql`create trigger calendar_years_announce after insert or update or delete on calendar_years for each statement execute function haoban_announce('calendar')`.execute(db);
  await sql`
    create trigger certificates_status_announce after update of status on certificates
    for each row when (old.status is distinct from new.status) execute function haoban_announce_certificate()`.execute(db);
}
