/**
 * The public entry of the numbering module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { CounterRepository } from "./counter.repository";
