/**
 * npm run bench — HTTP load with autocannon against a running Haoban server (embedded database,
 * or DATABASE_URL), each operation beside a bare Fastify route measured in the same run.
 * Prints requests/s, p50 and p99 latency, and the ratio to the baseline. Options:
 * Also: online submission beside a raw insert transaction of the same rows, and the staff inbox
 * over BENCH_APPLICATIONS generated applications (default 1,000,000). Options:
 *   BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10), BENCH_APPLICATIONS
 * Also: consented prefill of a 20-field form with BENCH_PERSONS people in the population registry
 * (default 10,000,000), and public certificate verification beside the bare route.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import Fastify from "fastify";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { FieldCipher } from "../src/server/crypto/field-cipher";
import { migrateToLatest, openDatabase } from "../src/server/db/database";
import { isEmpty, seedDemo } from "../src/server/seed/seed-demo";
import { generateCatalogue } from "../src/server/seed/catalogue/generate-catalogue";
import { RELEVANCE_SET } from "../src/server/modules/search/relevance-set";
import { seedScaleApplications } from "../src/server/seed/seed-applications";
import { rawInsertBaseline, session } from "./applications";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { fillPopulation, prepareTwentyFieldItem } from "./once-only";
import { autoApprovalLatency, policyMatch } from "./proactive";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const applicationCount = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const personCount = Number(process.env.BENCH_PERSONS ?? 10_000_000);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, opts: Partial<autocannon.Options> = {}): Promise<Figures> {
  const r = await autocannon({ url, connections, duration: seconds, ...opts });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const cipherOf = new WeakMap<object, FieldCipher>();

async function startHaoban(extraItems: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-bench-"));
  const config = {
    ...loadConfig(),
    dataDir,
    logLevel: "warn",
    rateLimitPerMinute: 10_000_000,
    loginRateLimitPerMinute: 10_000_000,
    loginMaxFailures: 1_000_000,
    webDist: "./no-web-for-bench",
    seedDemo: false,
  };
  // A second catalogue needs its own database: on a server, a fresh database beside DATABASE_URL's.
  let databaseUrl = config.databaseUrl;
  let created: string | null = null;
  if (databaseUrl && extraItems > 0) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const name = `haoban_bench_${Date.now()}`;
    created = name;
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const database = await openDatabase({ databaseUrl, dataDir });
  await migrateToLatest(database.db);
  const cipher = new FieldCipher(randomBytes(32));
  if (await isEmpty(database.db)) await seedDemo(database.db, cipher);
  if (extraItems > 0) await generateCatalogue(database.db, extraItems);
  const { app, services } = await buildApp({ config, database, cipher, logger: false });
  cipherOf.set(database, cipher);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const indexStarted = performance.now();
  const index = await services.search.current();
  const indexMs = performance.now() - indexStarted;
  const close = async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (created && config.databaseUrl) {
      const admin = new pg.Client({ connectionString: config.databaseUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${created} with (force)`);
      await admin.end();
    }
  };
  return { base, database, databaseUrl, close, indexMs, docs: index.docs.length };
}

/** Rotates through the relevance set's queries, so the search run is a realistic mix. */
function searchRequests() {
  return RELEVANCE_SET.map((c) => ({ method: "GET" as const, path: `/api/v1/search?q=${encodeURIComponent(c.q)}&limit=10` }));
}

async function main() {
  const haoban = await startHaoban(0);
  const { base, database } = haoban;

  // The baseline: a bare Fastify with one GET and one JSON POST route, in the same process.
  const bare = Fastify();
  bare.get("/bare", async () => ({ ok: true }));
  bare.post("/bare", async (req) => ({ ok: true, got: (req.body as { identifier?: string }).identifier }));
  await bare.listen({ port: 0, host: "127.0.0.1" });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const loginBody = JSON.stringify({ identifier: "13800000001", password: "Haoban@2026" });
  const res = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: loginBody });
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;

  console.log(`Haoban bench · ${database.kind} · ${connections} connections · ${seconds}s per run · node ${process.version}`);
  const rows: Array<[string, Figures, Figures]> = [];
  const bareGet = await load(`${bareBase}/bare`);
  rows.push(["GET /api/v1/me", await load(`${base}/api/v1/me`, { headers: { cookie } }), bareGet]);
  const barePost = await load(`${bareBase}/bare`, { method: "POST", headers: { "content-type": "application/json" }, body: loginBody });
  rows.push(["POST /api/v1/auth/login (scrypt)", await load(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: loginBody }), barePost]);

  const searchDemo = await load(base, { requests: searchRequests() });
  rows.push([`GET /api/v1/search (${haoban.docs} docs)`, searchDemo, bareGet]);
  // The second server, with a generated 10,000-item catalogue: measured, closed and let go — nothing of it
  // stays reachable, so its index does not weigh on the runs below (a larger heap makes every collection slower).
  const { searchBig, bigIndex } = await (async () => {
    const big = await startHaoban(10_000);
    const figures = await load(big.base, { requests: searchRequests() });
    const index = { ms: big.indexMs, docs: big.docs };
    await big.close();
    return { searchBig: figures, bigIndex: index };
  })();
  rows.push([`GET /api/v1/search (${bigIndex.docs} docs)`, searchBig, bareGet]);

  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`\n${pad("operation", 34)}${pad("req/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("errors", 8)}| ${pad("bare req/s", 12)}${pad("bare p50", 10)}${pad("bare p99", 10)}| throughput ratio`);
  for (const [name, f, b] of rows) {
    console.log(
      `${pad(name, 34)}${pad(f.rps.toFixed(0), 10)}${pad(f.p50, 9)}${pad(f.p99, 9)}${pad(f.errors + f.non2xx, 8)}| ${pad(b.rps.toFixed(0), 12)}${pad(b.p50, 10)}${pad(b.p99, 10)}| ${(f.rps / b.rps).toFixed(3)} of bare`,
    );
  }
  // Acceptance: submission through the whole stack vs the same rows inserted raw; then the inbox at volume.
  const citizen = await session(base, "13800000001");
  const item = await database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
  const submit = await load(`${base}/api/v1/applications`, {
    method: "POST",
    headers: { cookie: citizen.cookie, "x-csrf-token": citizen.csrf, "content-type": "application/json" },
    body: JSON.stringify({ itemId: item.id, formData: FOOD_LICENCE_FORM }),
  });
  const raw = await rawInsertBaseline(database, haoban.databaseUrl, connections, seconds);
  const elderly = await autoApprovalLatency(database, base, await session(base, "13800000004"));
  const reviewer = await session(base, "review.amr.huangpu"); // before the long generation: no idle keep-alive to trip over
  const seeded = await seedScaleApplications(database.db, applicationCount);
  const inboxRuns: Array<[string, Figures]> = [];
  for (const query of ["state=reviewing", "overdue=true", `q=${encodeURIComponent("申请人42")}`]) {
    const url = `${base}/api/v1/applications/inbox?${query}&limit=20`;
    inboxRuns.push([`inbox ?${decodeURIComponent(query)} · 1 user`, await load(url, { headers: { cookie: reviewer.cookie }, connections: 1 })]);
    inboxRuns.push([`inbox ?${decodeURIComponent(query)} · ${connections} at once`, await load(url, { headers: { cookie: reviewer.cookie } })]);
  }

  console.log(`\n${pad("acceptance", 34)}${pad("req/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("errors", 8)}| ${pad("raw req/s", 12)}${pad("raw p50", 10)}${pad("raw p99", 10)}| ratio (target ≥ 0.5)`);
  console.log(
    `${pad("POST /api/v1/applications", 34)}${pad(submit.rps.toFixed(0), 10)}${pad(submit.p50, 9)}${pad(submit.p99, 9)}${pad(submit.errors + submit.non2xx, 8)}| ${pad(raw.rps.toFixed(0), 12)}${pad(raw.p50, 10)}${pad(raw.p99, 10)}| ${(submit.rps / raw.rps).toFixed(3)} of raw insert`,
  );
  console.log(`\n${applicationCount.toLocaleString("en")} applications generated at ${seeded.rowsPerSecond.toLocaleString("en")} rows/s; inbox of 黄浦区市场监督管理局 (target p99 < 50 ms):`);
  for (const [name, f] of inboxRuns) console.log(`${pad(name, 44)}${pad(f.rps.toFixed(0), 10)}p50 ${pad(f.p50, 6)}p99 ${pad(f.p99, 6)}errors ${f.errors + f.non2xx}  ${f.p99 < 50 ? "✓" : "✗ over target"}`);

  // Once-only data: prefill of a 20-field form at registry scale, and verification beside the bare route.
  const identifier = (await database.db.selectFrom("certificates").select("identifier").where("type_code", "=", "business_licence").executeTakeFirstOrThrow()).identifier;
  // The bare route again, right beside verification: both measured with the process as it is by now.
  const bareBeside = await load(`${bareBase}/bare`);
  const verify = await load(`${base}/api/v1/certificates/verify?id=${encodeURIComponent(identifier)}`);
  const twentyFieldItem = await prepareTwentyFieldItem(database);
  const mother = await session(base, "13800000002");
  const filled = await fillPopulation(database, cipherOf.get(database)!, personCount, (n) => process.stdout.write(`\rpopulation registry: ${n.toLocaleString("en")} people`));
  process.stdout.write("\n");
  const prefillOpts = { method: "POST" as const, headers: { cookie: mother.cookie, "x-csrf-token": mother.csrf, "content-type": "application/json" }, body: JSON.stringify({ consent: true }) };
  const prefillUrl = `${base}/api/v1/catalogue/items/${twentyFieldItem}/prefill`;
  const probe = await fetch(prefillUrl, prefillOpts);
  const probeBody = (await probe.json()) as { fields?: unknown[] };
  // A short warm-up first: the compiler and the database's caches settle before the measured run.
  await load(prefillUrl, { ...prefillOpts, connections: 1, duration: 2 });
  const prefill1 = await load(prefillUrl, { ...prefillOpts, connections: 1 });
  const prefillN = await load(prefillUrl, prefillOpts);
  console.log(`\nonce-only data (population registry: ${personCount.toLocaleString("en")} people, filled at ${filled.rowsPerSecond.toLocaleString("en")} rows/s; form: 20 bound fields, ${probeBody.fields?.length ?? 0} filled):`);
  console.log(`${pad("POST …/prefill · 1 user", 44)}${pad(prefill1.rps.toFixed(0), 10)}p50 ${pad(prefill1.p50, 6)}p99 ${pad(prefill1.p99, 6)}errors ${prefill1.errors + prefill1.non2xx}  ${prefill1.p99 < 10 ? "✓" : "✗ over target"} (target p99 < 10 ms)`);
  console.log(`${pad(`POST …/prefill · ${connections} at once`, 44)}${pad(prefillN.rps.toFixed(0), 10)}p50 ${pad(prefillN.p50, 6)}p99 ${pad(prefillN.p99, 6)}errors ${prefillN.errors + prefillN.non2xx}`);
  console.log(`${pad("GET /api/v1/certificates/verify", 44)}${pad(verify.rps.toFixed(0), 10)}p50 ${pad(verify.p50, 6)}p99 ${pad(verify.p99, 6)}errors ${verify.errors + verify.non2xx}  ${(verify.rps / bareBeside.rps).toFixed(3)} of bare (${bareBeside.rps.toFixed(0)} req/s measured just before) ${verify.rps / bareBeside.rps >= 1 / 3 ? "✓" : "✗ under target"} (target ≥ 0.333)`);

  const match = await policyMatch(database, 1_000_000);
  console.log(`\ninstant and proactive service:`);
  console.log(`${pad(`秒批 submit → certificate · ${elderly.runs} in turn`, 44)}p50 ${pad(elderly.p50.toFixed(1), 7)}p99 ${pad(elderly.p99.toFixed(1), 7)}| handed to people: p50 ${elderly.baseP50.toFixed(1)} p99 ${elderly.baseP99.toFixed(1)} | ratio p50 ${(elderly.p50 / elderly.baseP50).toFixed(2)}  ${elderly.p99 < 1000 ? "✓" : "✗ over target"} (target p99 < 1 s)`);
  console.log(`${pad(`政策找人 over ${match.seen.toLocaleString("en")} people`, 44)}${(match.ms / 1000).toFixed(1)} s, ${match.matched.toLocaleString("en")} matched | rule alone in memory: ${(match.memMs / 1000).toFixed(1)} s | ratio ${(match.ms / match.memMs).toFixed(1)}  ${match.ms < 60_000 ? "✓" : "✗ over target"} (target < 1 min)`);
  console.log(`\nsearch index build: ${haoban.indexMs.toFixed(0)} ms for ${haoban.docs} documents; ${bigIndex.ms.toFixed(0)} ms for ${bigIndex.docs} documents`);
  console.log(`resident memory after the runs: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);

  await haoban.close();
  await bare.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
