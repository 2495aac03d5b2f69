import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config";
import type { FieldCipher } from "./crypto/field-cipher";
import { type Database, withAdvisoryLock } from "./db/database";
import { seedDataElements } from "./modules/data-elements/data-element.service";
import { createRepositoryStore } from "./repositories";
import { seedDemoActivity } from "./seed/seed-activity";
import { isEmpty, seedDemo } from "./seed/seed-demo";
import { demoIntegrationItems, DEMO_CLIENT_ID, seedDemoIntegration } from "./seed/seed-integration";
import { startPaymentSimulator } from "../simulators/payment/server";
import { startPostSimulator } from "../simulators/post/server";

/**
 * What is done once per deployment before requests are served, whichever process does it: the demo city
 * on an empty database and the standard data elements. Processes started at once take turns: one
 * seeds, the others find it seeded.
 */
export async function prepareDatabase(config: Config, database: Database, cipher: FieldCipher, now: () => Date, log: Pick<FastifyBaseLogger, "info">): Promise<void> {
  await withAdvisoryLock(database, "haoban:seed", async () => {
    if (config.seedDemo && (await isEmpty(database.db))) {
      const summary = await seedDemo(database.db, cipher, now());
      log.info({ ...summary, ...(await seedDemoActivity(database.db, cipher, now())), integration: await seedDemoIntegration(database.db, config.integrations.demoClientSecret) }, "demo city seeded");
    }
    // The standard data elements are part of the platform: a database from before the dictionary gets them.
    await seedDataElements(createRepositoryStore(database.db).repos);
  });
}

/**
 * Without a payment platform or a postal carrier configured, the local simulators stand in for them
 * (one of each per machine: a second process finds the port taken and uses the first's). Returns how to stop them.
 */
export async function startSimulators(config: Config, log: Pick<FastifyBaseLogger, "info">): Promise<() => Promise<void>> {
  const closers: Array<() => Promise<void>> = [];
  const started = async (name: string, port: number, start: () => Promise<{ url: string; close: () => Promise<void> }>) => {
    try {
      const sim = await start();
      closers.push(() => sim.close());
      log.info(`${name} at ${sim.url}`);
    } catch (err) {
      if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
      log.info(`${name} already running on port ${port}`);
    }
  };
  if (!config.payment.url) {
    await started("payment simulator (统一支付)", config.payment.simulatorPort, () => startPaymentSimulator({ port: config.payment.simulatorPort, host: "127.0.0.1", merchants: { [config.payment.merchantId]: config.payment.key } }));
  }
  if (!config.post.url) {
    await started("postal simulator (统一物流)", config.post.simulatorPort, () =>
      startPostSimulator({ port: config.post.simulatorPort, host: "127.0.0.1", merchants: { [config.post.merchantId]: config.post.key }, stepMs: config.post.simulatorStepMs }),
    );
  }
  return async () => {
    for (const close of closers) await close();
  };
}

/** The demo department system, a process of its own, decides 南京东路街道's 社会保障卡申领 through the API (once the platform listens). */
export async function startDepartmentSystem(config: Config, database: Database, log: Pick<FastifyBaseLogger, "info" | "warn">): Promise<ChildProcess | null> {
  const demoItems = config.integrations.demoSystemPort ? await demoIntegrationItems(database.db) : [];
  if (!demoItems.length) return null;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../simulators/department-system/main.ts")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, HAOBAN_URL: `http://127.0.0.1:${config.port}`, HAOBAN_DEMO_CLIENT_ID: DEMO_CLIENT_ID, HAOBAN_DEMO_CLIENT_SECRET: config.integrations.demoClientSecret, HAOBAN_DEMO_ITEMS: demoItems.join(","), HAOBAN_DEMO_SYSTEM_PORT: String(config.integrations.demoSystemPort) },
  });
  child.on("exit", (code) => code && log.warn({ code }, "demo department system stopped (another process may run it)"));
  log.info(`demo department system (部门业务系统) at http://127.0.0.1:${config.integrations.demoSystemPort}`);
  return child;
}
