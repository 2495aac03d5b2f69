import { loadConfig } from "../config";
import { migrateToLatest, openDatabase } from "../db/database";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrateToLatest(database.db);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
await database.close();
