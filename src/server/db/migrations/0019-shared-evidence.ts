import { type Kysely, sql } from "kysely";

/**
 * Evidence the government already holds, attached to an application instead of an upload (免提交):
 * which material, which certificate. Each application counts its waived materials.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table application_evidence (
      id bigserial primary key,
      application_id uuid not null references applications(id),
      material_key text not null,
      certificate_id uuid not null references certificates(id),
      created_at timestamptz not null default now(),
      unique (application_id, material_key)
    )`.execute(db);
  await sql`alter table applications add column waived_materials integer not null default 0`.execute(db);
}
