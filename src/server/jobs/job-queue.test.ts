import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositoryStore } from "../repositories";
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { openDatabase, type Database } from "../db/database";
import { createTestDatabase } from "../testing/test-app";
import { startJobQueue } from "./job-queue";
import { cleanUpSessions } from "../modules/identity/session-cleanup";
import { seedDemo, seedUuid } from "../seed/seed-demo";
import { FieldCipher } from "../crypto/field-cipher";

let database: Database;
let close: () => Promise<void>;
let url: string | null;

beforeAll(async () => {
  ({ database, close, url } = await createTestDatabase());
});
afterAll(() => close());

async function waitFor(check: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("job queue", () => {
  it("two workers share a queue and no job runs twice", async () => {
    // On a PostgreSQL server the second worker has its own connection pool, as a second process would.
    const second = url ? await openDatabase({ databaseUrl: url, poolSize: 3 }) : database;
    const workers: PgBoss[] = [await startJobQueue(database.executeSql), await startJobQueue(second.executeSql)];
    await workers[0]!.createQueue("test-two-workers");
    const seen: Array<{ worker: number; n: number }> = [];
    for (const [worker, boss] of workers.entries()) {
      await boss.work<{ n: number }>("test-two-workers", { pollingIntervalSeconds: 0.5, batchSize: 2 }, async (jobs) => {
        for (const job of jobs) {
          await new Promise((r) => setTimeout(r, 10));
          seen.push({ worker, n: job.data.n });
        }
      });
    }
    const total = 40;
    await workers[0]!.insert(Array.from({ length: total }, (_, n) => ({ name: "test-two-workers", data: { n } })));
    await waitFor(() => seen.length >= total, 20_000);
    await new Promise((r) => setTimeout(r, 1200)); // a duplicate would arrive within another poll
    await Promise.all(workers.map((w) => w.stop({ graceful: true, wait: true })));
    if (second !== database) await second.close();

    const ns = seen.map((s) => s.n).sort((a, b) => a - b);
    expect(ns).toEqual(Array.from({ length: total }, (_, n) => n));
    expect(new Set(seen.map((s) => s.worker)).size).toBe(2);
  });

  it("session clean-up removes expired and idle sessions and audits it", async () => {
    const cipher = new FieldCipher(randomBytes(32));
    await seedDemo(database.db, cipher);
    const accountId = seedUuid("account:p01");
    const now = new Date();
    const hour = 3600_000;
    await database.db
      .insertInto("sessions")
      .values([
        { id: "expired", account_id: accountId, csrf_token: "x", acting_for_enterprise_id: null, region_code: "310101", expires_at: new Date(now.getTime() - hour), ip: null, user_agent: null },
        { id: "idle", account_id: accountId, csrf_token: "x", acting_for_enterprise_id: null, region_code: "310101", expires_at: new Date(now.getTime() + hour), ip: null, user_agent: null, last_seen_at: new Date(now.getTime() - 5 * hour) },
        { id: "live", account_id: accountId, csrf_token: "x", acting_for_enterprise_id: null, region_code: "310101", expires_at: new Date(now.getTime() + hour), ip: null, user_agent: null },
      ])
      .execute();
    const removed = await cleanUpSessions(createRepositoryStore(database.db), 120, now);
    expect(removed).toBe(2);
    const left = await database.db.selectFrom("sessions").select("id").execute();
    expect(left.map((s) => s.id)).toEqual(["live"]);
    const audit = await database.db.selectFrom("audit_log").select("details").where("action", "=", "session.cleanup").executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ removed: 2 });
  });
});
