import type { OutboxRepository } from "../outbox";
import type { UnitOfWork } from "../../db/store";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { outbox: OutboxRepository };

export interface DirectMessage {
  accountId: string;
  kind: string;
  title: string;
  body: string;
  /** The same in English: the message centre shows it to readers who chose English. */
  titleEn: string;
  bodyEn: string;
  link: string;
  /** SMS and e-mail too (the citizen must know), or in the message centre only (staff work). */
  external: boolean;
}

/** Queues messages composed by the caller, in the caller's transaction (the outbox delivers them). */
export async function sendDirect(repos: Repos, messages: DirectMessage[], regionCode: string): Promise<void> {
  if (messages.length === 0) return;
  await repos.outbox.append("message.direct", { messages: messages.map((m) => ({ ...m, applicationId: null })) }, regionCode);
}
