import { describe, expect, it } from "vitest";
import { afterFailure, clientKey, closedToUnknownClients, DEFAULT_THROTTLE, delaySeconds, nextAttemptAt, type ThrottleState } from "./login-throttle";

const s = DEFAULT_THROTTLE; // 5 failures, 15 minutes, delays from the 3rd, ceiling 50
const t0 = new Date("2026-12-06T02:00:00Z");
const after = (ms: number) => new Date(t0.getTime() + ms);

describe("login throttle per account and client", () => {
  it("keys a known device apart from its address", () => {
    expect(clientKey({ knownDeviceHash: "abc", ip: "1.2.3.4" })).toBe("device:abc");
    expect(clientKey({ knownDeviceHash: null, ip: "1.2.3.4" })).toBe("ip:1.2.3.4");
  });

  it("delays grow from the third failure, doubling, at most a minute", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => delaySeconds(n, s))).toEqual([0, 0, 0, 1, 2, 4, 60]);
  });

  it("counts failures, makes the client wait, then locks it for the lock-out time", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = afterFailure(state, t0, s);
    expect(state).toEqual({ failures: 4, lastFailureAt: t0, lockedUntil: null });
    expect(nextAttemptAt(state, after(500), s)).toEqual({ at: after(2000), locked: false });
    expect(nextAttemptAt(state, after(2000), s)).toBeNull();
    state = afterFailure(state, after(3000), s);
    expect(state.lockedUntil).toEqual(after(3000 + 15 * 60_000));
    expect(nextAttemptAt(state, after(60_000), s)).toEqual({ at: state.lockedUntil, locked: true });
    // After the lock the count starts again.
    expect(afterFailure(state, after(20 * 60_000), s)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("closes the account to unknown clients only past the ceiling", () => {
    expect(closedToUnknownClients(49, s)).toBe(false);
    expect(closedToUnknownClients(50, s)).toBe(true);
    expect(nextAttemptAt(null, t0, s)).toBeNull();
  });
});
