/**
 * The public entry of the audit module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { AuditEntry } from "./audit.repository";
export { AuditRepository } from "./audit.repository";
export { AuditSequencer, sequencerFor } from "./audit-sequencer";
export { verifyAuditChains } from "./audit-verify";
