import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? `./tmp/e2e-data-${Date.now()}`;
export const springPort = port + 1;
/** The ease report's own demo city: its journeys found companies and claim benefits that other tests must find unclaimed. */
const easePort = port + 2;
/** A second demo city for half of the desktop tests and the phone tests, so that two browsers run at once, each on a city of its own. */
const secondPort = port + 3;
/** The desktop tests that run on the second city; a new spec file runs on the first unless it is named here. */
const SECOND_CITY = /(identity|integrations|keyboard|once-only|payments|performance|portal|post|proactive|scorecards|signing|staff)\.spec\.ts/;
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Browser tests on Debian's Chromium against the real server on a fresh embedded database. */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two browsers at once, never two on one demo city: each project runs its files one after another
  // (workers: 1) on a server of its own, and the phone tests follow the second city's desktop tests.
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "tmp/e2e-results.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: [/(phone|ease)\.spec\.ts/, SECOND_CITY] },
    { name: "desktop-second-city", workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://localhost:${secondPort}` }, testMatch: SECOND_CITY },
    // 少填、少交、少跑 counted (npm run ease:report), on a demo city of its own.
    { name: "ease", workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://localhost:${easePort}` }, testMatch: /ease\.spec\.ts/ },
    // Citizen pages at a phone's width (390 px; the tests also try 360), on the second city after its desktop tests.
    { name: "phone", workers: 1, dependencies: ["desktop-second-city"], use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: `http://localhost:${secondPort}` }, testMatch: /(responsive|phone)\.spec\.ts/ },
  ],
  webServer: [
    server(port, dataDir, {}),
    // A second server whose clock starts at 07:30 on Thursday 12 February 2026 in China, the eve of the
    // Spring Festival — still 11 February in UTC, and in the server's own zone (Los Angeles): every
    // date must still be China's.
    server(springPort, `${dataDir}-spring`, { HAOBAN_CLOCK_START: "2026-02-11T23:30:00Z", TZ: "America/Los_Angeles" }),
    server(easePort, `${dataDir}-ease`, {}),
    server(secondPort, `${dataDir}-second`, {}),
  ],
});

function server(p: number, dir: string, extra: Record<string, string>) {
  return {
    command: "npx tsx src/server/main.ts",
    url: `http://localhost:${p}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(p),
      HAOBAN_DATA_DIR: dir,
      LOG_LEVEL: "warn",
      HAOBAN_RATE_LIMIT_PER_MINUTE: "100000",
      HAOBAN_LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
      HAOBAN_SEARCH_REFRESH_MS: "0",
      HAOBAN_NOTIFY_INTERVAL_MS: "500",
      // Each server its own payment simulator (their order numbers would collide in one).
      HAOBAN_PAYMENT_SIMULATOR_PORT: String(p + 50),
      HAOBAN_POST_SIMULATOR_PORT: String(p + 60),
      // Parcels move when a test moves them.
      HAOBAN_POST_SIMULATOR_STEP_MS: "0",
      // No demo department system: the API tests run the loop with their own.
      HAOBAN_DEMO_SYSTEM_PORT: "0",
      DATABASE_URL: "",
      ...extra,
    },
  };
}
