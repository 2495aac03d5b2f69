import type { Config } from "./config";
import { FieldCipher, loadMasterKey } from "./crypto/field-cipher";
import { migrateToLatest, openDatabase, type Database } from "./db/database";

/** Opens the database, applies migrations and loads the field-encryption key: what every entry point needs. */
export async function openRuntime(config: Config): Promise<{ database: Database; cipher: FieldCipher }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const cipher = new FieldCipher(loadMasterKey(config.dataKey, config.dataDir));
  return { database, cipher };
}
