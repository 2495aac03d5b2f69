import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { migrations } from "./migrations";
import { Mutex } from "./mutex";
import { PgliteDialect } from "./pglite-dialect";
import { PreparingPool } from "./preparing-pool";
import { ReplicaSet } from "./replicas";
import type { DB } from "./schema";

/** Runs one SQL text for the job queue: `{ rows }` like node-postgres. */
// pg-boss reads its own rows from this result; their shape is its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

export interface Database {
  db: Kysely<DB>;
  /**
   * For reads that may be a little stale (the catalogue, guides, search, policies, public verification,
   * public figures): streaming replicas when configured and fresh enough, else the primary (`db`).
   */
  reader: Kysely<DB>;
  /** The replicas behind `reader` (null without any). */
  replicas: ReplicaSet | null;
  kind: "pglite" | "postgres";
  /** Raw SQL access for the job queue, sharing the embedded database's lock. */
  executeSql: ExecuteSql;
  /** The embedded database only: its whole data directory as a tar file (a test template). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * Listens on a notification channel: `onPayload` for each notification. On a server the listening
   * connection is its own and is made again when lost; `onMissed` runs when it is lost and again once it
   * is back (notifications may have been missed in between). Returns how to stop.
   */
  listen(channel: string, onPayload: (payload: string) => void, onMissed: () => void, onError: (err: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files; `memory://` for a throw-away one. */
  dataDir?: string;
  poolSize?: number;
  /** The embedded database only: start from this dumped data directory (a test template). */
  loadDataDir?: Blob;
  /** Streaming replicas of the server for stale-tolerant reads. */
  replicaUrls?: string[];
  /** A replica further behind than this is skipped (default 1,000 ms). */
  replicaMaxLagMs?: number;
  /** How often each replica's lag is checked (default 500 ms). */
  replicaCheckMs?: number;
}

// Same value shapes on both engines: dates as 'YYYY-MM-DD', bigint and numeric as numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

/** Opens the system of record: a PostgreSQL server if a URL is given, else embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // No JIT: the platform sends short statements, and PostgreSQL's JIT compiles a plan whose estimate
    // is large (a walk over the registry with per-person subqueries) for ~350 ms each time, five times
    // what the walk itself costs (政策找人 over 1,000,000 people: 84 s with JIT, 16 s without).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: "-c jit=off" });
    // An idle connection can be cut by the server (restart, admin shutdown): the pool replaces it.
    pool.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "57P01") console.warn("database connection lost:", err.message);
    });
    const primary = new PreparingPool(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: primary }) });
    let replicas: ReplicaSet | null = null;
    let reader = db;
    if (options.replicaUrls?.length) {
      replicas = new ReplicaSet(
        primary,
        pool,
        options.replicaUrls.map((url) => {
          // A replica that stops answering must not hold a read for long: the primary answers instead.
          const replicaPool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: "-c jit=off", connectionTimeoutMillis: 2_000, Client: QuietClient });
          replicaPool.on("error", () => {}); // an idle connection cut: the pool replaces it, the check notices
          return { url, pool: replicaPool, reader: new PreparingPool(replicaPool) };
        }),
        options.replicaMaxLagMs ?? 1_000,
        options.replicaCheckMs ?? 500,
      );
      await replicas.start();
      reader = new Kysely<DB>({ dialect: new PostgresDialect({ pool: replicas }) });
    }
    return {
      db,
      reader,
      replicas,
      kind: "postgres",
      executeSql: (text, values) => pool.query(text, values),
      listen: (channel, onPayload, onMissed, onError) => listenOnServer(options.databaseUrl!, channel, onPayload, onMissed, onError),
      close: async () => {
        if (reader !== db) await reader.destroy();
        await db.destroy();
      },
    };
  }

  const dataDir = options.dataDir ?? "./data";
  let location = dataDir;
  if (!dataDir.startsWith("memory://")) {
    location = path.join(dataDir, "pgdata");
    mkdirSync(location, { recursive: true });
  }
  const pglite = await PGlite.create(location, {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
  });
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite, mutex) });
  return {
    db,
    reader: db,
    replicas: null,
    kind: "pglite",
    executeSql: (text, values) =>
      mutex.run(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        // Statements without parameters may hold several commands (the job queue's migrations).
        const results = await pglite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }),
    dumpDataDir: () => mutex.run(() => pglite.dumpDataDir("none")),
    listen: async (channel, onPayload) => {
      const unlisten = await mutex.run(() => pglite.listen(channel, onPayload));
      return () => mutex.run(() => unlisten());
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * A replica's connection: when the replica goes away while the connection is lent out, its query fails
 * (and is answered by the primary); the connection's own 'error' event must not end the process.
 */
class QuietClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on("error", () => {});
  }
}

/** A connection of its own that LISTENs on `channel`, made again (after a second or more) whenever it is lost. */
async function listenOnServer(url: string, channel: string, onPayload: (payload: string) => void, onMissed: () => void, onError: (err: unknown) => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: "haoban-changes" });
    let lost = false;
    let listening = false;
    // A connection that never came up is retried by whoever called connect; one lost later, from here.
    const onLost = (err?: Error) => {
      if (!listening || lost || stopped) return;
      lost = true;
      if (err) onError(err);
      void c.end().catch(() => {});
      onMissed(); // from now until it is back, changes go unheard
      schedule();
    };
    c.on("notification", (n) => n.channel === channel && onPayload(n.payload ?? ""));
    c.on("error", onLost);
    c.on("end", () => onLost());
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      void c.end().catch(() => {});
      throw err;
    }
    listening = true;
    client = c;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      connect().then(onMissed, (err: unknown) => {
        onError(err);
        if (!stopped) schedule();
      });
    }, 1000 + Math.floor(Math.random() * 500));
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/**
 * Runs `work` while this process holds the PostgreSQL advisory lock `name`: several processes starting
 * at once on one server take turns (seeding an empty database, say). The embedded database belongs to
 * one process, so there it simply runs.
 */
export async function withAdvisoryLock<T>(database: Database, name: string, work: () => Promise<T>): Promise<T> {
  if (database.kind === "pglite") return work();
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${name}))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(conn);
    }
  });
}

/** True when every known migration has been applied (for /readyz). */
export async function migrationsApplied(db: Kysely<DB>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const list = await migrator.getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** True for PostgreSQL's unique_violation (23505), on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "23505";
}
