/**
 * The public entry of the certificates module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { CertificateRepository } from "./certificate.repository";
export type { CertificatePayload } from "./certificate.service";
export type { CertificateService } from "./certificate.service";
export { maskName } from "./certificate.service";
