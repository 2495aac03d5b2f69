import type { EventType } from "../../../shared/integrations";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { OutboxRepository } from "../outbox";
import { platformEventOf } from "./webhook-events";
import type { AttemptResult, NewDelivery, WebhookRepository } from "./webhook.repository";
import { newWebhookSecret, sendWebhook, type SendResult } from "./webhook-sender";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { webhooks: WebhookRepository; outbox: OutboxRepository; audit: AuditRepository; orgs: OrgRepository };

export interface WebhookSettings {
  /** The first retry's wait; each further one doubles it, up to `maxBackoffMs`. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** How long a delivery is retried from its first attempt before it is dead-lettered (a day). */
  retryForMs: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** Deliveries sent per round (at once). */
  batch: number;
}

export type Sender = typeof sendWebhook;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** Failures in a row after which a receiver is left alone for a while (its deliveries wait, none is lost). */
const SUSPEND_AFTER = 3;

/**
 * Event webhooks. The fan-out reads the outbox with its own cursor (`webhooks_at`) — so an event exists
 * exactly when its change committed, and a process dying loses nothing — and writes one delivery per
 * matching subscription (its organisation's subtree, its event types), one fan-out at a time so that the
 * deliveries keep the events' order. The sender takes due deliveries, only the oldest pending of each
 * stream (an application's events reach a receiver in order), leases them, POSTs them signed, and
 * records every attempt: 2xx delivered; otherwise retried with exponential back-off (with jitter) for
 * `retryForMs`, then dead-lettered, after which the stream moves on. A receiver that failed several times
 * in a row is suspended for a while; its first success sends everything waiting at once.
 */
export class WebhookService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly settings: WebhookSettings,
    private readonly now: () => Date = () => new Date(),
    private readonly send: Sender = sendWebhook,
  ) {}

  // ── Subscriptions ──────────────────────────────────────────────────────────

  async list(actor: Actor) {
    const rows = await this.store.repos.webhooks.list(this.scopeOf(actor));
    const counts = await this.store.repos.webhooks.counts(rows.map((r) => r.id));
    return { items: rows.map((r) => this.view(r, counts.get(r.id)!)) };
  }

  async create(actor: Actor, input: { url: string; eventTypes: EventType[]; orgId?: string | undefined }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const orgId = actor.client ? actor.orgId! : (input.orgId ?? actor.orgId);
      if (actor.client && input.orgId && input.orgId !== actor.orgId) throw new DomainError("FORBIDDEN");
      const org = orgId ? await repos.orgs.findById(orgId) : undefined;
      if (!org) throw new DomainError("ORG_NOT_FOUND");
      if (!actor.client && (!hasRole(actor, "sys_admin") || !actor.orgPath || !org.path.startsWith(actor.orgPath))) throw new DomainError("FORBIDDEN");
      const secret = newWebhookSecret();
      const eventTypes = [...new Set(input.eventTypes)];
      const { id } = await repos.webhooks.insert({ org_id: org.id, client_id: actor.client?.id ?? null, url: input.url, event_types: eventTypes, secret_enc: this.cipher.encrypt(secret), created_by: actor.accountId, region_code: org.region_code });
      await repos.audit.append(actor, ctx, { action: "webhook.subscribe", targetType: "webhook_subscription", targetId: id, orgId: org.id, regionCode: org.region_code, details: { url: input.url, eventTypes } });
      const row = (await repos.webhooks.find(id))!;
      return { subscription: this.view(row, { pending: 0, delivered: 0, dead: 0 }), secret };
    });
  }

  async update(actor: Actor, id: string, input: { url?: string | undefined; eventTypes?: EventType[] | undefined; status?: "active" | "paused" | undefined; lockVersion: number }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const row = await this.managed(repos, actor, id);
      const changes = { ...(input.url ? { url: input.url } : {}), ...(input.eventTypes ? { event_types: [...new Set(input.eventTypes)] } : {}), ...(input.status ? { status: input.status } : {}) };
      if (!(await repos.webhooks.updateIfVersion(id, input.lockVersion, changes))) throw new DomainError("SUBSCRIPTION_CHANGED", { currentLockVersion: row.lock_version });
      await repos.audit.append(actor, ctx, { action: "webhook.update", targetType: "webhook_subscription", targetId: id, orgId: row.org_id, regionCode: row.region_code, details: { ...changes } });
      const counts = await repos.webhooks.counts([id]);
      return this.view((await repos.webhooks.find(id))!, counts.get(id)!);
    });
  }

  async deliveries(actor: Actor, id: string, filter: { status?: "pending" | "delivered" | "dead" | undefined; beforeId?: number | undefined; limit: number }) {
    await this.managed(this.store.repos, actor, id);
    const rows = await this.store.repos.webhooks.listDeliveries(id, filter);
    return { items: rows.map((d) => this.deliveryView(d)) };
  }

  async delivery(actor: Actor, id: string, deliveryId: number) {
    await this.managed(this.store.repos, actor, id);
    const d = await this.store.repos.webhooks.findDelivery(id, deliveryId);
    if (!d) throw new DomainError("SUBSCRIPTION_NOT_FOUND");
    const attempts = await this.store.repos.webhooks.attemptsOf(d.id);
    return {
      ...this.deliveryView(d),
      payload: d.payload,
      attemptLog: attempts.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), status: a.status, durationMs: a.duration_ms, response: a.response, error: a.error })),
    };
  }

  /** Sends deliveries again as new ones, after what is pending, in their original order. */
  async replay(actor: Actor, id: string, input: { deliveryIds?: number[] | undefined; fromId?: number | undefined; toId?: number | undefined }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const row = await this.managed(repos, actor, id);
      const originals = await repos.webhooks.toReplay(id, { ids: input.deliveryIds, fromId: input.fromId, toId: input.toId });
      const now = this.now();
      // Whoever replays has put the receiver right: it is tried again at once.
      await repos.webhooks.recovered(id, now);
      await repos.webhooks.insertDeliveries(
        originals.map((d) => ({ subscription_id: id, event_id: d.event_id, event_type: d.event_type, stream_key: d.stream_key, payload: JSON.stringify(d.payload), event_time: d.event_time, region_code: d.region_code, replay_of: d.id })),
        now,
      );
      await repos.audit.append(actor, ctx, { action: "webhook.replay", targetType: "webhook_subscription", targetId: id, orgId: row.org_id, regionCode: row.region_code, details: { count: originals.length, ...(input.deliveryIds ? { deliveryIds: input.deliveryIds.slice(0, 50) } : { fromId: input.fromId, toId: input.toId }) } });
      return { queued: originals.length };
    });
  }

  // ── Fan-out and sending ────────────────────────────────────────────────────

  /** Fans a batch of outbox events out to the matching subscriptions; the number of events read (0: none waiting, or another process is at it). */
  async fanOut(limit = 1000): Promise<number> {
    return this.store.transact(async (repos) => {
      if (!(await repos.webhooks.tryFanOutLock())) return 0;
      const rows = await repos.outbox.claimForWebhooks(limit);
      if (rows.length === 0) return 0;
      const events = rows.map((r) => platformEventOf(r)).filter((e) => e !== null);
      const now = this.now();
      if (events.length) {
        const subscriptions = await repos.webhooks.active();
        const wanted = subscriptions.filter((s) => events.some((e) => s.event_types.includes(e.type)));
        if (wanted.length) {
          const paths = await repos.webhooks.orgPaths([...new Set(events.map((e) => e.orgId))]);
          const deliveries: NewDelivery[] = [];
          for (const e of events) {
            const path = paths.get(e.orgId);
            if (!path) continue;
            for (const s of wanted) {
              if (!s.event_types.includes(e.type) || !path.startsWith(s.org_path)) continue;
              deliveries.push({ subscription_id: s.id, event_id: String(e.envelope.id), event_type: e.type, stream_key: e.stream, payload: JSON.stringify(e.envelope), event_time: new Date(String(e.envelope.time)), region_code: s.region_code });
            }
          }
          await repos.webhooks.insertDeliveries(deliveries, now);
        }
      }
      await repos.outbox.markFannedOut(rows.map((r) => r.id), now);
      return rows.length;
    });
  }

  /** Sends one round of due deliveries and records the answers; the number sent. */
  async deliverDue(): Promise<number> {
    const now = this.now();
    const claimed = await this.store.repos.webhooks.claimDue(now, this.settings.batch, this.settings.timeoutMs + 5000);
    if (claimed.length === 0) return 0;
    const secrets = new Map<string, string>();
    const secretOf = (enc: string) => {
      let s = secrets.get(enc);
      if (s === undefined) secrets.set(enc, (s = this.cipher.decrypt(enc)));
      return s;
    };
    const sent = await Promise.all(claimed.map(async (d) => ({ d, r: await this.send(d.url, secretOf(d.secret_enc), { id: d.event_id, body: JSON.stringify(d.payload) }, this.settings.timeoutMs, d.id, d.attempts) })));
    const at = this.now();
    const results: AttemptResult[] = sent.map(({ d, r }) => ({ id: d.id, attempt: d.attempts, at, status: r.status, durationMs: r.durationMs, response: r.response, error: r.error ?? (ok(r) ? null : `HTTP ${r.status}`), outcome: this.outcome(d, r, at) }));
    await this.store.transact(async (repos) => {
      await repos.webhooks.recordAttempts(results);
      // Per receiver: a success after failures sends what waits at once; failures in a row suspend it for a while.
      const bySubscription = new Map<string, boolean>();
      for (const { d, r } of sent) bySubscription.set(d.subscription_id, (bySubscription.get(d.subscription_id) ?? false) || ok(r));
      for (const [id, anyOk] of bySubscription) {
        if (anyOk) await repos.webhooks.recovered(id, at);
        else await repos.webhooks.failed(id, SUSPEND_AFTER, (n) => Math.min(this.settings.backoffBaseMs * 2 ** Math.min(n - SUSPEND_AFTER, 20), this.settings.maxBackoffMs, 10 * 60_000), at);
      }
    });
    return claimed.length;
  }

  private outcome(d: { attempts: number; first_attempt_at: Date | null }, r: SendResult, at: Date): AttemptResult["outcome"] {
    if (ok(r)) return { status: "delivered" };
    const first = d.first_attempt_at ?? at;
    if (at.getTime() - first.getTime() >= this.settings.retryForMs) return { status: "dead" };
    const wait = Math.min(this.settings.backoffBaseMs * 2 ** (d.attempts - 1), this.settings.maxBackoffMs);
    const jittered = wait * (0.8 + Math.random() * 0.4);
    // The last retry falls at the end of the window, not beyond it.
    const next = Math.min(at.getTime() + jittered, first.getTime() + this.settings.retryForMs);
    return { status: "pending", nextAttemptAt: new Date(next) };
  }

  private scopeOf(actor: Actor): { orgPath: string } | { clientId: string } {
    if (actor.client) return { clientId: actor.client.id };
    if (!hasRole(actor, "sys_admin") || !actor.orgPath) throw new DomainError("FORBIDDEN");
    return { orgPath: actor.orgPath };
  }

  /** A subscription the actor manages: a client its own, an administrator those of the subtree. */
  private async managed(repos: Repos, actor: Actor, id: string) {
    const row = await repos.webhooks.find(id);
    const scope = this.scopeOf(actor);
    if (!row || ("clientId" in scope ? row.client_id !== scope.clientId : !row.org_path.startsWith(scope.orgPath))) throw new DomainError("SUBSCRIPTION_NOT_FOUND");
    return row;
  }

  private view(r: NonNullable<Awaited<ReturnType<WebhookRepository["find"]>>>, counts: { pending: number; delivered: number; dead: number }) {
    return {
      id: r.id,
      org: { id: r.org_id, name: r.org_name },
      clientId: r.client_id,
      url: r.url,
      eventTypes: r.event_types as EventType[],
      status: r.status as "active" | "paused",
      consecutiveFailures: r.consecutive_failures,
      suspendedUntil: iso(r.suspended_until),
      createdAt: r.created_at.toISOString(),
      lockVersion: r.lock_version,
      counts,
    };
  }

  private deliveryView(d: { id: number; event_id: string; event_type: string; stream_key: string; status: string; attempts: number; next_attempt_at: Date; last_status: number | null; last_error: string | null; event_time: Date; delivered_at: Date | null; replay_of: number | null }) {
    return {
      id: Number(d.id),
      eventId: d.event_id,
      eventType: d.event_type as EventType,
      subject: d.stream_key.slice(d.stream_key.indexOf(":") + 1),
      status: d.status as "pending" | "delivered" | "dead",
      attempts: d.attempts,
      nextAttemptAt: d.status === "pending" ? d.next_attempt_at.toISOString() : null,
      lastStatus: d.last_status,
      lastError: d.last_error,
      eventTime: d.event_time.toISOString(),
      deliveredAt: iso(d.delivered_at),
      replayOf: d.replay_of === null ? null : Number(d.replay_of),
    };
  }
}

function ok(r: SendResult) {
  return r.status !== null && r.status >= 200 && r.status < 300;
}
