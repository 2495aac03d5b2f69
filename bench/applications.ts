/**
 * The acceptance benchmarks: online submission through the whole stack beside a raw insert
 * transaction of the same rows, and the staff inbox over a million applications.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import type { Database } from "../src/server/db/database";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";

export interface Timed {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Logs in and returns the cookie and CSRF token for later calls. */
export async function session(base: string, identifier: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ identifier, password: "Haoban@2026" }) });
  if (!res.ok) throw new Error(`login ${identifier}: ${res.status}`);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/**
 * The baseline for submission: the rows one submission writes (day counter, application, timeline
 * event, outbox event, audit record with its chain head), inserted in one transaction with plain SQL —
 * through `pg` on a PostgreSQL server, or statement by statement on the embedded engine — by `connections`
 * concurrent writers for `seconds`.
 */
export async function rawInsertBaseline(database: Database, databaseUrl: string | undefined, connections: number, seconds: number): Promise<Timed> {
  const ref = (await database.executeSql(
    `select i.id as item_id, i.published_version_id as version_id, i.org_id, i.region_code, (select id from workflow_definitions limit 1) as workflow_id
       from catalogue_items i where i.impl_code = 'XK00002001-3-310101-AMR'`,
  )) as { rows: Array<{ item_id: string; version_id: string; org_id: string; region_code: string; workflow_id: string }> };
  const r = ref.rows[0]!;
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: connections }) : null;
  const form = JSON.stringify(FOOD_LICENCE_FORM);
  const statements = (n: string): Array<[string, unknown[]]> => [
    [`insert into application_counters (division_code, day, last) values ('RAW', current_date, 1) on conflict (division_code, day) do update set last = application_counters.last + 1 returning last`, []],
    [
      `insert into applications (id, number, item_id, version_id, workflow_id, applicant_account_id, channel, handling_org_id, region_code, state, form_data, start_date, committed_days, legal_days, committed_deadline, legal_deadline, applicant_name)
       values ($1, $2, $3, $4, $5, null, 'online', $6, $7, 'submitted', $8::jsonb, current_date, 7, 10, current_date + 9, current_date + 14, '张伟明')`,
      [n, `RAW-${n}`, r.item_id, r.version_id, r.workflow_id, r.org_id, r.region_code, form],
    ],
    [`insert into application_events (application_id, action, to_state, actor_name, details, region_code) values ($1, 'submit', 'submitted', '张伟明', '{"channel":"online"}', $2)`, [n, r.region_code]],
    [`insert into outbox (topic, payload, region_code) values ('application.submitted', $1::jsonb, $2)`, [JSON.stringify({ applicationId: n }), r.region_code]],
    [`insert into audit_head (chain, seq, hash) values ('RAW', 0, 'genesis') on conflict (chain) do nothing`, []],
    [`select seq, hash from audit_head where chain = 'RAW' for update`, []],
    [
      `insert into audit_log (chain, seq, occurred_at, actor_name, action, target_type, target_id, details, prev_hash, hash)
       select 'RAW', seq + 1, now(), '张伟明', 'application.submit', 'application', $1, '{}'::jsonb, hash, md5(hash || $1) from audit_head where chain = 'RAW'`,
      [n],
    ],
    [`update audit_head set seq = seq + 1, hash = md5(hash || $1) where chain = 'RAW'`, [n]],
  ];
  const one = async () => {
    const id = randomUUID();
    if (pool) {
      const c = await pool.connect();
      try {
        await c.query("begin");
        for (const [text, values] of statements(id)) await c.query(text, values);
        await c.query("commit");
      } catch (err) {
        await c.query("rollback");
        throw err;
      } finally {
        c.release();
      }
    } else {
      // The embedded engine: the same statements one by one in a transaction, as the platform sends them.
      await database.db.transaction().execute(async (trx) => {
        for (const [text, values] of statements(id)) await sql.raw(inline(text, values)).execute(trx);
      });
    }
  };
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await one();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  await pool?.end();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors };
}

/** Inlines parameters for the embedded engine's multi-statement call (the values here are our own). */
function inline(text: string, values: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_m, i: string) => `'${String(values[Number(i) - 1]).replaceAll("'", "''")}'`);
}
