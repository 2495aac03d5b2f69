import type { ClientService } from "../modules/integrations/client.service";
import type { ExternalHandling } from "../modules/integrations/external-handling";
import type { WebhookService } from "../modules/integrations/webhook.service";

/** How often the stalled-system check and the token clean-up run, beside the deliveries. */
const STALL_CHECK_MS = 30_000;
const TOKEN_PRUNE_MS = 3_600_000;

/**
 * The webhook worker: fans new outbox events out and sends due deliveries, round after round while there
 * is work, then every `intervalMs`; every half minute it alerts departments whose system has not
 * acknowledged a forwarded application, every hour it drops expired tokens. Several processes may run it
 * (one fan-out at a time; deliveries are leased). Failures are logged and retried next round.
 */
export function startWebhookWorker(services: { webhooks: WebhookService; external: ExternalHandling; clients: ClientService }, intervalMs: number, log: (err: unknown) => void): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | null = null;
  let stallAt = 0;
  let pruneAt = Date.now() + TOKEN_PRUNE_MS;
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        const fanned = await services.webhooks.fanOut();
        const sent = await services.webhooks.deliverDue();
        busy = fanned > 0 || sent > 0;
        if (Date.now() >= stallAt) {
          stallAt = Date.now() + STALL_CHECK_MS;
          await services.external.alertStalled();
        }
        if (Date.now() >= pruneAt) {
          pruneAt = Date.now() + TOKEN_PRUNE_MS;
          await services.clients.pruneTokens();
        }
      } catch (err) {
        log(err);
      }
      if (!busy && !stopped) await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs).unref();
      });
      wake = null;
    }
  })();
  return async () => {
    stopped = true;
    wake?.();
    await loop;
  };
}
