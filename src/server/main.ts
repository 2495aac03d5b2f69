import cluster from "node:cluster";
import { buildApp } from "./app";
import { startBackgroundWork } from "./background";
import { runCluster } from "./cluster";
import { loadConfig, type Config } from "./config";
import { sequencerFor } from "./modules/audit";
import { startMetricsServer } from "./modules/health/health.routes";
import { openRuntime } from "./runtime";
import { prepareDatabase, startDepartmentSystem, startSimulators } from "./startup";

/**
 * Starts Haoban. One process by default (`npm start`: database and migrations, demo data on first
 * start, jobs, the HTTP server). With a PostgreSQL server and `HAOBAN_WORKERS=N` this process becomes
 * the primary of N HTTP processes and a jobs process (see cluster.ts); `HAOBAN_ROLE` places a process's
 * work (`web`, `jobs` or `all`).
 */
async function main() {
  const config = loadConfig();
  if (cluster.isPrimary && config.workers > 1 && config.role !== "jobs") return runCluster(config);
  return runProcess(config, cluster.isWorker);
}

/** One process of the platform: its HTTP server (unless it runs jobs only) and its background work (unless it serves only). */
async function runProcess(config: Config, inCluster: boolean) {
  const { database, cipher } = await openRuntime(config);
  // The platform's clock: real time, or (demonstrations, browser tests) real time shifted to start at HAOBAN_CLOCK_START.
  const offset = config.clockStart ? config.clockStart.getTime() - Date.now() : 0;
  const now = () => new Date(Date.now() + offset);
  const { app, services, markShuttingDown, metrics } = await buildApp({ config, database, cipher, now });
  const metricsServer = config.metricsPort !== undefined ? await startMetricsServer(metrics, config.metricsPort, config.metricsHost) : null;
  if (metricsServer) app.log.info(`metrics at http://${config.metricsHost}:${metricsServer.port}/metrics`);
  if (offset) app.log.warn({ clockStart: config.clockStart }, "HAOBAN_CLOCK_START is set: the platform runs on a shifted clock");
  app.log.info({ database: database.kind, role: config.role }, "database ready, migrations applied");

  // In a cluster the primary has prepared the database and runs the simulators.
  const stopSimulators = inCluster ? async () => {} : await (async () => {
    await prepareDatabase(config, database, cipher, now, app.log);
    return startSimulators(config, app.log);
  })();

  const stopBackground = await startBackgroundWork(config, database, services, now, app.log);

  const serves = config.role !== "jobs";
  if (serves) {
    await app.listen({ port: config.port, host: config.host });
    app.log.info(`Haoban is running at http://localhost:${config.port}`);
  } else {
    app.log.info("jobs process: background work only, no HTTP server");
  }
  const departmentSystem = !inCluster && serves ? await startDepartmentSystem(config, database, app.log) : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    markShuttingDown();
    const timer = setTimeout(() => {
      app.log.error("shutdown grace period exceeded");
      process.exit(1);
    }, config.shutdownGraceMs);
    timer.unref();
    // Connections that go idle after their last response are closed too, not left to time out.
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 250);
    await app.close(); // stops accepting, waits for in-flight requests
    await metricsServer?.close();
    clearInterval(sweeper);
    await stopBackground();
    departmentSystem?.kill("SIGTERM");
    await stopSimulators();
    // What the last requests recorded is chained now, not left for the next start's sweep.
    await sequencerFor(database.db).idle();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error("Haoban failed to start:", err);
  process.exit(1);
});
