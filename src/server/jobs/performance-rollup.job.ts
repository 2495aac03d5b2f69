import type PgBoss from "pg-boss";
import type { PerformanceService } from "../modules/supervision/performance.service";

export const PERFORMANCE_ROLLUP_QUEUE = "performance-rollup";

/** Registers the rollup of 效能监督's figures (today and yesterday, every 15 minutes) and, when `work` is set, this process's worker. */
export async function registerPerformanceRollup(boss: PgBoss, performance: PerformanceService, work: boolean): Promise<void> {
  await boss.createQueue(PERFORMANCE_ROLLUP_QUEUE);
  await boss.schedule(PERFORMANCE_ROLLUP_QUEUE, "*/15 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(PERFORMANCE_ROLLUP_QUEUE, async () => {
      await performance.refreshRecent();
    });
  }
}
