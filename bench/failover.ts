/**
 * Failures under load (PostgreSQL server only): an HTTP process of two killed while eight clients
 * submit applications — every acknowledged submission must be in the database afterwards, the other
 * process keep serving and only what was in flight on the killed one fail — and a read replica killed
 * while eight clients read what replicas serve (policies, the catalogue, search) — no error a user sees.
 */
import pg from "pg";
import { loadConfig } from "../src/server/config";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { childRoles } from "../src/server/testing/processes";
import { startReplica } from "../src/server/testing/replica";
import { session } from "./applications";
import { freshBenchDatabase } from "./bench-database";
import { serverEnv, startServer, type ProcessesCheck } from "./processes";

const CLIENTS = 8;

/** `clients` loops calling `request` until `seconds` have passed; `atSecond` runs `fault` once, mid-way. */
async function underLoad<T>(seconds: number, atSecond: number, fault: () => void | Promise<void>, request: () => Promise<T>) {
  const outcomes = { before: [] as T[], after: [] as T[], failed: 0, failedAfter: 0, reasons: new Map<string, number>() };
  let faulted = false;
  const end = Date.now() + seconds * 1000;
  const loop = async () => {
    while (Date.now() < end) {
      try {
        const r = await request();
        (faulted ? outcomes.after : outcomes.before).push(r);
      } catch (err) {
        const reason = (err as Error).message;
        outcomes.reasons.set(reason, (outcomes.reasons.get(reason) ?? 0) + 1);
        if (faulted) outcomes.failedAfter++;
        else outcomes.failed++;
      }
    }
  };
  const loops = Array.from({ length: CLIENTS }, loop);
  await new Promise((r) => setTimeout(r, atSecond * 1000));
  await fault();
  faulted = true;
  await Promise.all(loops);
  return outcomes;
}

export async function failoverBench(options: { seconds: number }): Promise<ProcessesCheck[]> {
  const base = loadConfig();
  if (!base.databaseUrl) return [{ name: "failures under load", figure: "not run", target: "needs DATABASE_URL (a PostgreSQL server)", ok: null }];
  const checks: ProcessesCheck[] = [];
  const { database, dataKey, databaseUrl, drop } = await freshBenchDatabase(base, "failover");
  const item = await database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
  const port = 4700 + Math.floor(Math.random() * 200);
  try {
    // 1. An HTTP process killed while submissions go on.
    const server = await startServer(2, serverEnv(databaseUrl!, dataKey, port), port);
    try {
      const url = `http://127.0.0.1:${port}`;
      const citizen = await session(url, "13800000001");
      let killed = 0;
      const o = await underLoad(options.seconds, options.seconds / 3, () => {
        killed = [...childRoles(server.pid!)].find(([, role]) => role === "web")![0];
        process.kill(killed, "SIGKILL");
      }, async () => {
        const r = await fetch(`${url}/api/v1/applications`, { method: "POST", headers: { cookie: citizen.cookie, "x-csrf-token": citizen.csrf, "content-type": "application/json" }, body: JSON.stringify({ itemId: item.id, formData: FOOD_LICENCE_FORM, promise: true }), signal: AbortSignal.timeout(10_000) });
        const body = (await r.json()) as { id?: string };
        if (r.status !== 201 || !body.id) throw new Error(`status ${r.status}`);
        return body.id;
      });
      const acknowledged = [...o.before, ...o.after];
      const found = acknowledged.length ? Number((await database.db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n")).where("id", "in", acknowledged).executeTakeFirstOrThrow()).n) : 0;
      console.log(`HTTP process killed under load (2 processes, ${CLIENTS} clients submitting for ${options.seconds} s, pid ${killed} killed at ${(options.seconds / 3).toFixed(1)} s): ${acknowledged.length} submissions acknowledged (${o.after.length} after the kill), ${found} of them in the database; ${o.failed + o.failedAfter} requests failed unanswered (in flight on the killed process, or its kept-alive connections)`);
      checks.push({ name: "HTTP process killed under load", figure: `${acknowledged.length - found} of ${acknowledged.length} acknowledged lost, ${o.after.length} served after`, target: "none lost, the other serves", ok: found === acknowledged.length && o.after.length > 0 && o.failed + o.failedAfter <= 2 * CLIENTS });
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }

    // 2. The read replica killed while public reads go on.
    const replica = await startReplica(base.databaseUrl);
    const name = new URL(databaseUrl!).pathname.slice(1);
    const replicaServer = await startServer(1, { ...serverEnv(databaseUrl!, dataKey, port), DATABASE_REPLICA_URLS: replica.url(name) }, port);
    try {
      const url = `http://127.0.0.1:${port}`;
      // How many transactions the replica ran for this database: the reads before the kill were its.
      const replicaTransactions = async () => {
        const c = new pg.Client({ connectionString: replica.url(name) });
        await c.connect();
        try {
          return Number((await c.query<{ n: string }>("select xact_commit as n from pg_stat_database where datname = $1", [name])).rows[0]!.n);
        } finally {
          await c.end();
        }
      };
      const servedBefore = await replicaTransactions();
      let servedByReplica = 0;
      const paths = ["/api/v1/policies", "/api/v1/catalogue/items", `/api/v1/search?q=${encodeURIComponent("开饭店")}`];
      let k = 0;
      const o = await underLoad(options.seconds, options.seconds / 3, async () => {
        servedByReplica = (await replicaTransactions()) - servedBefore;
        replica.stop();
      }, async () => {
        const path = paths[k++ % paths.length]!;
        const r = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) });
        const body = await r.text();
        if (r.status !== 200) throw new Error(`${r.status} ${path.split("?")[0]} ${body.slice(0, 120)}`);
        return r.status;
      });
      console.log(`read replica killed under load (${CLIENTS} clients reading policies, the catalogue and search for ${options.seconds} s, the replica's postmaster stopped at ${(options.seconds / 3).toFixed(1)} s): ${o.before.length} answered before (the replica ran ${servedByReplica} transactions for them), ${o.after.length} after, by the primary; ${o.failed + o.failedAfter} errors${o.reasons.size ? ` (${[...o.reasons].map(([r, n]) => `${r}: ${n}`).join(", ")})` : ""}`);
      checks.push({ name: "read replica killed under load", figure: `${o.failed + o.failedAfter} errors, ${o.after.length} answered after`, target: "no error a user sees", ok: o.failed + o.failedAfter === 0 && o.after.length > 0 && servedByReplica > 0 });
    } finally {
      replicaServer.kill("SIGTERM");
      await new Promise((r) => replicaServer.once("exit", r));
      replica.close();
    }
  } finally {
    await drop();
  }
  return checks;
}

// `npx tsx bench/failover.ts`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const checks = await failoverBench({ seconds: Number(process.env.BENCH_SECONDS ?? 9) });
  for (const c of checks) console.log(`  ${c.ok === null ? "·" : c.ok ? "✓" : "✗"} ${c.name.padEnd(40)}${c.figure.padEnd(44)}${c.target}`);
  process.exit(checks.some((c) => c.ok === false) ? 1 : 0);
}
