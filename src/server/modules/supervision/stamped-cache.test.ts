import { describe, expect, it } from "vitest";
import { StampedCache } from "./stamped-cache";

describe("StampedCache: figures kept until their data changes", () => {
  it("computes once per stamp, shares a computation in flight, and forgets a failure", async () => {
    const cache = new StampedCache<number>(2);
    let runs = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 5));
    const [a, b] = await Promise.all([cache.get("k", "s1", compute), cache.get("k", "s1", compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get("k", "s1", compute)).toBe(1);
    expect(await cache.get("k", "s2", compute)).toBe(2); // the data changed: computed afresh
    await expect(cache.get("bad", "s1", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("bad", "s1", compute)).toBe(3);
    // At most `max` entries: the oldest goes first.
    await cache.get("x", "s1", compute);
    expect(await cache.get("k", "s2", compute)).toBe(5);
  });
});
