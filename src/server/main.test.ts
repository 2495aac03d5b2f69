import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Starts the real entry point on a fresh data directory, as `npm start` does (without the web build). */
describe("the server process", () => {
  it("starts on an empty data dir with the demo city, and on SIGTERM finishes in-flight requests before exiting", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-main-"));
    const port = 3400 + Math.floor(Math.random() * 500);
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: { ...process.env, PORT: String(port), HAOBAN_DATA_DIR: dataDir, LOG_LEVEL: "info", DATABASE_URL: "", HAOBAN_WEB_DIST: "./none" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const ready = await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false);
        if (ready) break;
        if (i > 320) throw new Error(`server did not become ready:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
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
      const received = () => output.split("\n").filter((l) => l.includes("incoming request") && l.includes("/api/v1/auth/login")).length;
      for (let i = 0; received() < 4; i++) {
        if (i > 400) throw new Error(`requests did not arrive:\n${output.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill("SIGTERM");
      const statuses = await Promise.all(inFlight.map(async (p) => (await p).status));
      expect(statuses).toEqual([200, 200, 200, 200]);
      const code = await exited;
      expect(code, output).toBe(0);
      // After shutdown nothing answers any more.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

/** Several processes on one PostgreSQL server (the PostgreSQL-server lane only: the embedded database belongs to one process). */
describe.runIf(Boolean(process.env.DATABASE_URL))("several server processes on one PostgreSQL server", () => {
  it("two processes started at once on an empty database both come up, the city seeded once; a process with another key refuses to start", async () => {
    const { createTestDatabase } = await import("./testing/test-app");
    const { randomBytes } = await import("node:crypto");
    const db = await createTestDatabase({ migrate: false });
    const key = randomBytes(32).toString("base64");
    const dirs: string[] = [];
    const start = (port: number, dataKey: string) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "haoban-multi-"));
      dirs.push(dataDir);
      const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
        env: { ...process.env, PORT: String(port), HAOBAN_DATA_DIR: dataDir, DATABASE_URL: db.url!, HAOBAN_DATA_KEY: dataKey, LOG_LEVEL: "warn", HAOBAN_WEB_DIST: "./none", HAOBAN_JOBS: "false" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      return { child, exited, output: () => output, base: `http://127.0.0.1:${port}` };
    };
    const port = 3900 + Math.floor(Math.random() * 200);
    const processes = [start(port, key), start(port + 1, key)];
    try {
      for (const p of processes) {
        for (let i = 0; ; i++) {
          if (await fetch(`${p.base}/readyz`).then((r) => r.ok).catch(() => false)) break;
          const code = await Promise.race([p.exited, new Promise((r) => setTimeout(() => r("running"), 250))]);
          if (code !== "running") throw new Error(`a process exited (${String(code)}):\n${p.output()}`);
          if (i > 480) throw new Error(`not ready:\n${p.output()}`);
        }
      }
      const cities = await db.database.db.selectFrom("orgs").select("id").where("code", "=", "310000").execute();
      expect(cities).toHaveLength(1);
      // Both serve the same data.
      for (const p of processes) expect((await (await fetch(`${p.base}/api/v1/orgs`)).json()).items[0].name).toBe("上海市");

      const wrong = start(port + 2, randomBytes(32).toString("base64"));
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
