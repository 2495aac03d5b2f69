import PgBoss from "pg-boss";
import type { ExecuteSql } from "../db/database";

/**
 * The PostgreSQL-backed job queue (pg-boss). It runs on the same database as everything else,
 * embedded or server, so that any number of server processes share the work and a job is
 * fetched by exactly one of them (SKIP LOCKED). On a server it has a pool of its own
 * (`server.poolSize` connections, HAOBAN_JOBS_POOL_SIZE), so that polling and long jobs never take
 * a connection a request is waiting for; on the embedded engine it shares the one connection.
 * `works`: this process runs jobs (else it only sends them and keeps the schedules' definitions).
 */
export async function startJobQueue(executeSql: ExecuteSql, server: { url: string; poolSize: number } | null = null, works = true): Promise<PgBoss> {
  const connection = server ? { connectionString: server.url, max: server.poolSize } : { db: { executeSql } };
  const boss = new PgBoss({
    ...connection,
    schema: "pgboss",
    // Maintenance and cron timing are coordinated through the database as well; a process that serves
    // only (HAOBAN_ROLE=web) leaves both to the processes that run jobs.
    superviseIntervalSeconds: 60,
    supervise: works,
    schedule: works,
  } as unknown as PgBoss.ConstructorOptions);
  boss.on("error", (err) => console.error("job queue error:", err));
  await boss.start();
  return boss;
}

export type JobQueue = PgBoss;
