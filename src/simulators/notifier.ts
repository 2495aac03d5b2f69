import { randomUUID } from "node:crypto";
import { signWith, type SignedHeaderNames } from "./signing";

interface Outgoing<N extends { id: string }> {
  notification: N;
  merchant: string;
  url: string;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
  timer: NodeJS.Timeout | null;
}

/**
 * How a provider tells a merchant: each notification signed afresh on every attempt, posted to the
 * merchant's notify URL, retried with back-off until it answers 2xx (the same id each time); held on
 * request (the merchant "down"), repeated on request (duplicates arriving at once).
 */
export class Notifier<N extends { id: string }> {
  private readonly outgoing: Array<Outgoing<N>> = [];
  private holding = false;

  constructor(
    private readonly names: SignedHeaderNames,
    private readonly keyOf: (merchant: string) => string,
    private readonly retryDelaysMs: number[],
    private readonly now: () => Date,
  ) {}

  static id(prefix: string) {
    return `${prefix}${randomUUID().replaceAll("-", "")}`;
  }

  send(merchant: string, url: string, notification: N) {
    const o: Outgoing<N> = { notification, merchant, url, attempts: 0, delivered: false, lastStatus: null, timer: null };
    this.outgoing.push(o);
    this.schedule(o, 0);
  }

  private schedule(o: Outgoing<N>, delay: number) {
    if (o.timer) clearTimeout(o.timer);
    o.timer = setTimeout(() => void this.deliver(o), delay);
  }

  private post(o: Outgoing<N>) {
    const body = JSON.stringify(o.notification);
    return fetch(o.url, { method: "POST", headers: { "content-type": "application/json", ...signWith(this.names, o.merchant, this.keyOf(o.merchant), "POST", new URL(o.url).pathname, body, this.now().getTime()) }, body, signal: AbortSignal.timeout(5_000) });
  }

  private async deliver(o: Outgoing<N>) {
    o.timer = null;
    if (o.delivered) return;
    if (this.holding) return this.schedule(o, 200);
    o.attempts++;
    try {
      const res = await this.post(o);
      o.lastStatus = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) o.delivered = true;
    } catch {
      o.lastStatus = null;
    }
    if (!o.delivered && o.attempts <= this.retryDelaysMs.length) this.schedule(o, this.retryDelaysMs[o.attempts - 1]!);
  }

  /** Holds every delivery (the merchant unreachable) or lets them go again at once. */
  hold(on: boolean) {
    this.holding = on;
    if (!on) for (const o of this.outgoing) if (!o.delivered) this.schedule(o, 0);
  }

  /** Sends one notification `times` more times at once; their statuses. */
  async repeat(id: string, times: number): Promise<number[] | null> {
    const o = this.outgoing.find((x) => x.notification.id === id);
    if (!o) return null;
    return Promise.all(
      Array.from({ length: times }, async () => {
        const res = await this.post(o);
        await res.arrayBuffer();
        return res.status;
      }),
    );
  }

  list() {
    return this.outgoing.map((o) => ({ notification: o.notification, attempts: o.attempts, delivered: o.delivered, lastStatus: o.lastStatus }));
  }

  /** Nothing left to deliver (delivered, or retries spent). */
  idle() {
    return this.outgoing.every((o) => o.delivered || o.attempts > this.retryDelaysMs.length);
  }

  close() {
    for (const o of this.outgoing) if (o.timer) clearTimeout(o.timer);
  }
}
