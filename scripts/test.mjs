#!/usr/bin/env node
// npm test: type check; unit and API tests on embedded PostgreSQL (PGlite); the same suite on the
// PostgreSQL server named by DATABASE_URL when it is set; browser tests when Chromium is installed.
// Ends with one summary line "tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

mkdirSync("tmp", { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.stats.expected;
  totals.failed += r.stats.unexpected + (r.stats.flaky ?? 0);
  totals.skipped += r.stats.skipped;
}

run("type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);

const vitestArgs = (out) => ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
run("unit and API tests on embedded PostgreSQL (PGlite)", "npx", vitestArgs("tmp/vitest-pglite.json"), { DATABASE_URL: "" });
countVitest("tmp/vitest-pglite.json");

if (process.env.DATABASE_URL) {
  run(`the same suite on the PostgreSQL server (${new URL(process.env.DATABASE_URL).host})`, "npx", vitestArgs("tmp/vitest-postgres.json"));
  countVitest("tmp/vitest-postgres.json");
} else {
  console.log("\n(DATABASE_URL is not set: the PostgreSQL-server lane is skipped; .ci/run runs it)");
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) {
  run("build the web app", "npx", ["vite", "build", "--logLevel", "warn"]);
  run("browser tests (Playwright on Chromium, with axe checks)", "npx", ["playwright", "test"], { DATABASE_URL: "" });
  countPlaywright("tmp/e2e-results.json");
} else {
  console.log(`\nBROWSER TESTS SKIPPED: no Chromium at ${chromium}. Install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH) to run them.`);
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
