import type PgBoss from "pg-boss";
import type { CertificateService } from "../modules/certificates/certificate.service";

export const CERTIFICATE_EXPIRY_QUEUE = "certificate-expiry";

/** Registers the morning reminder of certificates about to expire and, when `work` is set, this process's worker. */
export async function registerCertificateExpiry(boss: PgBoss, certificates: CertificateService, work: boolean): Promise<void> {
  await boss.createQueue(CERTIFICATE_EXPIRY_QUEUE);
  await boss.schedule(CERTIFICATE_EXPIRY_QUEUE, "0 8 * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(CERTIFICATE_EXPIRY_QUEUE, async () => {
      await certificates.remindExpiring();
    });
  }
}
