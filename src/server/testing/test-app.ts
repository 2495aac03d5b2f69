import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp, type Senders, type Services } from "../app";
import { NodemailerEmail, SimulatedSms } from "../modules/notifications/senders";
import { loadConfig, type Config } from "../config";
import { FieldCipher } from "../crypto/field-cipher";
import { migrateToLatest, openDatabase, type Database } from "../db/database";
import { seedDemo } from "../seed/seed-demo";
import { TEST_FIELD_KEY, type TestTemplates } from "./templates";

/** What a test database starts from: nothing, the migrated schema, or the seeded demo city. */
export type TestDatabaseStart = "empty" | "migrated" | "seeded";

function providedTemplates(): TestTemplates | undefined {
  try {
    return inject("testTemplates");
  } catch {
    return undefined; // outside vitest's workers (a script importing the helpers)
  }
}

/**
 * A throw-away database for one test file: embedded PGlite in memory by default, or a fresh
 * database on the PostgreSQL server named by DATABASE_URL (dropped again on close). It starts as a
 * copy of the lane's template (see global-setup.ts), so the demo city is seeded once per lane.
 */
export async function createTestDatabase(options: { migrate?: boolean; start?: TestDatabaseStart } = {}): Promise<{ database: Database; close: () => Promise<void>; url: string | null }> {
  const start: TestDatabaseStart = options.start ?? (options.migrate === false ? "empty" : "migrated");
  const templates = providedTemplates();
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = start !== "empty" && templates?.kind === "pglite" ? templates[start] : null;
    const database = await openDatabase({ dataDir: "memory://", ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}) });
    if (start !== "empty" && !template) await migrateToLatest(database.db);
    if (start === "seeded" && !template) await seedDemo(database.db, testCipher());
    return { database, close: () => database.close(), url: null };
  }
  const name = `haoban_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const template = start !== "empty" && templates?.kind === "postgres" ? templates[start] : null;
  await adminQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (start !== "empty" && !template) await migrateToLatest(database.db);
  if (start === "seeded" && !template) await seedDemo(database.db, testCipher());
  return {
    database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs one statement on the server's maintenance connection; copying a template is retried while another copy holds it. */
async function adminQuery(serverUrl: string, text: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
      return;
    } catch (err) {
      // 55006: "source database is being accessed by other users" — a copy of the same template in another file.
      if ((err as { code?: string }).code !== "55006" || attempt >= 50) throw err;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}

/** The cipher every test database's data is encrypted with (the template was seeded with it). */
export function testCipher(): FieldCipher {
  return new FieldCipher(Buffer.from(TEST_FIELD_KEY, "hex"));
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  cipher: FieldCipher;
  config: Config;
  /** The PostgreSQL server's database the app runs on (null on the embedded database). */
  url: string | null;
  /** The SMS simulator (keeps what it sent in memory) and e-mail through nodemailer's JSON transport. */
  senders: { sms: SimulatedSms; email: NodemailerEmail };
  close(): Promise<void>;
}

/** The real HTTP stack on a fresh, seeded database; `overrides` change configuration. */
export async function startTestApp(overrides: Partial<Config> = {}, options: { seed?: boolean; now?: () => Date; logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const { database, close, url } = await createTestDatabase({ start: options.seed === false ? "migrated" : "seeded" });
  const cipher = testCipher();
  const config: Config = {
    ...loadConfig({}),
    webDist: "./no-web-in-api-tests",
    rateLimitPerMinute: 10_000,
    loginRateLimitPerMinute: 10_000,
    searchRefreshMs: 0,
    verifyCacheMs: 0,
    storage: { kind: "local", dir: mkdtempSync(path.join(tmpdir(), "haoban-files-")) },
    ...overrides,
  };
  const senders = { sms: new SimulatedSms(null, 5, options.now), email: new NodemailerEmail({ jsonTransport: true }, "好办 <noreply@haoban.local>") };
  const { app, services } = await buildApp({ config, database, cipher, logger: options.logStream ? { level: "info", stream: options.logStream } : false, senders: senders satisfies Senders, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  return {
    app,
    services,
    database,
    cipher,
    config,
    url,
    senders,
    close: async () => {
      await app.close();
      await close();
      if (config.storage.kind === "local") rmSync(config.storage.dir, { recursive: true, force: true });
    },
  };
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  headers: { cookie: string; "x-csrf-token": string };
}

/** Logs in through the API and returns what later requests need to carry. */
export async function login(app: FastifyInstance, identifier: string, password = "Haoban@2026"): Promise<LoggedIn> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier, password } });
  if (res.statusCode !== 200) throw new Error(`login ${identifier} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "haoban_session");
  if (!cookie) throw new Error("no session cookie");
  const csrf = res.json().csrfToken as string;
  return { cookie: `haoban_session=${cookie.value}`, csrf, headers: { cookie: `haoban_session=${cookie.value}`, "x-csrf-token": csrf } };
}

/**
 * Delivers every queued event to the message centre and returns the messages that have no English
 * (every message the platform composes is kept in both languages; the reader's choice picks one).
 */
export async function messagesWithoutEnglish(t: TestApp): Promise<Array<{ kind: string; title: string }>> {
  while ((await t.services.notifications.dispatchOutbox(500)) > 0);
  return t.database.db.selectFrom("messages").select(["kind", "title"]).where((eb) => eb.or([eb("title_en", "is", null), eb("body_en", "is", null)])).execute();
}
