import type { AccountRepository } from "./account.repository";

/** What an account wants to be told through (the notifications module reads and changes it through here). */
export interface NotificationPreferences {
  sms: boolean;
  /** Encrypted e-mail address; null removes it; absent leaves it as it is. */
  emailEnc?: string | null;
  proactive?: boolean;
}

/** Saves an account's notification preferences in the caller's transaction. */
export async function saveNotificationPreferences(repos: { accounts: AccountRepository }, accountId: string, p: NotificationPreferences): Promise<void> {
  await repos.accounts.update(accountId, { notify_sms: p.sms, ...(p.emailEnc !== undefined ? { email_enc: p.emailEnc } : {}), ...(p.proactive !== undefined ? { notify_proactive: p.proactive } : {}) });
}
