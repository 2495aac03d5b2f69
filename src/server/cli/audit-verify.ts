import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { AuditRepository } from "../modules/audit/audit.repository";
import { verifyAuditChains } from "../modules/audit/audit-verify";
import { sequencerFor } from "../modules/audit/audit-sequencer";

/** npm run audit:verify — checks every audit chain; exits 1 naming the first broken record. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
// Records a crash left between commit and sequencing are chained first: none is lost, none skipped.
const sequencer = sequencerFor(database.db);
await sequencer.sweep();
const pending = await sequencer.pendingCount();
const result = await verifyAuditChains(new AuditRepository(database.db));
await database.close();
if (result.ok) {
  console.log(`audit log intact: ${result.records} records in ${result.chains} chains${pending ? ` (${pending} records appended since, not yet chained)` : ""}`);
} else {
  const b = result.firstBreak!;
  console.error(`audit log BROKEN at chain ${b.chain}, record #${b.seq}: ${b.reason} (${result.records} records verified before it)`);
  process.exit(1);
}
