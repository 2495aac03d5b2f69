import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp, type Senders, type Services } from "../app";
import { NodemailerEmail, SimulatedSms } from "../modules/notifications/senders";
import { loadConfig, type Config } from "../config";
import { FieldCipher } from "../crypto/field-cipher";
import { migrateToLatest, openDatabase, type Database } from "../db/database";
import { seedDemo } from "../seed/seed-demo";

/**
 * A throw-away database for one test file: embedded PGlite in memory by default, or a fresh
 * database on the PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<{ database: Database; close: () => Promise<void>; url: string | null }> {
  const migrate = options.migrate ?? true;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    if (migrate) await migrateToLatest(database.db);
    return { database, close: () => database.close(), url: null };
  }
  const name = `haoban_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  cipher: FieldCipher;
  config: Config;
  /** The SMS simulator (keeps what it sent in memory) and e-mail through nodemailer's JSON transport. */
  senders: { sms: SimulatedSms; email: NodemailerEmail };
  close(): Promise<void>;
}

/** The real HTTP stack on a fresh, seeded database; `overrides` change configuration. */
export async function startTestApp(overrides: Partial<Config> = {}, options: { seed?: boolean; now?: () => Date; logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const { database, close } = await createTestDatabase();
  const cipher = new FieldCipher(randomBytes(32));
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
  if (options.seed !== false) await seedDemo(database.db, cipher);
  const senders = { sms: new SimulatedSms(null, 5, options.now), email: new NodemailerEmail({ jsonTransport: true }, "好办 <noreply@haoban.local>") };
  const { app, services } = await buildApp({ config, database, cipher, logger: options.logStream ? { level: "info", stream: options.logStream } : false, senders: senders satisfies Senders, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  return {
    app,
    services,
    database,
    cipher,
    config,
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
