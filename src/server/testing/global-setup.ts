import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { FieldCipher } from "../crypto/field-cipher";
import { migrateToLatest, openDatabase, type Database } from "../db/database";
import { seedDemo } from "../seed/seed-demo";
import { TEST_FIELD_KEY, type TestTemplates } from "./templates";

/**
 * Seeds the demo city once per lane, before any test file starts: on the PostgreSQL server two
 * template databases (migrated, and migrated and seeded) that every test file copies with
 * `CREATE DATABASE … TEMPLATE`; on embedded PGlite two dumped data directories that every test file
 * loads into its own in-memory database. Torn down when the lane ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const cipher = new FieldCipher(Buffer.from(TEST_FIELD_KEY, "hex"));
  const serverUrl = process.env.DATABASE_URL;
  let templates: TestTemplates;
  let teardown: () => Promise<void>;

  if (serverUrl) {
    const stamp = `${Date.now()}_${process.pid}`;
    const names = { migrated: `haoban_tpl_${stamp}_migrated`, seeded: `haoban_tpl_${stamp}_seeded` };
    const admin = async (text: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    };
    const prepare = async (name: string, seed: boolean) => {
      await admin(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        await migrateToLatest(database.db);
        if (seed) await seedDemo(database.db, cipher);
      } finally {
        await database.close();
      }
    };
    await Promise.all([prepare(names.migrated, false), prepare(names.seeded, true)]);
    templates = { kind: "postgres", ...names };
    teardown = async () => {
      for (const name of Object.values(names)) await admin(`drop database if exists ${name} with (force)`);
    };
  } else {
    const dir = path.resolve("tmp", `test-templates-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const dump = async (database: Database, file: string) => {
      const blob = await database.dumpDataDir!();
      writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    };
    const database = await openDatabase({ dataDir: "memory://" });
    const files = { migrated: path.join(dir, "migrated.tar"), seeded: path.join(dir, "seeded.tar") };
    try {
      await migrateToLatest(database.db);
      await dump(database, files.migrated);
      await seedDemo(database.db, cipher);
      await dump(database, files.seeded);
    } finally {
      await database.close();
    }
    templates = { kind: "pglite", ...files };
    teardown = async () => rmSync(dir, { recursive: true, force: true });
  }
  project.provide("testTemplates", templates);
  console.log(`test templates (${templates.kind}): migrated and seeded once in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return teardown;
}
