import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { RECENT_WRITE_COOKIE } from "../http/read-routing";
import { login, startTestApp, testCipher, type TestApp } from "../testing/test-app";
import { startReplica, type TestReplica } from "../testing/replica";
import { openDatabase, type Database } from "./database";

/**
 * Reads that may be a little stale go to a real streaming replica of the machine's PostgreSQL server
 * (a base backup and a second postmaster, started here); the server lane only.
 */
describe.runIf(Boolean(process.env.DATABASE_URL))("read replicas", () => {
  let t: TestApp;
  let replica: TestReplica;
  const opened: Array<{ app: FastifyInstance; database: Database }> = [];
  const soon = { timeout: 15_000, interval: 100 };

  beforeAll(async () => {
    t = await startTestApp();
    // The base backup is taken after the test database exists, so the replica has it from the start.
    replica = await startReplica(t.url!);
  }, 120_000);
  afterAll(async () => {
    for (const o of opened) {
      await o.app.close();
      await o.database.close();
    }
    replica?.close();
    await t?.close();
  });

  /** The platform on the test database, its stale-tolerant reads on the replica. */
  async function withReplica(maxLagMs: number) {
    const database = await openDatabase({ databaseUrl: t.url!, replicaUrls: [replica.url(new URL(t.url!).pathname.slice(1))], replicaMaxLagMs: maxLagMs, replicaCheckMs: 100 });
    const { app } = await buildApp({ config: { ...t.config, replicaUrls: ["(opened above)"], replicaMaxLagMs: maxLagMs, replicaCheckMs: 100 }, database, cipher: testCipher(), logger: false });
    await app.ready();
    opened.push({ app, database });
    await expect.poll(() => database.replicas!.status()[0]!.usable, soon).toBe(true);
    return { app, database };
  }

  const policyTitle = async (app: FastifyInstance, id: string, cookie?: string) => {
    const res = await app.inject({ method: "GET", url: `/api/v1/policies/${id}`, headers: cookie ? { cookie } : {} });
    expect(res.statusCode).toBe(200);
    return (res.json() as { title: string }).title;
  };
  const somePolicy = async (offset: number) => (await t.database.db.selectFrom("policies").select(["id", "title"]).orderBy("id").offset(offset).limit(1).executeTakeFirstOrThrow());
  const retitle = (id: string, title: string) => t.database.db.updateTable("policies").set({ title }).where("id", "=", id).execute();
  /** Retitles a policy on the primary while the replica replays nothing, runs `check`, then lets it replay again. */
  async function retitledWhilePaused(id: string, title: string, check: () => Promise<void>) {
    await replica.pauseReplay();
    try {
      await retitle(id, title);
      await check();
    } finally {
      await replica.resumeReplay();
    }
  }

  it("public reads are served by the replica; a request that writes, and the same browser right after, read the primary", async () => {
    const { app, database } = await withReplica(60_000);
    const policy = await somePolicy(0);
    await retitledWhilePaused(policy.id, `${policy.title}（修订）`, async () => {
      const before = database.replicas!.counts.replica;
      // The replica has not replayed the change and is within its (generous) bound: the public page shows what it has.
      expect(await policyTitle(app, policy.id)).toBe(policy.title);
      expect(database.replicas!.counts.replica).toBeGreaterThan(before);
      // A browser that wrote a moment ago reads the primary: what was just changed is what it sees.
      expect(await policyTitle(app, policy.id, `${RECENT_WRITE_COOKIE}=${Date.now()}`)).toBe(`${policy.title}（修订）`);
      // A write answers with that mark; signing in and the user's own data never touch the replica.
      const citizen = await login(app, "13800000006");
      const logout = await app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: citizen.headers });
      expect(logout.cookies.find((c) => c.name === RECENT_WRITE_COOKIE)?.httpOnly).toBe(true);
    });
    await expect.poll(() => policyTitle(app, policy.id), soon).toBe(`${policy.title}（修订）`);
    await retitle(policy.id, policy.title);
  });

  it("a replica further behind than the bound is skipped until it catches up", async () => {
    const { app, database } = await withReplica(300);
    const policy = await somePolicy(1);
    await retitledWhilePaused(policy.id, `${policy.title}（废止）`, async () => {
      await expect.poll(() => database.replicas!.status()[0]!.usable, soon).toBe(false);
      expect(database.replicas!.status()[0]!.problem).toMatch(/behind by (\d+ ms|an unknown time) \(bound 300 ms\)/);
      // Skipped: the read goes to the primary and shows the change.
      expect(await policyTitle(app, policy.id)).toBe(`${policy.title}（废止）`);
    });
    await expect.poll(() => database.replicas!.status()[0]!.usable, soon).toBe(true);
    await retitle(policy.id, policy.title);
  });

  it("a replica that goes down under readers costs none of them an error: the primary answers, and the replica is used again once back", async () => {
    const { app, database } = await withReplica(60_000);
    const policy = await somePolicy(2);
    // Readers keep reading while the replica crashes under them: every read is answered, none with an error.
    let reading = true;
    const statuses: number[] = [];
    const reader = async () => {
      while (reading) statuses.push((await app.inject({ method: "GET", url: `/api/v1/policies/${policy.id}` })).statusCode);
    };
    const readers = Array.from({ length: 6 }, reader);
    await new Promise((r) => setTimeout(r, 300));
    replica.stop();
    try {
      await new Promise((r) => setTimeout(r, 700));
      reading = false;
      await Promise.all(readers);
      expect(statuses.length).toBeGreaterThan(20);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      // Some of them were on the replica when it went: run again on the primary.
      expect(database.replicas!.counts.fallbacks).toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) expect(await policyTitle(app, policy.id)).toBe(policy.title);
      expect((await app.inject({ method: "GET", url: "/api/v1/catalogue/items" })).statusCode).toBe(200);
      await expect.poll(() => database.replicas!.status()[0]!.usable, soon).toBe(false);
    } finally {
      await replica.start();
    }
    await expect.poll(() => database.replicas!.status()[0]!.usable, soon).toBe(true);
    const before = database.replicas!.counts.replica;
    expect(await policyTitle(app, policy.id)).toBe(policy.title);
    expect(database.replicas!.counts.replica).toBeGreaterThan(before);
  });
});
