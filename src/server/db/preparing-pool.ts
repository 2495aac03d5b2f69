import type pg from "pg";
import type { PostgresPool, PostgresPoolClient } from "kysely";

/** How many statements one server connection keeps prepared before it is replaced. */
const STATEMENTS_PER_CONNECTION = 1000;
/** PostgreSQL's answer when a prepared statement's result columns changed under it (after DDL). */
const CACHED_PLAN_CHANGED = "0A000";

interface Prepared {
  names: Map<string, string>;
  /** Set when the connection should go rather than return to the pool. */
  retire: boolean;
}

/**
 * A pool for Kysely whose connections prepare each statement once (node-postgres named statements)
 * and reuse it, so that PostgreSQL parses and plans a request's short statements only the first
 * time. A connection that has prepared more than its share of distinct statements is closed on
 * release (its statements go with it) and the pool opens a fresh one; a statement whose result
 * changed shape under a schema change runs unprepared and its connection is replaced.
 */
export class PreparingPool implements PostgresPool {
  private readonly prepared = new WeakMap<pg.PoolClient, Prepared>();
  private counter = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly limit = STATEMENTS_PER_CONNECTION,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let state = this.prepared.get(client);
    if (!state) {
      state = { names: new Map(), retire: false };
      this.prepared.set(client, state);
    }
    const prepared = state;
    return {
      query: (async (text: string, values: readonly unknown[]) => {
        let name = prepared.names.get(text);
        if (!name) {
          name = `haoban_${++this.counter}`;
          prepared.names.set(text, name);
          if (prepared.names.size > this.limit) prepared.retire = true;
        }
        try {
          return await client.query({ name, text, values: [...values] });
        } catch (err) {
          if ((err as { code?: string }).code !== CACHED_PLAN_CHANGED) throw err;
          prepared.retire = true;
          return client.query(text, [...values]);
        }
      }) as unknown as PostgresPoolClient["query"],
      release: (destroy?: boolean) => client.release(destroy || prepared.retire),
    };
  }

  end() {
    return this.pool.end();
  }
}
