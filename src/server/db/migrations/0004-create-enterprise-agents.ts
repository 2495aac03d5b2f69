import { type Kysely, sql } from "kysely";

/** Agents (经办人) authorised by an enterprise's legal representative, with scope and expiry. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise_agents (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises(id),
      agent_person_id uuid not null references persons(id),
      scopes text[] not null,
      expires_on date not null,
      granted_by_account_id uuid not null references accounts(id),
      granted_at timestamptz not null default now(),
      revoked_at timestamptz,
      region_code text not null
    )`.execute(db);
  await sql`create index enterprise_agents_agent_idx on enterprise_agents (agent_person_id)`.execute(db);
  await sql`create index enterprise_agents_enterprise_idx on enterprise_agents (enterprise_id)`.execute(db);
}
