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
