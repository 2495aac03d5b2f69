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
  },
});
