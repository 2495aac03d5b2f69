import { type Kysely, sql } from "kysely";
import { partitionTableByMonth } from "../partitions";

/**
 * The message centre and its delivery log, which grow with every notice sent, become partitioned by
 * month of `created_at` (China time; see db/partitions.ts), keys (id, created_at). A delivery now
 * carries its message's month (`message_created_at`), so that its reference names the message's key
 * (the partitions job sets that reference aside while it moves messages out of the default partition).
 * The old unique (account_id, outbox_id) — one message per recipient and event — cannot stand without
 * the month; it was a second guard only: the worker handles an event under the event's row lock and
 * marks it done in the same transaction, and looks the pair up before inserting (an index is kept for that).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date();
  await sql`alter table notification_deliveries drop constraint notification_deliveries_message_id_fkey`.execute(db);
  await partitionTableByMonth(
    db,
    "messages",
    "created_at",
    {
      primaryKey: ["id"],
      foreignKeys: [
        { name: "messages_account_id_fkey", columns: ["account_id"], references: "accounts(id)" },
        { name: "messages_outbox_id_fkey", columns: ["outbox_id"], references: "outbox(id)" },
        { name: "messages_application_id_fkey", columns: ["application_id"], references: "applications(id)" },
      ],
      indexes: [
        { name: "messages_account_idx", columns: ["account_id", "created_at desc"] },
        { name: "messages_outbox_idx", columns: ["account_id", "outbox_id"], where: "outbox_id is not null" },
      ],
    },
    now,
  );
  await sql`alter table notification_deliveries add column message_created_at timestamptz`.execute(db);
  await sql`update notification_deliveries d set message_created_at = m.created_at from messages m where m.id = d.message_id`.execute(db);
  await sql`alter table notification_deliveries alter column message_created_at set not null`.execute(db);
  await partitionTableByMonth(
    db,
    "notification_deliveries",
    "created_at",
    {
      primaryKey: ["id"],
      foreignKeys: [{ name: "notification_deliveries_message_id_fkey", columns: ["message_id", "message_created_at"], references: "messages(id, created_at)" }],
      indexes: [
        { name: "notification_deliveries_pending_idx", columns: ["next_attempt_at"], where: "status = 'pending'" },
        { name: "notification_deliveries_message_idx", columns: ["message_id"] },
      ],
      sequence: { name: "notification_deliveries_id_seq", column: "id" },
    },
    now,
  );
}
