import type PgBoss from "pg-boss";
import type { SigningService } from "../modules/signing/signing.service";

export const SIGNING_SWEEP_QUEUE = "signing-sweep";

/** Registers the hourly round of signing requests (expire past the deadline, remind once a day, finish fully signed ones) and, when `work` is set, this process's worker. */
export async function registerSigningSweep(boss: PgBoss, signing: SigningService, work: boolean): Promise<void> {
  await boss.createQueue(SIGNING_SWEEP_QUEUE);
  await boss.schedule(SIGNING_SWEEP_QUEUE, "7 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(SIGNING_SWEEP_QUEUE, async () => {
      await signing.sweep();
    });
  }
}
