import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Config } from "../src/server/config";
import { FieldCipher } from "../src/server/crypto/field-cipher";
import { migrateToLatest, openDatabase, type Database } from "../src/server/db/database";
import { seedDemo } from "../src/server/seed/seed-demo";
import { sequencerFor } from "../src/server/modules/audit";

/**
 * A platform of its own for one part of the benchmark: a fresh database (beside DATABASE_URL's on a server, a
 * temporary embedded one otherwise), migrated and seeded with the demo city; `drop` removes it again.
 */
export async function freshBenchDatabase(base: Config, name: string): Promise<{ database: Database; cipher: FieldCipher; dataKey: string; databaseUrl: string | undefined; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `haoban-bench-${name}-`));
  let databaseUrl = base.databaseUrl;
  let created: string | null = null;
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    created = `haoban_bench_${name}_${Date.now()}`;
    await admin.query(`create database ${created}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${created}`;
    databaseUrl = url.toString();
  }
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: base.databasePoolSize });
  await migrateToLatest(database.db);
  const key = randomBytes(32);
  const cipher = new FieldCipher(key);
  await seedDemo(database.db, cipher);
  // What the seed recorded is chained now, not by a run still going when the database is dropped.
  await sequencerFor(database.db).sweep();
  const drop = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (created && base.databaseUrl) {
      const admin = new pg.Client({ connectionString: base.databaseUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${created} with (force)`);
      await admin.end();
    }
  };
  return { database, cipher, dataKey: key.toString("base64"), databaseUrl, dataDir, drop };
}
