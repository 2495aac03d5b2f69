import type { Config } from "./config";
import { FieldCipher, loadMasterKey } from "./crypto/field-cipher";
import { migrateToLatest, openDatabase, withAdvisoryLock, type Database } from "./db/database";
import { sequencerFor } from "./modules/audit";

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

/**
 * The database remembers a check value of the key its personal fields are encrypted with; a process
 * with another key (HAOBAN_DATA_KEY differing between machines, say) refuses to start.
 */
export async function assertDataKey(database: Database, cipher: FieldCipher): Promise<void> {
  const value = cipher.keyCheckValue();
  await database.db.insertInto("data_key_check").values({ id: 1, check_value: value }).onConflict((oc) => oc.column("id").doNothing()).execute();
  const stored = await database.db.selectFrom("data_key_check").select("check_value").where("id", "=", 1).executeTakeFirstOrThrow();
  if (stored.check_value !== value) {
    throw new Error("the field-encryption key differs from the one this database's personal data is encrypted with: give every process the same HAOBAN_DATA_KEY");
  }
}

/**
 * Opens the database, applies migrations and loads the field-encryption key: what every entry point
 * needs. Processes starting at once on one server take turns (migrations lock by themselves).
 */
export async function openRuntime(config: Config): Promise<{ database: Database; cipher: FieldCipher }> {
  if (config.replicaUrls.length && !config.databaseUrl) throw new Error("DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are of a PostgreSQL server");
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, replicaUrls: config.replicaUrls, replicaMaxLagMs: config.replicaMaxLagMs, replicaCheckMs: config.replicaCheckMs });
  await migrateToLatest(database.db);
  const cipher = new FieldCipher(loadMasterKey(config.dataKey, config.dataDir));
  await withAdvisoryLock(database, "haoban:startup", async () => {
    await assertDataKey(database, cipher);
    await encryptPlainAddresses(database, cipher);
  });
  return { database, cipher };
}

/** Closes what `openRuntime` opened once the audit records this process wrote are chained (a script that seeds or changes data ends here). */
export async function closeRuntime(database: Database): Promise<void> {
  await sequencerFor(database.db).idle();
  await database.close();
}
