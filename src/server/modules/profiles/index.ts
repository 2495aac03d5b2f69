/**
 * The public entry of the profiles module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { CertificateBasis } from "./profile-facts";
export type { EnterpriseBasis } from "./profile-facts";
export type { PersonBasis } from "./profile-facts";
export { enterpriseFacts } from "./profile-facts";
export { factMap } from "./profile-facts";
export { personFacts } from "./profile-facts";
export type { ProfileService } from "./profile.service";
export type { Repos as RecommendationRepos } from "./recommendation.service";
export { resolveTarget } from "./recommendation.service";
