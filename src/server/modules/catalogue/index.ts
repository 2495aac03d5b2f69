/**
 * The public entry of the catalogue module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export { cellText } from "./catalogue-excel";
export type { CatalogueRepository } from "./catalogue.repository";
export type { Repos as VersionContentsRepos } from "./version-contents";
export { VersionContents } from "./version-contents";
