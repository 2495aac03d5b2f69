import { describe, expect, it } from "vitest";
import { SessionCache } from "./session-cache";

const at = new Date("2026-12-06T02:00:00Z");
const entry = (accountId: string) => ({ session: { account: { id: accountId } }, expiresAt: at, lastSeenAt: at });

describe("the session cache", () => {
  it("keeps a resolved session for its time to live, then reads again", () => {
    let clock = 0;
    const cache = new SessionCache<{ account: { id: string } }, string>(2000, () => clock);
    cache.keep("s1", entry("a1"), cache.generation);
    clock = 1999;
    expect(cache.get("s1")?.session.account.id).toBe("a1");
    clock = 2001;
    expect(cache.get("s1")).toBeUndefined();
  });

  it("does not keep a read that began before something was forgotten, so a forgotten state cannot come back", () => {
    const cache = new SessionCache<{ account: { id: string } }, string>(2000, () => 0);
    const generation = cache.generation; // a read starts …
    cache.forgetAccount("a1"); // … the account is disabled meanwhile …
    cache.keep("s1", entry("a1"), generation); // … and the read's stale result arrives
    expect(cache.get("s1")).toBeUndefined();
  });

  it("forgets one session, every session of an account, or all, and the presented /me with them", () => {
    const cache = new SessionCache<{ account: { id: string } }, string>(2000, () => 0);
    for (const [s, a] of [["s1", "a1"], ["s2", "a1"], ["s3", "a2"]] as const) {
      cache.keep(s, entry(a), cache.generation);
      cache.present(s, `me of ${a}`, cache.generation);
    }
    expect(cache.get("s3")?.presented).toBe("me of a2");
    cache.forgetAccount("a1");
    expect([cache.get("s1"), cache.get("s2")]).toEqual([undefined, undefined]);
    expect(cache.get("s3")).toBeDefined();
    cache.forget("s3");
    expect(cache.get("s3")).toBeUndefined();
    cache.keep("s4", entry("a3"), cache.generation);
    cache.forgetAll();
    expect(cache.get("s4")).toBeUndefined();
  });

  it("keeps nothing when its time to live is 0", () => {
    const cache = new SessionCache<{ account: { id: string } }, string>(0, () => 0);
    cache.keep("s1", entry("a1"), cache.generation);
    expect(cache.get("s1")).toBeUndefined();
  });
});
