import type { FastifyBaseLogger } from "fastify";
import type { Services } from "./app";
import type { Config } from "./config";
import { type Database, withAdvisoryLock } from "./db/database";
import { pruneRateLimitCounters } from "./http/rate-limit-store";
import { registerAppealDeadlines } from "./jobs/appeal-deadlines.job";
import { registerCertificateExpiry } from "./jobs/certificate-expiry.job";
import { registerFileCleanup } from "./jobs/file-cleanup.job";
import { startJobQueue } from "./jobs/job-queue";
import { startNotificationWorker } from "./jobs/notifications.job";
import { startDocumentWorker } from "./jobs/documents.job";
import { startWebhookWorker } from "./jobs/webhooks.job";
import { registerOverdueAlerts } from "./jobs/overdue-alerts.job";
import { registerPayments } from "./jobs/payments.job";
import { registerDeliveries } from "./jobs/deliveries.job";
import { registerPartitions } from "./jobs/partitions.job";
import { registerPerformanceRollup } from "./jobs/performance-rollup.job";
import { registerProactive } from "./jobs/proactive.job";
import { registerSessionCleanup } from "./jobs/session-cleanup.job";
import { registerSigningSweep } from "./jobs/signing-sweep.job";

/**
 * What a server process runs beside its HTTP routes: the job queue with its schedules and workers,
 * the notification and documents workers and the calendar refresh. `npm start` and the benchmark (which measures a
 * production-shaped server) start the same set. Returns how to stop it.
 */
export async function startBackgroundWork(config: Config, database: Database, services: Services, now: () => Date, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  // Queues and schedules are created under a lock: pg-boss deadlocks when processes create them at once.
  const boss = await withAdvisoryLock(database, "haoban:jobs", async () => {
    const boss = await startJobQueue(database.executeSql, config.databaseUrl ? { url: config.databaseUrl, poolSize: config.jobsPoolSize } : null, config.jobs);
    await registerSessionCleanup(boss, services.store, config.sessionIdleMinutes, config.jobs, () => pruneRateLimitCounters(database.db));
    await registerFileCleanup(boss, services.files, config.jobs);
    await registerCertificateExpiry(boss, services.certificates, config.jobs);
    await registerOverdueAlerts(boss, services.store, config.jobs, now, () => services.calendar.current());
    await registerAppealDeadlines(boss, services.ratingCases, services.tickets, services.supervisionOrders, config.jobs);
    await registerProactive(boss, services, config.jobs);
    await registerSigningSweep(boss, services.signing, config.jobs);
    await registerPerformanceRollup(boss, services.performance, config.jobs);
    await registerPayments(boss, services, config.jobs, now);
    await registerDeliveries(boss, services.deliveries, config.jobs);
    await registerPartitions(boss, database.db, now, config.jobs);
    return boss;
  });
  // Calendar edits made in another process reach this one at once (the change bus); this hourly read is the backstop.
  const calendarTimer = setInterval(() => void services.calendar.refresh().catch((err) => log.error({ err }, "calendar refresh failed")), 3_600_000);
  calendarTimer.unref();
  const stopNotifications = config.jobs ? startNotificationWorker(services.notifications, config.notifyIntervalMs, (err) => log.error({ err }, "notification worker failed")) : async () => {};
  const stopDocuments = config.jobs ? startDocumentWorker(services.generatedDocuments, config.documentsIntervalMs, (err) => log.error({ err }, "documents worker failed")) : async () => {};
  const stopWebhooks = config.jobs ? startWebhookWorker(services, config.integrations.webhookIntervalMs, (err) => log.error({ err }, "webhook worker failed")) : async () => {};
  return async () => {
    clearInterval(calendarTimer);
    await stopNotifications();
    await stopDocuments();
    await stopWebhooks();
    await boss.stop({ graceful: true, wait: true });
  };
}
