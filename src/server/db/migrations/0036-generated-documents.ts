import { type Kysely, sql } from "kysely";

/**
 * 系统生成材料: the documents the platform produced from an application's form (申请书, 公司章程 …),
 * one per generated material: the PDF encrypted at rest (it names people and their ID numbers), its
 * SHA-256 and the electronic seal over it, so that anyone holding the file can check it is the one made.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table generated_documents (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id),
      material_key text not null,
      template text not null,
      file_name text not null,
      size_bytes integer not null,
      sha256 text not null,
      body_enc text not null,
      seal_key_id uuid not null references seal_keys(id),
      seal_algorithm text not null,
      signature text not null,
      region_code text not null,
      created_at timestamptz not null default now(),
      unique (application_id, material_key)
    )`.execute(db);
}
