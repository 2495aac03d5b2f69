import PgBoss from "pg-boss";
import type { ExecuteSql } from "../db/database";

/**
 * The PostgreSQL-backed job queue (pg-boss). It runs on the same database as everything else,
 * embedded or server, so that any number of server processes share the work and a job is
 * fetched by exactly one of them (SKIP LOCKED).
 */
export async function startJobQueue(executeSql: ExecuteSql, options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql },
    schema: "pgboss",
    // Maintenance and cron timing are coordinated through the database as well.
    superviseIntervalSeconds: 60,
  } as unknown as PgBoss.ConstructorOptions);
  boss.on("error", (err) => console.error("job queue error:", err));
  await boss.start();
  void options;
  return boss;
}

export type JobQueue = PgBoss;
