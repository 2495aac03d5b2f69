import type { Config } from "./config";
import { FieldCipher, loadMasterKey } from "./crypto/field-cipher";
import { migrateToLatest, openDatabase, type Database } from "./db/database";

/** Encrypts residential addresses still stored in plain text (databases from before migration 0022), in batches. */
export async function encryptPlainAddresses(database: Database, cipher: FieldCipher): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await database.db.selectFrom("persons").select(["id", "address"]).where("address", "is not", null).limit(1000).execute();
    if (!rows.length) return done;
    await database.db.transaction().execute(async (trx) => {
      for (const r of rows) await trx.updateTable("persons").set({ address_enc: cipher.encrypt(r.address!), address: null }).where("id", "=", r.id).execute();
    });
    done += rows.length;
  }
}

/** Opens the database, applies migrations and loads the field-encryption key: what every entry point needs. */
export async function openRuntime(config: Config): Promise<{ database: Database; cipher: FieldCipher }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const cipher = new FieldCipher(loadMasterKey(config.dataKey, config.dataDir));
  await encryptPlainAddresses(database, cipher);
  return { database, cipher };
}
