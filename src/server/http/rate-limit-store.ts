import type { RouteOptions } from "fastify";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** How long a process counts a key on its own before it adds its hits to the shared counter again. */
const SYNC_MS = 200;

interface LocalCount {
  count: number;
  resetAt: number;
  pending: number;
  syncedAt: number;
}

/**
 * A store for @fastify/rate-limit that keeps its counters in PostgreSQL, so that a limit holds for the
 * whole deployment however many server processes share the database. Routes' own limits (login,
 * registration, public forms: small numbers that guard against guessing) are counted exactly, one
 * upsert per request. The global per-address limit, met by every request, is counted by each process
 * itself between syncs: a hit within `SYNC_MS` of the key's last sync is counted locally and answered
 * at once; the next hit after that adds everything counted meanwhile to the shared counter in one
 * upsert (which starts a new window, by the database's clock, when the old one has ended) and learns
 * the deployment's total. So a busy key costs one statement per 200 ms per process instead of one per
 * request; within one process the count is exact, and across N processes a client can exceed a limit
 * by at most what it sends to the other processes in 200 ms.
 */
export function postgresRateLimitStore(db: Kysely<DB>, syncMs = SYNC_MS) {
  const locals = new Map<string, LocalCount>();

  class PostgresRateLimitStore {
    constructor(
      _params: unknown,
      private readonly prefix = "",
      /** 0: every hit goes to the shared counter at once. */
      private readonly sync = syncMs,
    ) {}

    incr(key: string, cb: Callback, timeWindow: number) {
      const k = `${this.prefix}${key}`;
      const now = Date.now();
      const local = locals.get(k);
      if (local && local.resetAt > now && now - local.syncedAt < this.sync) {
        local.pending++;
        local.count++;
        cb(null, { current: local.count, ttl: local.resetAt - now });
        return;
      }
      // Sync: this hit and those counted here since the last sync go to the shared counter.
      const add = 1 + (local && local.resetAt > now ? local.pending : 0);
      const entry: LocalCount = local ?? { count: 0, resetAt: 0, pending: 0, syncedAt: now };
      entry.pending = 0;
      entry.syncedAt = now;
      if (!local) {
        if (locals.size >= 100_000) for (const [key2, l] of locals) if (l.resetAt <= now) locals.delete(key2);
        locals.set(k, entry);
      }
      const window = `${Math.max(1, Math.round(timeWindow))} milliseconds`;
      sql<{ count: number; ttl: string }>`
        insert into rate_limit_counters as c (key, count, reset_at) values (${k}, ${add}, now() + ${window}::interval)
        on conflict (key) do update set
          count = case when c.reset_at <= now() then ${add} else c.count + ${add} end,
          reset_at = case when c.reset_at <= now() then now() + ${window}::interval else c.reset_at end
        returning count, (extract(epoch from (reset_at - now())) * 1000)::bigint as ttl`
        .execute(db)
        .then(
          (r) => {
            if (!r.rows[0]) return cb(new Error("rate limit counter not returned"));
            const ttl = Math.max(0, Number(r.rows[0]!.ttl));
            // Hits counted here while the statement ran are part of the total too.
            entry.count = Number(r.rows[0]!.count) + entry.pending;
            entry.resetAt = now + ttl;
            cb(null, { current: entry.count, ttl });
          },
          (err: Error) => cb(err),
        );
    }

    read(key: string, cb: Callback) {
      sql<{ count: number; ttl: string }>`select count, (extract(epoch from (reset_at - now())) * 1000)::bigint as ttl from rate_limit_counters where key = ${`${this.prefix}${key}`} and reset_at > now()`
        .execute(db)
        .then((r) => cb(null, r.rows[0] ? { current: Number(r.rows[0].count), ttl: Number(r.rows[0].ttl) } : { current: 0, ttl: 0 }), (err: Error) => cb(err));
    }

    /** A route's own limit counts apart from the global one. */
    child(routeOptions: RouteOptions & { path: string; prefix: string }) {
      const route = (routeOptions as unknown as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(null, `${this.prefix}${route.method ?? ""}${route.url ?? ""}-`, 0);
    }
  }
  return PostgresRateLimitStore;
}

/** Removes counters whose window ended more than an hour ago. */
export async function pruneRateLimitCounters(db: Kysely<DB>): Promise<void> {
  await sql`delete from rate_limit_counters where reset_at < now() - interval '1 hour'`.execute(db);
}
