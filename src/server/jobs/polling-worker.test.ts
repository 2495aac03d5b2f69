import { describe, expect, it } from "vitest";
import { startPollingWorker } from "./polling-worker";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a polling worker", () => {
  it("runs its round on every tick, never two at once, logs a failure and goes on; stopping waits for the round under way", async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const errors: unknown[] = [];
    const stop = startPollingWorker(
      async () => {
        running++;
        most = Math.max(most, running);
        rounds++;
        await pause(25); // longer than the interval: ticks meanwhile are skipped
        running--;
        if (rounds === 2) throw new Error("round two failed");
      },
      5,
      (err) => errors.push(err),
    );
    await pause(150);
    await stop();
    expect(running).toBe(0);
    expect(most).toBe(1);
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(["round two failed"]);
    const after = rounds;
    await pause(30);
    expect(rounds).toBe(after);
  });
});
