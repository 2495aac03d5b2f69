import { type Kysely } from "kysely";
import { partitionTableByMonth } from "../partitions";

/**
 * Application events, a table that grows without end, become partitioned by month of `created_at`
 * (China time; see db/partitions.ts): the rows move into a partitioned table of the same shape, one
 * partition per month from the oldest event to three months ahead, and a default partition. The key
 * becomes (id, created_at) — a partitioned table's keys include its partition column; ids still come
 * from the one sequence, so they stay unique.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await partitionTableByMonth(
    db,
    "application_events",
    "created_at",
    {
      primaryKey: ["id"],
      foreignKeys: [{ name: "application_events_application_id_fkey", columns: ["application_id"], references: "applications(id)" }],
      indexes: [{ name: "application_events_app_idx", columns: ["application_id", "id"] }],
      sequence: { name: "application_events_id_seq", column: "id" },
    },
    new Date(),
  );
}
