import type { RouteOptions } from "fastify";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in PostgreSQL, so that a limit holds for the
 * whole deployment however many server processes share the database. One statement per request:
 * an upsert that starts a new window (by the database's clock) when the old one has ended.
 */
export function postgresRateLimitStore(db: Kysely<DB>) {
  class PostgresRateLimitStore {
    constructor(
      _params: unknown,
      private readonly prefix = "",
    ) {}

    incr(key: string, cb: Callback, timeWindow: number) {
      const k = `${this.prefix}${key}`;
      const window = `${Math.max(1, Math.round(timeWindow))} milliseconds`;
      sql<{ count: number; ttl: string }>`
        insert into rate_limit_counters as c (key, count, reset_at) values (${k}, 1, now() + ${window}::interval)
        on conflict (key) do update set
          count = case when c.reset_at <= now() then 1 else c.count + 1 end,
          reset_at = case when c.reset_at <= now() then now() + ${window}::interval else c.reset_at end
        returning count, (extract(epoch from (reset_at - now())) * 1000)::bigint as ttl`
        .execute(db)
        .then((r) => cb(null, { current: Number(r.rows[0]!.count), ttl: Math.max(0, Number(r.rows[0]!.ttl)) }), (err: Error) => cb(err));
    }

    read(key: string, cb: Callback) {
      sql<{ count: number; ttl: string }>`select count, (extract(epoch from (reset_at - now())) * 1000)::bigint as ttl from rate_limit_counters where key = ${`${this.prefix}${key}`} and reset_at > now()`
        .execute(db)
        .then((r) => cb(null, r.rows[0] ? { current: Number(r.rows[0].count), ttl: Number(r.rows[0].ttl) } : { current: 0, ttl: 0 }), (err: Error) => cb(err));
    }

    /** A route's own limit counts apart from the global one. */
    child(routeOptions: RouteOptions & { path: string; prefix: string }) {
      const route = (routeOptions as unknown as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(null, `${this.prefix}${route.method ?? ""}${route.url ?? ""}-`);
    }
  }
  return PostgresRateLimitStore;
}

/** Removes counters whose window ended more than an hour ago. */
export async function pruneRateLimitCounters(db: Kysely<DB>): Promise<void> {
  await sql`delete from rate_limit_counters where reset_at < now() - interval '1 hour'`.execute(db);
}
