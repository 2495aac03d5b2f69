/**
 * The public entry of the generated-documents module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { GeneratedDocumentRepository } from "./generated-document.repository";
export type { GeneratedDocumentService } from "./generated-document.service";
