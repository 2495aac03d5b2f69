import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { PROMISE_TEMPLATE } from "../../shared/workflow-definition";
import type { DB } from "../db/schema";
import { canonicalJson } from "../../shared/canonical-json";

/** The stored 承诺件 template (generated applications follow it). */
export async function promiseWorkflowId(db: Kysely<DB>): Promise<string> {
  const definition = JSON.stringify(PROMISE_TEMPLATE);
  const hash = createHash("sha256").update(canonicalJson(PROMISE_TEMPLATE)).digest("hex");
  await db.insertInto("workflow_definitions").values({ hash, definition }).onConflict((oc) => oc.column("hash").doNothing()).execute();
  return (await db.selectFrom("workflow_definitions").select("id").where("hash", "=", hash).executeTakeFirstOrThrow()).id;
}

/**
 * Generates `count` synthetic applications inside PostgreSQL (generate_series, in batches) across
 * every published implementation item, spread over states, channels and two years of submission
 * dates: enough volume to measure the inbox and the deadline scans. Numbers carry a `S` prefix so
 * they never collide with real ones. Returns the rows written per second.
 */
export async function seedScaleApplications(db: Kysely<DB>, count: number, onProgress?: (done: number) => void): Promise<{ count: number; rowsPerSecond: number }> {
  const workflowId = await promiseWorkflowId(db);
  const start = (await db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n")).where("number", "like", "S%").executeTakeFirstOrThrow()).n;
  const batch = 50_000;
  const began = performance.now();
  for (let from = Number(start) + 1; from <= Number(start) + count; from += batch) {
    const to = Math.min(from + batch - 1, Number(start) + count);
    await sql`
      with items as (
        select row_number() over (order by i.impl_code) - 1 as n, i.id, i.published_version_id, i.org_id, i.region_code
        from catalogue_items i where i.published_version_id is not null
      ), total as (select count(*) as c from items)
      insert into applications (number, item_id, version_id, workflow_id, channel, handling_org_id, region_code, state, outcome,
        form_data, submitted_at, start_date, committed_days, legal_days, committed_deadline, legal_deadline, applicant_name, step_deadline,
        decided_at, decided_working_days)
      select 'S' || items.region_code || '-' || lpad(g::text, 9, '0'), items.id, items.published_version_id, ${workflowId}::uuid,
        (array['online','window','mobile','agent'])[1 + g % 4], items.org_id, items.region_code,
        (array['submitted','reviewing','deciding','supplement','approved','denied','approved','approved'])[1 + g % 8],
        case g % 8 when 4 then 'approved' when 5 then 'denied' when 6 then 'approved' when 7 then 'approved' else null end,
        '{}'::jsonb, timestamptz '2025-01-01 09:00+08' + (g % 700) * interval '1 day', date '2025-01-01' + (g % 700),
        7, 20, date '2025-01-01' + (g % 700) + 11, date '2025-01-01' + (g % 700) + 28,
        '申请人' || (g % 9973), null,
        case when g % 8 >= 4 then timestamptz '2025-01-01 15:00+08' + (g % 700 + g % 15) * interval '1 day' end,
        case when g % 8 >= 4 then (g % 15) * 5 / 7 end
      from generate_series(${from}::int, ${to}::int) as g
      join items on items.n = g % (select c from total)`.execute(db);
    onProgress?.(to - Number(start));
  }
  const seconds = (performance.now() - began) / 1000;
  // A bulk load leaves the planner's statistics behind (autovacuum would catch up a little later).
  await sql`analyze applications`.execute(db);
  return { count, rowsPerSecond: Math.round(count / seconds) };
}
