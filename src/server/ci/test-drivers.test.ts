import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The test drivers must not let CI pass when a lane cannot run. */
describe("npm test and npm run test:e2e in CI", () => {
  const run = (script: string, env: Record<string, string>) =>
    spawnSync("node", [script], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 20_000 });

  it("npm test fails at once in CI without a browser", () => {
    const r = run("scripts/test.mjs", { CI: "true", CHROMIUM_PATH: "/nonexistent/chromium", DATABASE_URL: "postgres://127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("the browser tests cannot run");
  });

  it("npm test fails at once in CI without a PostgreSQL server", () => {
    const r = run("scripts/test.mjs", { CI: "true", DATABASE_URL: "" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("the PostgreSQL-server lane cannot run");
  });

  it("npm run test:e2e fails in CI without a browser, and only skips outside CI", () => {
    expect(run("scripts/e2e.mjs", { CI: "true", CHROMIUM_PATH: "/nonexistent/chromium" }).status).toBe(1);
    const local = run("scripts/e2e.mjs", { CI: "", CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(local.status).toBe(0);
    expect(local.stdout).toContain("SKIPPED");
  });
});
