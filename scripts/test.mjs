#!/usr/bin/env node
// npm test: type check and lint side by side; unit and API tests on embedded PostgreSQL (PGlite); the same suite on the
// PostgreSQL server named by DATABASE_URL when it is set; browser tests when Chromium is installed.
// In CI (CI=true) a lane that cannot run (no PostgreSQL server, no browser) or that ran no test fails.
// Prints each lane's time and ends with one summary line "tests: N passed, N failed, N skipped".
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("tmp", { recursive: true });
const ci = process.env.CI === "true" || process.env.CI === "1";
const totals = { passed: 0, failed: 0, skipped: 0 };
const lanes = [];
let ok = true;

function fail(message) {
  console.log(`\nFAILED: ${message}`);
  ok = false;
}

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  lanes.push(`${title}: ${seconds} s`);
  console.log(`--- ${title}: ${seconds} s`);
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

/** Adds a lane's counts to the totals; a lane whose report is missing or that ran no test fails. */
function count(title, file, read) {
  if (!existsSync(file)) return fail(`${title} wrote no report (${file})`);
  const c = read(JSON.parse(readFileSync(file, "utf8")));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (c.passed + c.failed === 0) fail(`${title} ran no test`);
}
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) });
const playwrightCounts = (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + (r.stats.flaky ?? 0), skipped: r.stats.skipped });

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// In CI, a lane that cannot run is known before anything runs: fail at once rather than after the others.
if (ci && !process.env.DATABASE_URL) fail("CI=true but DATABASE_URL is not set: the PostgreSQL-server lane cannot run");
if (ci && !existsSync(chromium)) fail(`CI=true but there is no Chromium at ${chromium}: the browser tests cannot run`);
if (!ok) process.exit(1);

/** Lanes run side by side (each single-threaded), each one's output printed whole once it ends, with its time. */
async function runTogether(lanesToRun) {
  await Promise.all(
    lanesToRun.map(
      ([title, cmd, args]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
          let output = "";
          child.stdout.on("data", (d) => (output += d));
          child.stderr.on("data", (d) => (output += d));
          child.on("close", (status) => {
            const seconds = Math.round((Date.now() - started) / 1000);
            lanes.push(`${title}: ${seconds} s`);
            console.log(`\n=== ${title} ===\n${output}--- ${title}: ${seconds} s`);
            if (status !== 0) ok = false;
            resolve();
          });
        }),
    ),
  );
}

await runTogether([
  ["type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["lint (typescript-eslint, import cycles, module entries)", "npx", ["eslint", "."]],
]);

const vitestArgs = (out) => ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
const pgliteTitle = "unit and API tests on embedded PostgreSQL (PGlite)";
rmSync("tmp/vitest-pglite.json", { force: true });
run(pgliteTitle, "npx", vitestArgs("tmp/vitest-pglite.json"), { DATABASE_URL: "" });
count(pgliteTitle, "tmp/vitest-pglite.json", vitestCounts);

if (process.env.DATABASE_URL) {
  // This lane runs the tests of each file in a shuffled order, so that no test leans on what another
  // left behind; the seed is printed, and TEST_SHUFFLE_SEED=N repeats an order.
  const seed = Number(process.env.TEST_SHUFFLE_SEED ?? Math.floor(Math.random() * 1_000_000));
  const title = `the same suite on the PostgreSQL server (${new URL(process.env.DATABASE_URL).host}), tests in shuffled order (seed ${seed})`;
  rmSync("tmp/vitest-postgres.json", { force: true });
  run(title, "npx", [...vitestArgs("tmp/vitest-postgres.json"), "--sequence.shuffle.tests", `--sequence.seed=${seed}`]);
  count(title, "tmp/vitest-postgres.json", vitestCounts);
} else {
  console.log("\n(DATABASE_URL is not set: the PostgreSQL-server lane is skipped; .ci/run runs it)");
}

if (existsSync(chromium)) {
  const title = "browser tests (Playwright on Chromium, with axe checks)";
  // Without a built web app every browser test would only time out: fail at once instead.
  if (!run("build the web app", "npx", ["vite", "build", "--logLevel", "warn"])) {
    fail("the web app did not build: the browser tests cannot run");
  } else {
    rmSync("tmp/e2e-results.json", { force: true });
    run(title, "npx", ["playwright", "test"], { DATABASE_URL: "" });
    count(title, "tmp/e2e-results.json", playwrightCounts);
  }
} else {
  console.log(`\nBROWSER TESTS SKIPPED: no Chromium at ${chromium}. Install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH) to run them.`);
}

console.log(`\nlane times:\n  ${lanes.join("\n  ")}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
