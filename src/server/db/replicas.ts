import { AsyncLocalStorage } from "node:async_hooks";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";

/**
 * Whether the work in progress must read from the primary: set per request (a request that writes, or
 * that comes from someone who wrote a moment ago — read-your-writes), seen by every read it makes.
 */
const readRouting = new AsyncLocalStorage<{ primary: boolean }>();

/** Runs `work` with its reads routed: to the primary when `primary`, else where the reader may go. */
export function routeReads<T>(primary: boolean, work: () => T): T {
  return readRouting.run({ primary }, work);
}

export interface ReplicaStatus {
  url: string;
  usable: boolean;
  /** How far behind the primary the replica was at the last check (0: it had replayed everything). */
  lagMs: number | null;
  problem: string | null;
}

interface Replica {
  pool: pg.Pool;
  reader: PostgresPool;
  status: ReplicaStatus;
}

/** Errors that say the connection or the server is gone (not that the statement was wrong). */
function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? "";
  const message = (err as Error).message ?? "";
  return ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006"].includes(code) || /Connection terminated|connection.*(closed|ended)|timeout exceeded when trying to connect/i.test(message);
}

/** Hides a replica's password in what is shown of it. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unreadable address)";
  }
}

/**
 * The reads that may be a little stale, spread over streaming replicas of the primary
 * (`DATABASE_REPLICA_URLS`). Every `checkEveryMs` each replica is asked how far it has replayed the
 * primary's WAL: one that has replayed all the primary had written when asked lags 0; one behind lags
 * by the age of the last transaction it replayed. A replica is used while it answers, is in recovery
 * and lags at most `maxLagMs`; otherwise — and within a request that wrote or comes right after a
 * write of the same user (`routeReads`) — the read goes to the primary. A read that finds its replica
 * gone is run again on the primary at once (reads only: nothing is done twice), and the replica is
 * skipped until a check finds it back.
 */
export class ReplicaSet implements PostgresPool {
  private readonly replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Reads served by a replica, and reads run again on the primary because their replica was gone. */
  readonly counts = { replica: 0, fallbacks: 0 };

  constructor(
    private readonly primary: PostgresPool,
    private readonly primaryPool: pg.Pool,
    replicas: Array<{ url: string; pool: pg.Pool; reader: PostgresPool }>,
    private readonly maxLagMs: number,
    private readonly checkEveryMs: number,
  ) {
    this.replicas = replicas.map((r) => ({ pool: r.pool, reader: r.reader, status: { url: redact(r.url), usable: false, lagMs: null, problem: "not checked yet" } }));
  }

  /** Checks every replica now, then every `checkEveryMs`. */
  async start(): Promise<void> {
    await this.check();
    const loop = () => {
      this.timer = setTimeout(() => void this.check().finally(() => this.timer && loop()), this.checkEveryMs);
      this.timer.unref();
    };
    loop();
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((r) => ({ ...r.status }));
  }

  async check(): Promise<void> {
    let primaryLsn: string;
    try {
      primaryLsn = (await this.primaryPool.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0]!.lsn;
    } catch {
      return; // the primary is not answering: nothing to compare with; reads fail or succeed with it
    }
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const { rows } = await r.pool.query<{ standby: boolean; behind: number | null; since_ms: number | null }>(
            "select pg_is_in_recovery() as standby, pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::float8 as behind, (extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000)::float8 as since_ms",
            [primaryLsn],
          );
          const row = rows[0]!;
          if (!row.standby) {
            r.status = { ...r.status, usable: false, lagMs: null, problem: "not a replica (not in recovery)" };
            return;
          }
          // Behind, and no transaction replayed since it started: how far is unknown, so it is not used.
          const lagMs = row.behind === null ? null : row.behind <= 0 ? 0 : row.since_ms === null ? null : Math.max(0, Math.round(row.since_ms));
          const usable = lagMs !== null && lagMs <= this.maxLagMs;
          r.status = { ...r.status, usable, lagMs, problem: usable ? null : `behind by ${lagMs === null ? "an unknown time" : `${lagMs} ms`} (bound ${this.maxLagMs} ms)` };
        } catch (err) {
          r.status = { ...r.status, usable: false, lagMs: null, problem: (err as Error).message };
        }
      }),
    );
  }

  async connect(): Promise<PostgresPoolClient> {
    const replica = readRouting.getStore()?.primary ? undefined : this.pick();
    if (!replica) return this.primary.connect();
    let client: PostgresPoolClient;
    try {
      client = await replica.reader.connect();
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      this.markDown(replica, err);
      this.counts.fallbacks++;
      return this.primary.connect();
    }
    this.counts.replica++;
    let broken = false;
    return {
      query: (async (text: string, values: readonly unknown[]) => {
        try {
          return await client.query(text, values);
        } catch (err) {
          if (!isConnectionError(err)) throw err;
          broken = true;
          this.markDown(replica, err);
          this.counts.fallbacks++;
          const fallback = await this.primary.connect();
          try {
            return await fallback.query(text, values);
          } finally {
            fallback.release();
          }
        }
      }) as unknown as PostgresPoolClient["query"],
      release: () => client.release(broken || undefined),
    };
  }

  async end(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(this.replicas.map((r) => r.pool.end().catch(() => {})));
  }

  private pick(): Replica | undefined {
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length]!;
      if (r.status.usable) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return r;
      }
    }
    return undefined;
  }

  private markDown(replica: Replica, err: unknown) {
    replica.status = { ...replica.status, usable: false, lagMs: null, problem: (err as Error).message };
  }
}
