import { type Kysely, sql } from "kysely";

/**
 * The append-only, hash-chained audit log. One chain per region (district code or the city),
 * so that regions can be sharded apart; audit_head holds each chain's last link.
 * A trigger refuses UPDATE and DELETE; the hash chain detects tampering that bypasses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      chain text not null,
      seq bigint not null,
      occurred_at timestamptz not null,
      request_id text,
      actor_account_id uuid,
      actor_name text not null,
      acting_for_enterprise_id uuid,
      action text not null,
      target_type text not null,
      target_id text,
      org_id uuid,
      subject_person_id uuid,
      purpose text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null,
      primary key (chain, seq)
    )`.execute(db);
  await sql`create index audit_log_subject_idx on audit_log (subject_person_id, occurred_at) where subject_person_id is not null`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_account_id, occurred_at)`.execute(db);

  await sql`
    create table audit_head (
      chain text primary key,
      seq bigint not null,
      hash text not null
    )`.execute(db);

  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}
