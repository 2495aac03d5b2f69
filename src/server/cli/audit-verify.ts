import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { AuditRepository } from "../modules/audit/audit.repository";
import { verifyAuditChains } from "../modules/audit/audit-verify";

/** npm run audit:verify — checks every audit chain; exits 1 naming the first broken record. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const result = await verifyAuditChains(new AuditRepository(database.db));
await database.close();
if (result.ok) {
  console.log(`audit log intact: ${result.records} records in ${result.chains} chains`);
} else {
  const b = result.firstBreak!;
  console.error(`audit log BROKEN at chain ${b.chain}, record #${b.seq}: ${b.reason} (${result.records} records verified before it)`);
  process.exit(1);
}
