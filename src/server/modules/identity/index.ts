/**
 * The public entry of the identity module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { AccountRepository } from "./account.repository";
export { saveNotificationPreferences } from "./notification-preferences";
export type { StaffDirectoryRepository } from "./staff-directory.repository";
