/**
 * The public entry of the idempotency module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { CompleteIdempotent } from "./idempotency.service";
export { IdempotencyService } from "./idempotency.service";
export type { Repos as IdempotencyRepos } from "./idempotency.service";
