/**
 * The public entry of the integrations module: what other modules may use. A module imports another only
 * through its entry (checked by ESLint); everything else in the folder is the module's own.
 */
export type { ClientRepository } from "./client.repository";
export type { WebhookRepository } from "./webhook.repository";
export { signWebhook } from "./webhook-sender";
