import { type Kysely, sql } from "kysely";

/**
 * Audit records are appended unchained (audit_pending) inside the transaction that makes the change,
 * so that no request waits on its region's chain head; one sequencer per chain then links them into
 * audit_log in order, in small batches, right after commit (and at start-up and every few seconds for
 * anything a crash left behind). Moving a record from here to the chain is one transaction: a record
 * is always in exactly one of the two tables, never lost and never chained twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_pending (
      id bigint generated always as identity primary key,
      chain text not null,
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
      details jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_pending_chain_idx on audit_pending (chain, id)`.execute(db);
}
