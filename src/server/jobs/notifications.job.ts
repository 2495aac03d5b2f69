import type { NotificationService } from "../modules/notifications/notification.service";
import { startPollingWorker } from "./polling-worker";

/**
 * The notification worker: turns outbox events into messages and sends due SMS / e-mail deliveries,
 * every `intervalMs`. Several processes may run it at once (rows are locked with SKIP LOCKED and
 * deliveries leased), so it needs no queue of its own; failures are logged and retried next round.
 */
export function startNotificationWorker(notifications: NotificationService, intervalMs: number, log: (err: unknown) => void): () => Promise<void> {
  return startPollingWorker(
    async () => {
      while ((await notifications.dispatchOutbox()) > 0);
      await notifications.sendDue();
    },
    intervalMs,
    log,
  );
}
