/**
 * The public entry of the applications module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { ApplicationRepository } from "./application.repository";
export type { ApplicationRow, EnteredApplication } from "./application.service";
export type { ApplicationService } from "./application.service";
export { subjectKey } from "./holding";
export type { HoldingRepository } from "./holding.repository";
