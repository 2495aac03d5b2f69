import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "./testing/payment-sim";
import { childRoles } from "./testing/processes";

/**
 * The real entry point as a process of its own, on ports nothing listens on (its own, the simulators'; no
 * demo department system). `ready` waits for /readyz (and `also`), failing at once with the process's output
 * if it exits first.
 */
async function spawnServer(env: Record<string, string>) {
  const [port, payment, post] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, HAOBAN_WEB_DIST: "./none", HAOBAN_DEMO_SYSTEM_PORT: "0", ...env, PORT: String(port), HAOBAN_PAYMENT_SIMULATOR_PORT: String(payment), HAOBAN_POST_SIMULATOR_PORT: String(post) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve((exitCode = code))));
  const base = `http://127.0.0.1:${port}`;
  const ready = async (also: () => boolean = () => true) => {
    for (let i = 0; ; i++) {
      if (exitCode !== undefined) throw new Error(`the server exited (${String(exitCode)}):\n${output}`);
      if ((await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok).catch(() => false)) && also()) return;
      if (i > 320) throw new Error(`the server did not become ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  return { child, base, exited, ready, output: () => output };
}

/** Starts the real entry point on a fresh data directory, as `npm start` does (without the web build). */
describe("the server process", () => {
  it("starts on an empty data dir with the demo city, and on SIGTERM finishes in-flight requests before exiting", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-main-"));
    const server = await spawnServer({ HAOBAN_DATA_DIR: dataDir, LOG_LEVEL: "info", DATABASE_URL: "" });
    const { child, base, exited } = server;
    try {
      await server.ready();
      // A login takes tens of milliseconds (scrypt); several queue behind each other. Send them,
      // wait until the server has them, then ask it to stop: every one must still succeed.
      const inFlight = ["admin", "supervisor", "13800000001", "13800000002"].map((identifier) =>
        fetch(`${base}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ identifier, password: "Haoban@2026" }),
        }),
      );
      // Stop only once the server has received all four (its request log says so), not after a guess.
      const received = () => server.output().split("\n").filter((l) => l.includes("incoming request") && l.includes("/api/v1/auth/login")).length;
      for (let i = 0; received() < 4; i++) {
        if (i > 400) throw new Error(`requests did not arrive:\n${server.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill("SIGTERM");
      const statuses = await Promise.all(inFlight.map(async (p) => (await p).status));
      expect(statuses).toEqual([200, 200, 200, 200]);
      const code = await exited;
      expect(code, server.output()).toBe(0);
      // After shutdown nothing answers any more.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it("refuses several HTTP processes on the embedded database, saying why", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-workers-"));
    const server = await spawnServer({ HAOBAN_WORKERS: "2", DATABASE_URL: "", HAOBAN_DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("HAOBAN_WORKERS=2 needs a PostgreSQL server (DATABASE_URL)");
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});

/** Several processes on one PostgreSQL server (the PostgreSQL-server lane only: the embedded database belongs to one process). */
describe.runIf(Boolean(process.env.DATABASE_URL))("several server processes on one PostgreSQL server", () => {
  it("two processes started at once on an empty database both come up, the city seeded once; a process with another key refuses to start", async () => {
    const { createTestDatabase } = await import("./testing/test-app");
    const { randomBytes } = await import("node:crypto");
    const db = await createTestDatabase({ migrate: false });
    const key = randomBytes(32).toString("base64");
    const dirs: string[] = [];
    // Info logging, so that a process that does not come up says how far it got.
    const start = (dataKey: string) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-multi-"));
      dirs.push(dataDir);
      return spawnServer({ HAOBAN_DATA_DIR: dataDir, DATABASE_URL: db.url!, HAOBAN_DATA_KEY: dataKey, LOG_LEVEL: "info", HAOBAN_JOBS: "false" });
    };
    const processes = await Promise.all([start(key), start(key)]);
    try {
      await Promise.all(processes.map((p) => p.ready()));
      const cities = await db.database.db.selectFrom("orgs").select("id").where("code", "=", "310000").execute();
      expect(cities).toHaveLength(1);
      // Both serve the same data.
      for (const p of processes) expect((await (await fetch(`${p.base}/api/v1/orgs`)).json()).items[0].name).toBe("上海市");

      const wrong = await start(randomBytes(32).toString("base64"));
      expect(await wrong.exited).toBe(1);
      expect(wrong.output()).toContain("HAOBAN_DATA_KEY");
    } finally {
      for (const p of processes) p.child.kill("SIGTERM");
      await Promise.all(processes.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))])));
      for (const p of processes) p.child.kill("SIGKILL");
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      await db.close();
    }
  }, 180_000);
});

/** A process killed with submissions in flight (PostgreSQL-server lane: another process must find the database as the dead one left it). */
describe.runIf(Boolean(process.env.DATABASE_URL))("a process killed between commit and sequencing", () => {
  it("loses no audit record: what it committed unchained is chained by the sweep, the chain verifies, the numbers stay gap-free", async () => {
    const { createTestDatabase } = await import("./testing/test-app");
    const { TEST_FIELD_KEY } = await import("./testing/templates");
    const { AuditRepository, sequencerFor, verifyAuditChains } = await import("./modules/audit");
    const { FOOD_LICENCE_FORM } = await import("./testing/fixtures");
    const db = await createTestDatabase({ start: "seeded" });
    const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-kill-"));
    const server = await spawnServer({ HAOBAN_DATA_DIR: dataDir, DATABASE_URL: db.url!, HAOBAN_DATA_KEY: Buffer.from(TEST_FIELD_KEY, "hex").toString("base64"), LOG_LEVEL: "warn", HAOBAN_JOBS: "false", HAOBAN_SEED_DEMO: "false" });
    const { child, base } = server;
    try {
      await server.ready();
      const login = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ identifier: "13800000001", password: "Haoban@2026" }), signal: AbortSignal.timeout(30_000) });
      const headers = { cookie: login.headers.get("set-cookie")!.split(";")[0]!, "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken, "content-type": "application/json" };
      const item = (await db.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
      let answered = 0;
      // 食品经营许可 takes a written promise (告知承诺) for the materials not handed in: no uploads needed here.
      const inFlight = Array.from({ length: 80 }, () =>
        fetch(`${base}/api/v1/applications`, { method: "POST", headers, body: JSON.stringify({ itemId: item, formData: FOOD_LICENCE_FORM, promise: true }), signal: AbortSignal.timeout(60_000) }).then(
          (r) => (answered++, r.status),
          (err: Error) => (err.name === "TimeoutError" ? "hung" : "killed"),
        ),
      );
      // Killed in the middle of the load: some transactions committed and answered, some committed but
      // not yet chained or answered, some cut off before their commit (the server rolls those back).
      for (let i = 0; answered < 10; i++) {
        if (i > 2000) throw new Error(`no submission answered:\n${server.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill("SIGKILL");
      const statuses = await Promise.all(inFlight);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(10);
      expect(statuses.some((s) => s === "killed")).toBe(true);
      expect(statuses.filter((s) => s === "hung")).toEqual([]);

      const left = await sequencerFor(db.database.db).pendingCount();
      await sequencerFor(db.database.db).sweep();
      expect(await sequencerFor(db.database.db).pendingCount()).toBe(0);
      expect(await verifyAuditChains(new AuditRepository(db.database.db))).toMatchObject({ ok: true, firstBreak: null });
      // Every application that exists has its one submission record in the chain, whether it was chained before the kill or by the sweep.
      const apps = await db.database.db.selectFrom("applications").select(["id", "number"]).where("item_id", "=", item).execute();
      const records = await db.database.db.selectFrom("audit_log").select("target_id").where("action", "=", "application.submit").where("target_id", "in", apps.map((a) => a.id)).execute();
      expect(records.map((r) => r.target_id).sort(), `${left} were left unchained`).toEqual(apps.map((a) => a.id).sort());
      // The day's numbers of the region are still gap-free.
      const today = apps.map((a) => a.number).filter((n) => n.startsWith("310101-") && !n.startsWith("pending-"));
      const byDay = new Map<string, number[]>();
      for (const n of today) byDay.set(n.slice(0, 15), [...(byDay.get(n.slice(0, 15)) ?? []), Number(n.slice(16))]);
      for (const seqs of byDay.values()) expect(seqs.sort((a, b) => a - b)).toEqual(seqs.map((_, i) => seqs[0]! + i));
      expect(apps.some((a) => a.number.startsWith("pending-"))).toBe(false);
    } finally {
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
      await db.close();
    }
  }, 120_000);
});

/** The processes of one machine (HAOBAN_WORKERS, HAOBAN_ROLE; the PostgreSQL-server lane: a cluster needs a server). */
describe.runIf(Boolean(process.env.DATABASE_URL))("several HTTP processes and a jobs process on one machine", () => {
  /** The roles of a process's children, by pid (node cluster's workers get HAOBAN_ROLE in their environment). */
  const childrenOf = childRoles;

  it("HAOBAN_WORKERS=2 runs two HTTP processes and one for jobs; one killed under load: only its in-flight requests fail, the other serves, it is started again; the jobs process renders what submissions owe", async () => {
    const { createTestDatabase } = await import("./testing/test-app");
    const { TEST_FIELD_KEY } = await import("./testing/templates");
    const { FOOD_LICENCE_FORM } = await import("./testing/fixtures");
    const db = await createTestDatabase({ start: "seeded" });
    const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-cluster-"));
    const server = await spawnServer({ HAOBAN_WORKERS: "2", HAOBAN_DATA_DIR: dataDir, DATABASE_URL: db.url!, HAOBAN_DATA_KEY: Buffer.from(TEST_FIELD_KEY, "hex").toString("base64"), LOG_LEVEL: "warn", HAOBAN_RATE_LIMIT_PER_MINUTE: "1000000" });
    const { child, base, exited } = server;
    const roles = () => [...childrenOf(child.pid!).values()].sort();
    try {
      await server.ready(() => roles().filter((r) => r === "web").length === 2);
      await expect.poll(roles, { timeout: 30_000 }).toEqual(["jobs", "web", "web"]);

      // A session made through whichever process answers is good on every one (it lives in the database).
      const login = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ identifier: "13800000001", password: "Haoban@2026" }), signal: AbortSignal.timeout(30_000) });
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const outcomes = { ok: 0, failed: 0, timedOut: 0, other: 0, okAfterKill: 0 };
      let killed = false;
      let stop = false;
      const loop = async () => {
        while (!stop) {
          try {
            const r = await fetch(`${base}/api/v1/me`, { headers: { cookie }, signal: AbortSignal.timeout(5_000) });
            await r.arrayBuffer();
            if (r.status !== 200) outcomes.other++;
            else if (killed) outcomes.okAfterKill++;
            else outcomes.ok++;
          } catch (err) {
            if ((err as Error).name === "TimeoutError") outcomes.timedOut++;
            else outcomes.failed++;
          }
        }
      };
      const loops = Array.from({ length: 6 }, loop);
      await new Promise((r) => setTimeout(r, 1_000));
      const web = [...childrenOf(child.pid!)].filter(([, role]) => role === "web").map(([pid]) => pid);
      process.kill(web[0]!, "SIGKILL");
      killed = true;
      await new Promise((r) => setTimeout(r, 2_000));
      stop = true;
      await Promise.all(loops);
      expect(outcomes.ok, server.output()).toBeGreaterThan(0);
      // Only what was on the killed process's connections fails, never answered: per client the request in
      // flight and one kept-alive connection found closed on its next use. Nothing hangs, nothing else is refused.
      expect(outcomes).toMatchObject({ timedOut: 0, other: 0 });
      expect(outcomes.failed).toBeLessThanOrEqual(12);
      expect(outcomes.okAfterKill).toBeGreaterThan(outcomes.failed);
      // The primary starts another HTTP process in the killed one's place.
      await expect.poll(() => [...childrenOf(child.pid!)].filter(([pid, role]) => role === "web" && pid !== web[0]).length, { timeout: 30_000 }).toBe(2);

      // A submission through the web processes owes its generated documents; the jobs process renders,
      // seals and keeps them, with no one reading them.
      const item = (await db.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const submitted = await fetch(`${base}/api/v1/applications`, { method: "POST", headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" }, body: JSON.stringify({ itemId: item, formData: FOOD_LICENCE_FORM, promise: true }), signal: AbortSignal.timeout(30_000) });
      expect(submitted.status).toBe(201);
      const applicationId = ((await submitted.json()) as { id: string }).id;
      const documents = () => db.database.db.selectFrom("generated_documents").select(["rendered_at", "sha256"]).where("application_id", "=", applicationId).execute();
      expect((await documents()).length).toBe(2);
      await expect.poll(async () => (await documents()).every((d) => d.rendered_at !== null && /^[0-9a-f]{64}$/.test(d.sha256 ?? "")), { timeout: 20_000 }).toBe(true);

      child.kill("SIGTERM");
      expect(await exited, server.output()).toBe(0);
      expect(childrenOf(child.pid!).size).toBe(0);
    } finally {
      for (const pid of childrenOf(child.pid!).keys()) process.kill(pid, "SIGKILL");
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
      await db.close();
    }
  }, 150_000);
});
