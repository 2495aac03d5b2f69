import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The demo city is migrated and seeded once per lane; each test file starts from a copy.
    globalSetup: ["src/server/testing/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    // A test file starts from a copied template: no file may need more than 30 s to start.
    hookTimeout: 30_000,
    pool: "forks",
    maxWorkers: 2,
    // Files share a worker's loaded modules instead of importing the whole server again each (the suite's
    // largest cost: 306 s → 152 s on PGlite, 242 s → 114 s on the server, this 2-core machine). Each file
    // still starts its own app on its own database and closes it; nothing a test relies on lives in a module.
    isolate: false,
  },
});
