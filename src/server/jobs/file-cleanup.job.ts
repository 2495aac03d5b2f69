import type PgBoss from "pg-boss";
import type { FileService } from "../modules/files/file.service";

export const FILE_CLEANUP_QUEUE = "file-cleanup";
/** Uploads that no application or draft uses are kept this long, then removed. */
export const UNATTACHED_RETENTION_DAYS = 30;

/** Registers the nightly removal of abandoned uploads and, when `work` is set, this process's worker. */
export async function registerFileCleanup(boss: PgBoss, files: FileService, work: boolean): Promise<void> {
  await boss.createQueue(FILE_CLEANUP_QUEUE);
  await boss.schedule(FILE_CLEANUP_QUEUE, "17 3 * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(FILE_CLEANUP_QUEUE, async () => {
      await files.removeUnattached(UNATTACHED_RETENTION_DAYS);
    });
  }
}
