import type { NotificationService } from "../modules/notifications/notification.service";

/**
 * The notification worker: turns outbox events into messages and sends due SMS / e-mail deliveries,
 * every `intervalMs`. Several processes may run it at once (rows are locked with SKIP LOCKED and
 * deliveries leased), so it needs no queue of its own; failures are logged and retried next round.
 */
export function startNotificationWorker(notifications: NotificationService, intervalMs: number, log: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        while ((await notifications.dispatchOutbox()) > 0);
        await notifications.sendDue();
      } catch (err) {
        log(err);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
