/**
 * Brute-force protection per account *and* client (pure): failures from one client slow that client
 * down, then lock it out for a while; the account's owner on another client — a device they logged
 * in from before, or another address — is not affected. Failures from many unknown clients at once
 * (a distributed attack) close the account to unknown clients only; known devices still get in.
 */
export interface ThrottleSettings {
  /** Failures from one client before it is locked out. */
  maxFailures: number;
  lockoutMinutes: number;
  /** Failures before each further attempt must wait (1 s, 2 s, 4 s … up to 60 s). */
  delayAfter: number;
  /** Failures from unknown clients within the lock-out window that close the account to unknown clients. */
  accountCeiling: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { maxFailures: 5, lockoutMinutes: 15, delayAfter: 3, accountCeiling: 50 };

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Which client is trying: a device the account logged in from before, or an address. */
export function clientKey(client: { knownDeviceHash: string | null; ip: string | null }): string {
  return client.knownDeviceHash ? `device:${client.knownDeviceHash}` : `ip:${client.ip ?? "unknown"}`;
}

/** The delay after `failures` failures: none before `delayAfter`, then doubling from one second, at most a minute. */
export function delaySeconds(failures: number, settings: ThrottleSettings): number {
  return failures < settings.delayAfter ? 0 : Math.min(60, 2 ** (failures - settings.delayAfter));
}

/** When this client may try again, or null if it may now; `locked` distinguishes a lock-out from a delay. */
export function nextAttemptAt(state: ThrottleState | null, now: Date, settings: ThrottleSettings): { at: Date; locked: boolean } | null {
  if (!state) return null;
  if (state.lockedUntil && state.lockedUntil > now) return { at: state.lockedUntil, locked: true };
  const at = new Date(state.lastFailureAt.getTime() + delaySeconds(state.failures, settings) * 1000);
  return at > now ? { at, locked: false } : null;
}

/** The client's state after one more failure: locked (and counting afresh) once it reaches the maximum. */
export function afterFailure(state: ThrottleState | null, now: Date, settings: ThrottleSettings): ThrottleState {
  // A lock that has run out starts the count again.
  const previous = state && !(state.lockedUntil && state.lockedUntil <= now) ? state.failures : 0;
  const failures = previous + 1;
  if (failures >= settings.maxFailures) return { failures: 0, lastFailureAt: now, lockedUntil: new Date(now.getTime() + settings.lockoutMinutes * 60_000) };
  return { failures, lastFailureAt: now, lockedUntil: null };
}

/** True when recent failures from unknown clients close the account to them (known devices still get in). */
export function closedToUnknownClients(recentUnknownFailures: number, settings: ThrottleSettings): boolean {
  return recentUnknownFailures >= settings.accountCeiling;
}
