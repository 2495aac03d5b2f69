/**
 * The acceptance benchmarks: online submission through the whole stack beside a raw insert
 * transaction of the same rows, and the staff inbox over a million applications.
 */
import { randomUUID } from "node:crypto";
import { CompiledQuery, sql } from "kysely";
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
  const login = () => fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ identifier, password: "Haoban@2026" }) });
  // A connection kept alive across a long pause may have been closed by the server: one retry on a fresh one.
  const res = await login().catch(() => login());
  if (!res.ok) throw new Error(`login ${identifier}: ${res.status}`);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/**
 * The baseline for submission: the rows one submission writes (the day's counter, the application, its
 * timeline event, the outbox event and the unchained audit record), inserted in one transaction with
 * plain parameterised SQL through the platform's own database handle — so the same statement style
 * (prepared statements on a server, the same engine calls on PGlite) — by `connections` concurrent
 * writers for `seconds`. It does no reads, no validation and no sequencing: what the platform does
 * beyond it is the price of the service.
 */
export async function rawInsertBaseline(database: Database, connections: number, seconds: number): Promise<Timed> {
  const ref = await sql<{ item_id: string; version_id: string; org_id: string; region_code: string; workflow_id: string }>`
    select i.id as item_id, i.published_version_id as version_id, i.org_id, i.region_code, (select id from workflow_definitions limit 1) as workflow_id
      from catalogue_items i where i.impl_code = 'XK00002001-3-310101-AMR'`.execute(database.db);
  const r = ref.rows[0]!;
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
    [`insert into audit_pending (chain, occurred_at, actor_name, action, target_type, target_id, details) values ('RAW', now(), '张伟明', 'application.submit', 'application', $1, '{}'::jsonb)`, [n]],
  ];
  const one = () =>
    database.db.transaction().execute(async (trx) => {
      for (const [text, values] of statements(randomUUID())) await trx.executeQuery(CompiledQuery.raw(text, values));
    });
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
  // The baseline's records are not the platform's: they leave no trace in its audit chains.
  await sql`delete from audit_pending where chain = 'RAW'`.execute(database.db);
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors };
}
