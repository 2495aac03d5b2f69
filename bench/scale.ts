/**
 * The latency targets at a city's size: `npx tsx bench/scale.ts` against a database filled by
 * `npm run seed:scale -- --city` (DATABASE_URL, and HAOBAN_DATA_KEY the key it was filled with). Prints
 * each table's rows and size on disk, then starts one HTTP process on it and measures, with 10 users at
 * once, `/me`, search, the inbox, 我的数据使用记录 (the audit log by subject, across its monthly
 * partitions), a 20-field prefill and submission — each beside the same process's `/healthz` measured in
 * the same run as the baseline, the writes also beside a raw insert of a submission's rows (the floor
 * this machine sets for any request that writes).
 */
import { loadConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/database";
import { sequencerFor } from "../src/server/modules/audit";
import { RELEVANCE_SET } from "../src/server/modules/search/relevance-set";
import { printTableSizes } from "../src/server/seed/table-sizes";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { rawInsertBaseline, session } from "./applications";
import { runLoad, type Figures, type LoadJob } from "./load";
import { prepareTwentyFieldItem } from "./once-only";
import { serverEnv, startServer } from "./processes";

const config = loadConfig();
if (!config.databaseUrl || !config.dataKey) {
  console.error("bench/scale.ts needs DATABASE_URL (a database filled by `npm run seed:scale -- --city`) and HAOBAN_DATA_KEY");
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const users = Number(process.env.BENCH_CONNECTIONS ?? 10);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: "./no-data-dir", poolSize: users });
await printTableSizes(database.db);
console.log("");

const twentyFieldItem = await prepareTwentyFieldItem(database);
const item = await database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
// The machine's floor for a request that writes: a submission's rows inserted raw, as many writers at once.
const raw = await rawInsertBaseline(database, users, seconds);
await sequencerFor(database.db).idle(); // what the preparation recorded is chained before the handle closes
await database.close();

const port = 4700 + Math.floor(Math.random() * 200);
const server = await startServer(1, serverEnv(config.databaseUrl, config.dataKey, port), port);
const checks: Array<{ name: string; figure: string; target: string; ok: boolean }> = [];
try {
  const base = `http://127.0.0.1:${port}`;
  const citizen = await session(base, "13800000001");
  const mother = await session(base, "13800000002");
  const reviewer = await session(base, "review.amr.huangpu");
  const measure = async (job: LoadJob) => {
    await runLoad({ connections: users, duration: 1, ...job }); // warm-up
    return runLoad({ connections: users, duration: seconds, ...job });
  };
  await fetch(`${base}/api/v1/search?q=${encodeURIComponent("营业执照")}`); // the index is built before any search is timed
  const baseline = await measure({ url: `${base}/healthz` });
  const line = (name: string, f: Figures, target: number) => {
    console.log(`${name.padEnd(48)}${f.rps.toFixed(0).padStart(7)}/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  ${(f.rps / baseline.rps).toFixed(3)} of /healthz`);
    checks.push({ name: `${name} p99`, figure: `${f.p99} ms`, target: `p99 < ${target} ms`, ok: f.p99 < target && f.errors + f.non2xx === 0 });
  };
  console.log(`${"GET /healthz (baseline)".padEnd(48)}${baseline.rps.toFixed(0).padStart(7)}/s  p50 ${String(baseline.p50).padStart(4)} ms  p99 ${String(baseline.p99).padStart(4)} ms`);
  line("GET /api/v1/me", await measure({ url: `${base}/api/v1/me`, headers: { cookie: citizen.cookie } }), 50);
  line("GET /api/v1/search (relevance set)", await measure({ url: base, requests: RELEVANCE_SET.map((c) => ({ method: "GET", path: `/api/v1/search?q=${encodeURIComponent(c.q)}&limit=10` })) }), 20);
  for (const query of ["state=reviewing", "overdue=true", `q=${encodeURIComponent("申请人42")}`]) {
    line(`GET inbox ?${decodeURIComponent(query)}`, await measure({ url: `${base}/api/v1/applications/inbox?${query}&limit=20`, headers: { cookie: reviewer.cookie } }), 50);
  }
  line("GET /api/v1/me/data-access (audit log)", await measure({ url: `${base}/api/v1/me/data-access?limit=20`, headers: { cookie: mother.cookie } }), 50);
  console.log(`${"raw insert of a submission's rows (the floor)".padEnd(48)}${raw.rps.toFixed(0).padStart(7)}/s  p50 ${String(raw.p50).padStart(4)} ms  p99 ${String(raw.p99).padStart(4)} ms`);
  line("POST …/prefill (20 fields)", await measure({ url: `${base}/api/v1/catalogue/items/${twentyFieldItem}/prefill`, method: "POST", headers: { cookie: mother.cookie, "x-csrf-token": mother.csrf, "content-type": "application/json" }, body: JSON.stringify({ consent: true }) }), 10);
  line("POST /api/v1/applications", await measure({ url: `${base}/api/v1/applications`, method: "POST", headers: { cookie: citizen.cookie, "x-csrf-token": citizen.csrf, "content-type": "application/json" }, body: JSON.stringify({ itemId: item.id, formData: FOOD_LICENCE_FORM, promise: true }) }), 50);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}
console.log("");
for (const c of checks) console.log(`  ${c.ok ? "✓" : "✗"} ${c.name.padEnd(52)}${c.figure.padEnd(12)}${c.target}`);
process.exit(checks.every((c) => c.ok) ? 0 : 1);
