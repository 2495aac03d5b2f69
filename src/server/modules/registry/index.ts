/**
 * The public entry of the registry module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { EnterpriseRepository } from "./enterprise.repository";
export type { PersonRepository } from "./person.repository";
export { basicAccountOf, SimulatedBank } from "./bank-accounts";
export type { BankAccountOpening, BankAccountRepository } from "./bank-accounts";
