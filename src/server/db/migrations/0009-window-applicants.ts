import { type Kysely, sql } from "kysely";

/** A walk-in applicant may have no account yet: the application belongs to the person. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table applications alter column applicant_account_id drop not null`.execute(db);
  await sql`create index applications_person_idx on applications (applicant_person_id, submitted_at)`.execute(db);
}
