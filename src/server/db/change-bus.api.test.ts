import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { login, startTestApp, testCipher, type LoggedIn, type TestApp } from "../testing/test-app";
import { ChangeBus, EVERYTHING } from "./change-bus";
import { openDatabase, type Database } from "./database";

/**
 * What a process keeps in memory follows changes made anywhere at once (db/change-bus.ts). Every copy
 * is kept for ten minutes here, so only a notification can explain a change seen within seconds.
 */
const KEPT_LONG = { sessionCacheMs: 600_000, verifyCacheMs: 600_000, searchRefreshMs: 600_000 };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(KEPT_LONG);
});
afterAll(async () => t?.close());

const verify = async (app: FastifyInstance, identifier: string) => (await app.inject({ method: "GET", url: `/api/v1/certificates/verify?id=${encodeURIComponent(identifier)}` })).json() as { valid: boolean; reason: string };
const searchAnswers = async (app: FastifyInstance, q: string) => ((await app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent(q)}&type=answer` })).json() as { hits: Array<{ answer: string | null }> }).hits.map((h) => h.answer ?? "");
const me = async (app: FastifyInstance, who: LoggedIn) => (await app.inject({ method: "GET", url: "/api/v1/me", headers: who.headers })).statusCode;
const calendarYears = async (app: FastifyInstance) => ((await app.inject({ method: "GET", url: "/api/v1/calendar/years" })).json() as { items: Array<{ year: number; source: string }> }).items.map((y) => `${y.year}:${y.source}`);
const soon = { timeout: 5_000, interval: 50 };

describe("the change bus in one process", () => {
  it("applies a change here at once and runs every subscriber; a handler that throws does not stop the others", () => {
    const bus = ChangeBus.local();
    const seen: string[] = [];
    bus.subscribe("session", () => {
      throw new Error("broken subscriber");
    });
    bus.subscribe("session", (key) => seen.push(`session:${key}`));
    bus.subscribe("calendar", (key) => seen.push(`calendar:${key}`));
    bus.publish("session", "abc");
    bus.publish("calendar");
    expect(seen).toEqual(["session:abc", `calendar:${EVERYTHING}`]);
  });

  it("a certificate's status written by anyone (another process, a job) ends its kept verification at once", async () => {
    const cert = await t.database.db.selectFrom("certificates").select(["id", "identifier"]).where("status", "=", "valid").orderBy("identifier").limit(1).executeTakeFirstOrThrow();
    expect((await verify(t.app, cert.identifier)).valid).toBe(true);
    // Straight to the table, as a process that keeps no copy would: the trigger tells every process.
    await t.database.db.updateTable("certificates").set({ status: "revoked" }).where("id", "=", cert.id).execute();
    await expect.poll(async () => (await verify(t.app, cert.identifier)).reason, soon).toBe("REVOKED");
    await t.database.db.updateTable("certificates").set({ status: "valid" }).where("id", "=", cert.id).execute();
    await expect.poll(async () => (await verify(t.app, cert.identifier)).reason, soon).toBe("VALID");
  });

  it("a new generation of the searchable content is searched at once, though the index is kept for ten minutes", async () => {
    const city = await login(t.app, "catalog.admin");
    expect(await searchAnswers(t.app, "居住证网上续签")).not.toContain("居住证签注可以在网上办理，无需到窗口。");
    const created = await t.app.inject({ method: "POST", url: "/api/v1/search/answers", headers: city.headers, payload: { question: "居住证可以网上续签吗？", answer: "居住证签注可以在网上办理，无需到窗口。", tags: ["居住证"] } });
    expect(created.statusCode).toBe(201);
    await expect.poll(() => searchAnswers(t.app, "居住证网上续签"), soon).toContain("居住证签注可以在网上办理，无需到窗口。");
  });
});

/** Two processes on one PostgreSQL server (the server lane: the embedded database belongs to one process). */
describe.runIf(Boolean(process.env.DATABASE_URL))("two server processes on one PostgreSQL server", () => {
  let other: { app: FastifyInstance; database: Database };
  beforeAll(async () => {
    const database = await openDatabase({ databaseUrl: t.url! });
    const { app } = await buildApp({ config: t.config, database, cipher: testCipher(), logger: false });
    await app.ready();
    other = { app, database };
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.database.close();
  });

  it("a logout in one ends the session kept by the other at once", async () => {
    const citizen = await login(t.app, "13800000003");
    expect(await me(other.app, citizen)).toBe(200);
    expect((await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: citizen.headers })).statusCode).toBe(200);
    await expect.poll(() => me(other.app, citizen), soon).toBe(401);
  });

  it("a calendar year saved in one is the other's calendar at once", async () => {
    const admin = await login(t.app, "admin");
    expect(await calendarYears(other.app)).not.toContain("2023:configured");
    const saved = await t.app.inject({ method: "PUT", url: "/api/v1/calendar/years/2023", headers: admin.headers, payload: { holidays: [{ date: "2023-01-02", name: "元旦" }], workdays: [], lockVersion: null } });
    expect(saved.statusCode).toBe(200);
    await expect.poll(() => calendarYears(other.app), soon).toContain("2023:configured");
  });

  it("a certificate revoked through one is refused by the other's verification at once", async () => {
    const cert = await t.database.db.selectFrom("certificates").select(["id", "identifier"]).where("status", "=", "valid").orderBy("identifier", "desc").limit(1).executeTakeFirstOrThrow();
    expect((await verify(other.app, cert.identifier)).valid).toBe(true);
    await t.database.db.updateTable("certificates").set({ status: "suspended" }).where("id", "=", cert.id).execute();
    await expect.poll(async () => (await verify(other.app, cert.identifier)).reason, soon).toBe("SUSPENDED");
    await t.database.db.updateTable("certificates").set({ status: "valid" }).where("id", "=", cert.id).execute();
  });

  it("a process whose listening connection is cut forgets everything it kept when it is back, and hears again", async () => {
    const citizen = await login(t.app, "13800000004");
    expect(await me(other.app, citizen)).toBe(200);
    await terminateListeners(t.database);
    // The logout is announced while nobody listens: the other hears of it only by forgetting everything on reconnecting.
    expect((await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: citizen.headers })).statusCode).toBe(200);
    await expect.poll(() => me(other.app, citizen), soon).toBe(401);
    // Listening again: the next change arrives as before.
    const second = await login(t.app, "13800000005");
    expect(await me(other.app, second)).toBe(200);
    expect((await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: second.headers })).statusCode).toBe(200);
    await expect.poll(() => me(other.app, second), soon).toBe(401);
  });
});

/** Ends every listening connection of this database (both processes'), as a server restart or a network cut would. */
async function terminateListeners(database: Database) {
  const { rows } = await database.executeSql("select pg_terminate_backend(pid) as done from pg_stat_activity where datname = current_database() and application_name = 'haoban-changes'");
  expect(rows.length).toBeGreaterThanOrEqual(2);
}
