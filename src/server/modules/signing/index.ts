/**
 * The public entry of the signing module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export { requireNoCoSigners } from "./co-signers";
export type { SigningRepository } from "./signing.repository";
