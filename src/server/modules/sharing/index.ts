/**
 * The public entry of the sharing module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { PrefillService } from "./prefill.service";
export { materialElement } from "./prefill.service";
export type { SharingService } from "./sharing.service";
