import cluster, { type Worker } from "node:cluster";
import pino from "pino";
import type { Config } from "./config";
import { openRuntime } from "./runtime";
import { prepareDatabase, startDepartmentSystem, startSimulators } from "./startup";

/** How long a process that died waits before it is started again (a crash loop must not spin). */
const RESTART_DELAY_MS = 1_000;

/**
 * The primary of several processes on one machine (`HAOBAN_WORKERS=N` with a PostgreSQL server): it
 * migrates and prepares the database once, runs the simulators and the demo department system, then
 * starts N HTTP processes (`HAOBAN_ROLE=web`, sharing the port through node's cluster, each accepting
 * on the same socket) and — unless this machine serves only (`HAOBAN_ROLE=web`) — one process for
 * the background jobs (`HAOBAN_ROLE=jobs`). A process that dies is started again; the others keep
 * serving meanwhile. Everything a request needs is in the database or told through it (sessions, files,
 * rate limits, lock-outs, the change bus), so it does not matter which process answers. On SIGTERM or
 * SIGINT every process finishes its in-flight requests and stops.
 */
export async function runCluster(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel, base: { pid: process.pid, role: "primary" } });
  if (!config.databaseUrl) {
    throw new Error(`HAOBAN_WORKERS=${config.workers} needs a PostgreSQL server (DATABASE_URL): the embedded database belongs to one process`);
  }
  const { database, cipher } = await openRuntime(config);
  const offset = config.clockStart ? config.clockStart.getTime() - Date.now() : 0;
  await prepareDatabase(config, database, cipher, () => new Date(Date.now() + offset), log);
  const stopSimulators = await startSimulators(config, log);

  // The kernel hands connections to the processes (each accepts on the shared socket): one that dies leaves
  // what waits in the queue to the others. (Round-robin through the primary could hand a connection to a
  // process that had just died, and the client would wait on it for nothing.)
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const roles = new Map<number, "web" | "jobs">();
  let stopping = false;
  const start = (role: "web" | "jobs"): Worker => {
    const worker = cluster.fork({ HAOBAN_ROLE: role, HAOBAN_WORKERS: "1" });
    roles.set(worker.id, role);
    return worker;
  };
  cluster.on("exit", (worker, code, signal) => {
    const role = roles.get(worker.id);
    roles.delete(worker.id);
    if (stopping || !role) return;
    log.warn({ worker: worker.process.pid, role, code, signal }, "a process stopped; starting another");
    setTimeout(() => !stopping && start(role), RESTART_DELAY_MS).unref();
  });

  const listening = new Promise<void>((resolve) => cluster.once("listening", () => resolve()));
  for (let i = 0; i < config.workers; i++) start("web");
  if (config.role !== "web") start("jobs");
  // Once an HTTP process listens, the demo department system may call the platform.
  await listening;
  const departmentSystem = await startDepartmentSystem(config, database, log);
  await database.close();
  log.info({ workers: config.workers, jobs: config.role !== "web" }, `Haoban is running at http://localhost:${config.port} with ${config.workers} HTTP processes`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down every process");
    const timer = setTimeout(() => {
      log.error("shutdown grace period exceeded");
      process.exit(1);
    }, config.shutdownGraceMs + 5_000);
    timer.unref();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once("exit", () => resolve());
            w.process.kill("SIGTERM");
          }),
      ),
    );
    departmentSystem?.kill("SIGTERM");
    await stopSimulators();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
