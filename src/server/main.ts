import { buildApp } from "./app";
import { startBackgroundWork } from "./background";
import { startMetricsServer } from "./modules/health/health.routes";
import { loadConfig } from "./config";
import { seedDemoActivity } from "./seed/seed-activity";
import { openRuntime } from "./runtime";
import { withAdvisoryLock } from "./db/database";
import { isEmpty, seedDemo } from "./seed/seed-demo";
import { seedDataElements } from "./modules/data-elements/data-element.service";
import { startPaymentSimulator, type PaymentSimulator } from "../simulators/payment/server";
import { startPostSimulator, type PostSimulator } from "../simulators/post/server";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { demoIntegrationItems, DEMO_CLIENT_ID, seedDemoIntegration } from "./seed/seed-integration";

/** Starts Haoban: database and migrations, demo data on first start, jobs, then the HTTP server. */
async function main() {
  const config = loadConfig();
  const { database, cipher } = await openRuntime(config);
  // The platform's clock: real time, or (demonstrations, browser tests) real time shifted to start at HAOBAN_CLOCK_START.
  const offset = config.clockStart ? config.clockStart.getTime() - Date.now() : 0;
  const now = () => new Date(Date.now() + offset);
  const { app, services, markShuttingDown, metrics } = await buildApp({ config, database, cipher, now });
  const metricsServer = config.metricsPort !== undefined ? await startMetricsServer(metrics, config.metricsPort, config.metricsHost) : null;
  if (metricsServer) app.log.info(`metrics at http://${config.metricsHost}:${metricsServer.port}/metrics`);
  if (offset) app.log.warn({ clockStart: config.clockStart }, "HAOBAN_CLOCK_START is set: the platform runs on a shifted clock");
  app.log.info({ database: database.kind }, "database ready, migrations applied");

  // Processes started at once on an empty database take turns: one seeds, the others find it seeded.
  await withAdvisoryLock(database, "haoban:seed", async () => {
    if (config.seedDemo && (await isEmpty(database.db))) {
      const summary = await seedDemo(database.db, cipher, now());
      app.log.info({ ...summary, ...(await seedDemoActivity(database.db, cipher, now())), integration: await seedDemoIntegration(database.db, config.integrations.demoClientSecret) }, "demo city seeded");
    }
    // The standard data elements are part of the platform: a database from before the dictionary gets them.
    await seedDataElements(services.store.repos);
  });

  // Without a payment platform configured, the local simulator stands in for it (one per machine: a second process uses the first's).
  let paymentSimulator: PaymentSimulator | null = null;
  if (!config.payment.url) {
    try {
      paymentSimulator = await startPaymentSimulator({ port: config.payment.simulatorPort, host: "127.0.0.1", merchants: { [config.payment.merchantId]: config.payment.key } });
      app.log.info(`payment simulator (统一支付) at ${paymentSimulator.url}`);
    } catch (err) {
      if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
      app.log.info(`payment simulator already running on port ${config.payment.simulatorPort}`);
    }
  }

  // The postal carrier likewise.
  let postSimulator: PostSimulator | null = null;
  if (!config.post.url) {
    try {
      postSimulator = await startPostSimulator({ port: config.post.simulatorPort, host: "127.0.0.1", merchants: { [config.post.merchantId]: config.post.key }, stepMs: config.post.simulatorStepMs });
      app.log.info(`postal simulator (统一物流) at ${postSimulator.url}`);
    } catch (err) {
      if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
      app.log.info(`postal simulator already running on port ${config.post.simulatorPort}`);
    }
  }

  const stopBackground = await startBackgroundWork(config, database, services, now, app.log);

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Haoban is running at http://localhost:${config.port}`);

  // The demo department system, a process of its own, decides 南京东路街道's 社会保障卡申领 through the API.
  let departmentSystem: ChildProcess | null = null;
  const demoItems = config.integrations.demoSystemPort ? await demoIntegrationItems(database.db) : [];
  if (demoItems.length) {
    departmentSystem = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../simulators/department-system/main.ts")], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, HAOBAN_URL: `http://127.0.0.1:${config.port}`, HAOBAN_DEMO_CLIENT_ID: DEMO_CLIENT_ID, HAOBAN_DEMO_CLIENT_SECRET: config.integrations.demoClientSecret, HAOBAN_DEMO_ITEMS: demoItems.join(","), HAOBAN_DEMO_SYSTEM_PORT: String(config.integrations.demoSystemPort) },
    });
    departmentSystem.on("exit", (code) => code && app.log.warn({ code }, "demo department system stopped (another process may run it)"));
    app.log.info(`demo department system (部门业务系统) at http://127.0.0.1:${config.integrations.demoSystemPort}`);
  }

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
    await paymentSimulator?.close();
    await postSimulator?.close();
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
