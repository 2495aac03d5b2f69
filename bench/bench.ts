/**
 * npm run bench — HTTP load with autocannon against a running Haoban server (embedded database,
 * or DATABASE_URL), each operation beside a bare Fastify route measured in the same run.
 * Prints requests/s, p50 and p99 latency, and the ratio to the baseline. Options:
 *   BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10)
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { FieldCipher } from "../src/server/crypto/field-cipher";
import { migrateToLatest, openDatabase } from "../src/server/db/database";
import { isEmpty, seedDemo } from "../src/server/seed/seed-demo";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

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

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-bench-"));
  const config = {
    ...loadConfig(),
    dataDir,
    logLevel: "warn",
    rateLimitPerMinute: 10_000_000,
    loginRateLimitPerMinute: 10_000_000,
    loginMaxFailures: 1_000_000,
    webDist: "./no-web-for-bench",
  };
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });
  await migrateToLatest(database.db);
  const cipher = new FieldCipher(randomBytes(32));
  if (await isEmpty(database.db)) await seedDemo(database.db, cipher);
  const { app } = await buildApp({ config, database, cipher, logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

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

  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`\n${pad("operation", 34)}${pad("req/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("errors", 8)}| ${pad("bare req/s", 12)}${pad("bare p50", 10)}${pad("bare p99", 10)}| throughput ratio`);
  for (const [name, f, b] of rows) {
    console.log(
      `${pad(name, 34)}${pad(f.rps.toFixed(0), 10)}${pad(f.p50, 9)}${pad(f.p99, 9)}${pad(f.errors + f.non2xx, 8)}| ${pad(b.rps.toFixed(0), 12)}${pad(b.p50, 10)}${pad(b.p99, 10)}| ${(f.rps / b.rps).toFixed(3)} of bare`,
    );
  }
  console.log(`\nresident memory after the runs: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);

  await app.close();
  await bare.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
