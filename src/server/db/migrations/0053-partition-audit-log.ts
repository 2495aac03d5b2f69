import { type Kysely, sql } from "kysely";
import { MOVING_PARTITION_SETTING, partitionTableByMonth } from "../partitions";

/**
 * The audit log, which grows without end (every change and every use of personal data), becomes
 * partitioned by month of `occurred_at` (China time; see db/partitions.ts). Its key becomes
 * (chain, seq, occurred_at): a partitioned table's keys include the partition column. That (chain, seq)
 * stays unique is the sequencer's doing (it numbers a chain under its head's row lock), and
 * `audit:verify` walks each chain by seq across the partitions, so a second record with a number
 * already used shows as a break. The append-only triggers come back on the partitioned table (its
 * partitions inherit them); the only delete they let through is the partitions job's move of rows out of
 * the default partition into their month (a transaction-local setting, and only on the default
 * partition), in one transaction with the same rows' insert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await partitionTableByMonth(
    db,
    "audit_log",
    "occurred_at",
    {
      primaryKey: ["chain", "seq"],
      foreignKeys: [],
      indexes: [
        { name: "audit_log_subject_idx", columns: ["subject_person_id", "occurred_at"], where: "subject_person_id is not null" },
        { name: "audit_log_actor_idx", columns: ["actor_account_id", "occurred_at"] },
      ],
    },
    new Date(),
  );
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and tg_level = 'ROW' and tg_table_name = 'audit_log_pdefault'
         and current_setting(${sql.lit(MOVING_PARTITION_SETTING)}, true) = 'on' then
        return old;
      end if;
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
