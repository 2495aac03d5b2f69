import { ChangeBus, EVERYTHING } from "../../db/change-bus";

/**
 * Resolved sessions kept for a moment, so that a signed-in page's burst of requests (and `GET /me`)
 * does not read the session, account and org again for each one. An entry lives `ttlMs` (a few
 * seconds); whatever changes a session or an account (logout, acting for an enterprise, a staff
 * member's roles, org or lock, the second factor) forgets it at once after its commit. A read that
 * began before such a change is not kept (the generation moved on meanwhile), so a forgotten state
 * cannot come back. Sessions acting for an enterprise are not kept: the authorisation is re-read on
 * every request, so that a revoked grant ends at once. What is forgotten here is forgotten in every
 * other process too, through the change bus (LISTEN/NOTIFY); `ttlMs` bounds what a lost notification
 * could leave (see ARCHITECTURE.md, "Hot paths" and "Several processes").
 */
export interface CachedSession<S, P> {
  session: S;
  /** When the session row was read (its last_seen_at and expiry are checked against it). */
  expiresAt: Date;
  lastSeenAt: Date;
  /** The presented `/me`, once built (without the CSRF token). */
  presented?: P;
}

const MAX_ENTRIES = 50_000;

export class SessionCache<S extends { account: { id: string } }, P> {
  private readonly entries = new Map<string, CachedSession<S, P> & { at: number }>();
  private gen = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly changes: ChangeBus = ChangeBus.local(),
  ) {
    changes.subscribe("session", (id) => (id === EVERYTHING ? this.clear() : this.drop(id)));
    changes.subscribe("account", (id) => (id === EVERYTHING ? this.clear() : this.dropAccount(id)));
    changes.subscribe("sessions", () => this.clear());
  }

  /** The generation a read starts in; `keep` stores its result only if nothing was forgotten since. */
  get generation(): number {
    return this.gen;
  }

  get(sessionId: string): CachedSession<S, P> | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (this.clock() - entry.at > this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  keep(sessionId: string, value: CachedSession<S, P>, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.gen) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, { ...value, at: this.clock() });
  }

  /** Remembers the presented `/me` of a kept session. */
  present(sessionId: string, presented: P, generation: number): void {
    const entry = this.entries.get(sessionId);
    if (entry && generation === this.gen) entry.presented = presented;
  }

  /** Forgets a session here and in every other process (call once the change is committed). */
  forget(sessionId: string): void {
    this.changes.publish("session", sessionId);
  }

  /** Forgets every kept session (who may act for which enterprise changed), in every process. */
  forgetAll(): void {
    this.changes.publish("sessions");
  }

  /** Forgets an account's sessions (its roles, organisation, lock or second factor changed), in every process. */
  forgetAccount(accountId: string): void {
    this.changes.publish("account", accountId);
  }

  private drop(sessionId: string) {
    this.gen++;
    this.entries.delete(sessionId);
  }

  private clear() {
    this.gen++;
    this.entries.clear();
  }

  private dropAccount(accountId: string) {
    this.gen++;
    for (const [id, entry] of this.entries) if (entry.session.account.id === accountId) this.entries.delete(id);
  }
}
