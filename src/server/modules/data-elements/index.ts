/**
 * The public entry of the data-elements module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { DataElementRepository } from "./data-element.repository";
export type { DataElementService } from "./data-element.service";
