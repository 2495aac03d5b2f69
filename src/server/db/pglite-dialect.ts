import { type PGlite, type Results, parse, protocol } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Kysely,
} from "kysely";
import type { Mutex } from "./mutex";

/**
 * Kysely dialect for embedded PGlite. PGlite has a single connection, so a connection is handed
 * out under a mutex: a transaction holds it from BEGIN to COMMIT and nothing else interleaves.
 * The same mutex guards the job queue's statements (see jobs/job-queue.ts).
 */
export class PgliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly mutex: Mutex,
    private readonly options: { statementCacheSize?: number } = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.pglite, this.mutex, this.options.statementCacheSize ?? STATEMENT_CACHE_SIZE);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PgliteDriver implements Driver {
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  private readonly statements: PreparedStatements;

  constructor(
    pglite: PGlite,
    private readonly mutex: Mutex,
    statementCacheSize: number,
  ) {
    this.statements = new PreparedStatements(pglite, statementCacheSize);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    // One connection object per acquisition so that releases never cross.
    const connection = new PgliteConnection(this.statements);
    this.releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(connection: DatabaseConnection) {
    this.releases.get(connection)?.();
    this.releases.delete(connection);
  }
  async destroy() {}
}

/** How many statements stay prepared; the least recently used is closed beyond it. */
const STATEMENT_CACHE_SIZE = 500;
/** PostgreSQL's answer when a prepared statement's result columns changed under it (after DDL). */
const CACHED_PLAN_CHANGED = "0A000";

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * Named prepared statements on PGlite's one session, keyed by SQL text. PGlite's `query` parses,
 * describes and plans every statement anew in six calls into the engine; a statement prepared once
 * is then bound and executed in one call, and PostgreSQL reuses its plan — several times faster for
 * the short statements a request makes. Parameters are serialised by the types the server inferred,
 * results parsed with the instance's parsers, exactly as `query` does.
 */
class PreparedStatements {
  private readonly cache = new Map<string, { name: string; paramTypes: number[] }>();
  private counter = 0;

  constructor(
    private readonly pglite: PGlite,
    private readonly size: number,
  ) {}

  async run<R>(text: string, params: readonly unknown[]): Promise<Results<R>> {
    try {
      return await this.execute<R>(text, params);
    } catch (err) {
      // A statement prepared before a schema change may no longer describe its result: prepare again.
      if ((err as { code?: string }).code !== CACHED_PLAN_CHANGED || !this.cache.has(text)) throw err;
      await this.forget(text);
      return this.execute<R>(text, params);
    }
  }

  private async execute<R>(text: string, params: readonly unknown[]): Promise<Results<R>> {
    const { name, paramTypes } = await this.prepare(text);
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = this.pglite.serializers[paramTypes[i]!];
      return serializer ? serializer(v) : String(v);
    });
    const { serialize } = protocol;
    const { messages } = await this.pglite.execProtocol(concat([serialize.bind({ statement: name, values }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync()]), {});
    return parse.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
  }

  private async prepare(text: string) {
    const hit = this.cache.get(text);
    if (hit) {
      // Most recently used last: a Map keeps insertion order.
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit;
    }
    const name = `haoban_${++this.counter}`;
    const { serialize } = protocol;
    const { messages } = await this.pglite.execProtocol(concat([serialize.parse({ name, text, types: [] }), serialize.describe({ type: "S", name }), serialize.sync()]), { syncToFs: false });
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    this.cache.set(text, statement);
    if (this.cache.size > this.size) await this.forget(this.cache.keys().next().value!);
    return statement;
  }

  private async forget(text: string) {
    const statement = this.cache.get(text);
    if (!statement) return;
    this.cache.delete(text);
    const { serialize } = protocol;
    await this.pglite.execProtocol(concat([serialize.close({ type: "S", name: statement.name }), serialize.sync()]), { syncToFs: false });
  }
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly statements: PreparedStatements) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.statements.run<R>(compiledQuery.sql, compiledQuery.parameters);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(compiledQuery.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported on the embedded database");
  }
}
