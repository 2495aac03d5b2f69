import type PgBoss from "pg-boss";
import { todayInChina } from "../../shared/working-days";
import type { PaymentService } from "../modules/payments/payment.service";
import type { PayoutService } from "../modules/payments/payout.service";
import type { ReconciliationService } from "../modules/payments/reconciliation.service";

export const PAYMENTS_QUEUE = "payments-dispatch";
export const PAYOUTS_QUEUE = "payouts-due";
export const RECONCILIATION_QUEUE = "payments-reconciliation";

/** The day before `day` (YYYY-MM-DD). */
const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * 统一支付's schedules: every minute, talk to the payment platform (register new orders so their 缴款码
 * works at a bank, close the orders of ended applications, submit refunds and payouts, ask about those
 * no notification came for, close orders past their day); each morning make the payouts whose day has
 * come; each night reconcile yesterday with the platform's statement.
 */
export async function registerPayments(boss: PgBoss, services: { payments: PaymentService; payouts: PayoutService; reconciliation: ReconciliationService }, work: boolean, now: () => Date): Promise<void> {
  await boss.createQueue(PAYMENTS_QUEUE);
  await boss.schedule(PAYMENTS_QUEUE, "* * * * *", {}, { tz: "Asia/Shanghai" });
  await boss.createQueue(PAYOUTS_QUEUE);
  await boss.schedule(PAYOUTS_QUEUE, "7 6 * * *", {}, { tz: "Asia/Shanghai" });
  await boss.createQueue(RECONCILIATION_QUEUE);
  await boss.schedule(RECONCILIATION_QUEUE, "30 2 * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(PAYMENTS_QUEUE, async () => {
      await services.payments.dispatch();
    });
    await boss.work(PAYOUTS_QUEUE, async () => {
      await services.payouts.due();
    });
    await boss.work(RECONCILIATION_QUEUE, async () => {
      await services.reconciliation.run(dayBefore(todayInChina(now())));
    });
  }
}
