import { type Kysely, sql } from "kysely";

/**
 * 系统生成材料 are rendered after the submission commits (a PDF with an embedded Chinese font takes tens
 * of milliseconds of CPU — too long to hold a submission): a submission records each document it owes,
 * dated (`documents_at`, the instant the documents carry); the documents worker — or the first reader,
 * whichever comes first — renders, seals and keeps it, and sets `rendered_at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table generated_documents
      alter column size_bytes drop not null,
      alter column sha256 drop not null,
      alter column body_enc drop not null,
      alter column seal_key_id drop not null,
      alter column seal_algorithm drop not null,
      alter column signature drop not null,
      add column documents_at timestamptz,
      add column rendered_at timestamptz`.execute(db);
  await sql`update generated_documents set documents_at = created_at, rendered_at = created_at`.execute(db);
  await sql`alter table generated_documents alter column documents_at set not null`.execute(db);
  // A document is either owed (nothing of it yet) or whole: body, hash, size and seal together.
  await sql`
    alter table generated_documents add constraint generated_documents_whole check (
      (rendered_at is null and body_enc is null and sha256 is null and size_bytes is null and seal_key_id is null and seal_algorithm is null and signature is null)
      or (rendered_at is not null and body_enc is not null and sha256 is not null and size_bytes is not null and seal_key_id is not null and seal_algorithm is not null and signature is not null))`.execute(db);
  await sql`create index generated_documents_owed_idx on generated_documents (created_at) where rendered_at is null`.execute(db);
}
