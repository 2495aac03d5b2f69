import type { Kysely } from "kysely";
import type PgBoss from "pg-boss";
import { ensureAllPartitions } from "../db/partitions";

export const PARTITIONS_QUEUE = "partitions";

/**
 * The history tables' monthly partitions are created ahead (this month and the next three): once at
 * start-up, then daily at 03:10 China time. Registers the queue, its schedule and, when `work` is set,
 * this process's worker.
 */
export async function registerPartitions<D>(boss: PgBoss, db: Kysely<D>, now: () => Date, work: boolean): Promise<void> {
  await boss.createQueue(PARTITIONS_QUEUE);
  await boss.schedule(PARTITIONS_QUEUE, "10 3 * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await ensureAllPartitions(db, now());
    await boss.work(PARTITIONS_QUEUE, async () => void (await ensureAllPartitions(db, now())));
  }
}
