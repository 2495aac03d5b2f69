import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/server/config";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { childProcesses } from "../src/server/testing/processes";
import { generateCatalogue } from "../src/server/seed/catalogue/generate-catalogue";
import { RELEVANCE_SET } from "../src/server/modules/search/relevance-set";
import { freshBenchDatabase } from "./bench-database";
import { runLoad } from "./load";

export interface ProcessesCheck {
  name: string;
  figure: string;
  target: string;
  ok: boolean | null;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by a process and every process under it (the cluster's primary and its HTTP processes). */
function treeCpuSeconds(pid: number): number {
  const stat = (p: number) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
    } catch {
      return 0;
    }
  };
  return stat(pid) + childProcesses(pid).reduce((sum, c) => sum + treeCpuSeconds(c), 0);
}

/** Resident memory of a process (VmRSS), in MiB. */
function residentMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  return kb / 1024;
}

/** The settings a spawned bench server runs with: its database, no demo department system, simulators on their own ports. */
export function serverEnv(databaseUrl: string, dataKey: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    HAOBAN_DATA_KEY: dataKey,
    HAOBAN_SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    HAOBAN_WEB_DIST: "./no-web-for-bench",
    HAOBAN_RATE_LIMIT_PER_MINUTE: "100000000",
    HAOBAN_PUBLIC_RATE_LIMIT_PER_MINUTE: "100000000",
    HAOBAN_DEMO_SYSTEM_PORT: "0",
    HAOBAN_PAYMENT_SIMULATOR_PORT: String(port + 300),
    HAOBAN_POST_SIMULATOR_PORT: String(port + 400),
  };
}

export async function startServer(workers: number, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), "--import", "tsx", path.join(import.meta.dirname, "../src/server/main.ts")], {
    env: { ...process.env, ...env, PORT: String(port), HAOBAN_WORKERS: String(workers), HAOBAN_ROLE: "web" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    // Every HTTP process up: the cluster's primary has as many children as workers.
    const up = workers === 1 || childProcesses(child.pid!).length >= workers;
    if (ready && up) break;
    if (i > 600) throw new Error("the server did not come up");
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 2_000)); // let start-up work settle before measuring
  return child;
}

/**
 * Several HTTP processes against one (PostgreSQL server only): the same loads — `GET /api/v1/me`, a
 * search, an online submission — against one HTTP process and against two (HAOBAN_WORKERS=2), each
 * from a load generator in a process of its own. On two cores the load generator and PostgreSQL share
 * the machine with the server, so the judged figure is efficiency: requests per CPU-second of the
 * server's processes with two against one (≥ 0.85), beside the throughput of each.
 */
export async function processesBench(options: { seconds: number; connections: number }): Promise<ProcessesCheck[]> {
  const base = loadConfig();
  if (!base.databaseUrl) return [{ name: "several HTTP processes", figure: "not run", target: "needs DATABASE_URL (a PostgreSQL server)", ok: null }];
  const { database, dataKey, databaseUrl, drop } = await freshBenchDatabase(base, "procs");
  // 食品经营许可 in every district that offers it: a city's submissions go to several districts' counters
  // (one district's day is numbered in order, so its submissions take turns at its counter row, however
  // many processes serve them).
  const items = await database.db.selectFrom("catalogue_items").select(["id", "impl_code"]).where("impl_code", "like", "XK00002001-3-%-AMR").where("published_version_id", "is not", null).orderBy("impl_code").execute();
  const port = 4700 + Math.floor(Math.random() * 200);
  const env = serverEnv(databaseUrl!, dataKey, port);
  type Sum = { requests: number; cpu: number; seconds: number; p99: number; errors: number };
  const sums: Record<number, Record<string, Sum>> = { 1: {}, 2: {} };
  try {
    // One, two, two, one: the machine's drift during the run falls on both alike.
    for (const workers of [1, 2, 2, 1]) {
      const server = await startServer(workers, env, port);
      try {
        const url = `http://127.0.0.1:${port}`;
        const login = await fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ identifier: "13800000001", password: "Haoban@2026" }) });
        const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
        const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
        const loads = {
          "GET /api/v1/me": { url: `${url}/api/v1/me`, headers: { cookie } },
          "GET /api/v1/search": { url: `${url}/api/v1/search?q=${encodeURIComponent("开饭店要办什么证")}` },
          "POST /api/v1/applications": {
            url,
            requests: items.map((item) => ({ method: "POST", path: "/api/v1/applications", headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" }, body: JSON.stringify({ itemId: item.id, formData: FOOD_LICENCE_FORM, promise: true }) })),
          },
        };
        for (const [name, job] of Object.entries(loads)) {
          // A short warm-up (JIT, prepared statements, the search index), then the measured run.
          await runLoad({ mode: "closed", connections: options.connections, duration: 1, ...job });
          const cpuBefore = treeCpuSeconds(server.pid!);
          const f = await runLoad({ mode: "closed", connections: options.connections, duration: options.seconds, ...job });
          const cpu = treeCpuSeconds(server.pid!) - cpuBefore;
          const sum = (sums[workers]![name] ??= { requests: 0, cpu: 0, seconds: 0, p99: 0, errors: 0 });
          sum.requests += f.rps * options.seconds;
          sum.cpu += cpu;
          sum.seconds += options.seconds;
          sum.p99 = Math.max(sum.p99, f.p99);
          sum.errors += f.errors + f.non2xx;
        }
      } finally {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
    }
  } finally {
    await drop();
  }

  console.log(`several HTTP processes (PostgreSQL server, ${options.connections} connections, ${options.seconds} s each, runs of 1, 2, 2, 1 processes; requests per CPU-second of the server's processes):`);
  console.log(`${"".padEnd(28)}${"1 process".padEnd(36)}${"2 processes".padEnd(36)}efficiency  throughput`);
  const line = (f: Sum) => `${(f.requests / f.seconds).toFixed(0)}/s p99 ≤ ${f.p99} ms, ${(f.requests / f.cpu).toFixed(0)}/CPU-s`.padEnd(36);
  const checks: ProcessesCheck[] = [];
  for (const name of Object.keys(sums[1]!)) {
    const one = sums[1]![name]!;
    const two = sums[2]![name]!;
    const efficiency = two.requests / two.cpu / (one.requests / one.cpu);
    const throughput = two.requests / two.seconds / (one.requests / one.seconds);
    console.log(`${name.padEnd(28)}${line(one)}${line(two)}${efficiency.toFixed(2).padEnd(12)}${throughput.toFixed(2)}×`);
    checks.push({ name: `2 processes: ${name} per CPU-second`, figure: `${efficiency.toFixed(2)} of 1, ${throughput.toFixed(2)}× the requests`, target: "≥ 0.85 (and more served)", ok: one.errors + two.errors === 0 && efficiency >= 0.85 && throughput > 1 });
  }
  return checks;
}

/**
 * What the search index costs an HTTP process: one process (HAOBAN_ROLE=web) over the demo city and
 * `items` generated catalogue items, its resident memory before the first search (the baseline: code
 * and connections) and after the index is built and the relevance set asked 20 times.
 */
export async function searchMemoryBench(items: number): Promise<ProcessesCheck[]> {
  const base = loadConfig();
  if (!base.databaseUrl) return [{ name: "search index memory per process", figure: "not run", target: "needs DATABASE_URL (a PostgreSQL server)", ok: null }];
  const { database, dataKey, databaseUrl, drop } = await freshBenchDatabase(base, "searchmem");
  const port = 4700 + Math.floor(Math.random() * 200);
  try {
    await generateCatalogue(database.db, items);
    const server = await startServer(1, serverEnv(databaseUrl!, dataKey, port), port);
    try {
      const before = residentMiB(server.pid!);
      const started = performance.now();
      const first = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent("营业执照")}`);
      const firstMs = performance.now() - started;
      let failed = first.ok ? 0 : 1;
      for (let round = 0; round < 20; round++) {
        for (const c of RELEVANCE_SET) {
          const r = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent(c.q)}&offset=${round}`);
          if (!r.ok) failed++;
          await r.arrayBuffer();
        }
      }
      await new Promise((r) => setTimeout(r, 1_000));
      const after = residentMiB(server.pid!);
      const share = after - before;
      console.log(`search index memory (one HTTP process, ${items.toLocaleString("en")} generated items and the demo city): resident ${before.toFixed(0)} MiB before the first search, ${after.toFixed(0)} MiB after ${20 * RELEVANCE_SET.length} searches (${(after / before).toFixed(2)}× the baseline); the first search, index built: ${firstMs.toFixed(0)} ms`);
      return [{ name: `search index, ${items.toLocaleString("en")} items: memory per process`, figure: `+${share.toFixed(0)} MiB (process ${after.toFixed(0)} MiB)`, target: "index < 200 MiB per process", ok: failed === 0 && share < 200 }];
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  } finally {
    await drop();
  }
}

// `npx tsx bench/processes.ts`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const checks = [
    ...(await searchMemoryBench(Number(process.env.BENCH_ITEMS ?? 10_000))),
    ...(process.env.BENCH_ONLY === "search-memory" ? [] : await processesBench({ seconds: Number(process.env.BENCH_SECONDS ?? 10), connections: Number(process.env.BENCH_CONNECTIONS ?? 10) })),
  ];
  for (const c of checks) console.log(`  ${c.ok === null ? "·" : c.ok ? "✓" : "✗"} ${c.name.padEnd(46)}${c.figure.padEnd(36)}${c.target}`);
  process.exit(checks.some((c) => c.ok === false) ? 1 : 0);
}
