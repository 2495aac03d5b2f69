import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import type { Config } from "../config";
import { pruneRateLimitCounters } from "./rate-limit-store";
import { startTestApp, type TestApp } from "../testing/test-app";

/** Rate limits hold for the whole deployment: two server processes on one database share the counters. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { seed: false });
});
afterAll(() => t.close());

async function twoProcesses(overrides: Partial<Config>) {
  const config: Config = { ...t.config, loginRateLimitPerMinute: 3, ...overrides };
  const a = await buildApp({ config, database: t.database, cipher: t.cipher, logger: false, senders: t.senders });
  const b = await buildApp({ config, database: t.database, cipher: t.cipher, logger: false, senders: t.senders });
  await Promise.all([a.app.ready(), b.app.ready()]);
  return { a: a.app, b: b.app, close: async () => void (await Promise.all([a.app.close(), b.app.close()])) };
}

async function alternate(p: Awaited<ReturnType<typeof twoProcesses>>, remoteAddress: string) {
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const app = i % 2 === 0 ? p.a : p.b;
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", remoteAddress, payload: { identifier: "nobody-here", password: "x" } });
    codes.push(r.statusCode);
    if (r.statusCode === 429) expect(r.json().error.code).toBe("RATE_LIMITED");
  }
  return codes;
}

describe("rate limits across processes", () => {
  it("in PostgreSQL: the fourth attempt is refused whichever process takes it", async () => {
    const p = await twoProcesses({ rateLimitStore: "postgres" });
    try {
      expect(await alternate(p, "198.51.100.77")).toEqual([401, 401, 401, 429, 429, 429]);
      // Another client address has its own allowance.
      expect((await p.b.inject({ method: "POST", url: "/api/v1/auth/login", remoteAddress: "198.51.100.78", payload: { identifier: "nobody-here", password: "x" } })).statusCode).toBe(401);
      await pruneRateLimitCounters(t.database.db);
    } finally {
      await p.close();
    }
  });

  it("in this process's memory, by contrast, each process counts alone (the default on embedded PostgreSQL)", async () => {
    const p = await twoProcesses({ rateLimitStore: "memory" });
    try {
      expect(await alternate(p, "198.51.100.79")).toEqual([401, 401, 401, 401, 401, 401]);
    } finally {
      await p.close();
    }
  });

  it("in Redis when configured", async () => {
    const redisUrl = process.env.HAOBAN_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const p = await twoProcesses({ rateLimitStore: "redis", redisUrl });
    try {
      // A fresh client address each run, as the Redis server outlives the test (IPv4: IPv6 addresses count by subnet).
      const [a, b] = randomBytes(2);
      expect(await alternate(p, `198.18.${a}.${b}`)).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await p.close();
    }
  });

  it("in PostgreSQL, the global per-address limit is exact within a process and reaches the shared counter once per 200 ms", async () => {
    const p = await twoProcesses({ rateLimitStore: "postgres", rateLimitPerMinute: 12 });
    const shared = async () => Number((await t.database.db.selectFrom("rate_limit_counters").select("count").where("key", "=", "198.51.100.90").executeTakeFirst())?.count ?? 0);
    const get = (app: typeof p.a) => app.inject({ method: "GET", url: "/api/v1/orgs", remoteAddress: "198.51.100.90" });
    try {
      const burst = [];
      for (let i = 0; i < 8; i++) burst.push((await get(p.a)).statusCode);
      expect(burst).toEqual(Array(8).fill(200));
      // The burst was counted here; the shared counter has only what the first request wrote.
      expect(await shared()).toBeLessThan(8);
      await new Promise((r) => setTimeout(r, 250));
      expect((await get(p.a)).statusCode).toBe(200);
      expect(await shared()).toBe(9);
      // The other process learns the total at its first request and refuses once the limit is met.
      const other = [];
      for (let i = 0; i < 4; i++) other.push((await get(p.b)).statusCode);
      expect(other).toEqual([200, 200, 200, 429]);
    } finally {
      await p.close();
    }
  });
});
