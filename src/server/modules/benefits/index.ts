/**
 * The public entry of the benefits module (待遇核定): what other modules may use. A module imports
 * another only through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export { assessBenefitOnApproval } from "./assess-on-approval";
