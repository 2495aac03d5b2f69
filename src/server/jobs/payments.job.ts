import type PgBoss from "pg-boss";
import type { PaymentService } from "../modules/payments/payment.service";

export const PAYMENTS_QUEUE = "payments-dispatch";

/**
 * Every minute: talk to the payment platform — register new orders (so their 缴款码 works at a bank),
 * close the orders of ended applications, submit refunds, ask about orders no notification came for,
 * and close orders past their day. One worker at a time (singleton), so nothing is sent twice at once.
 */
export async function registerPayments(boss: PgBoss, payments: PaymentService, work: boolean): Promise<void> {
  await boss.createQueue(PAYMENTS_QUEUE, { name: PAYMENTS_QUEUE, policy: "singleton" });
  await boss.schedule(PAYMENTS_QUEUE, "* * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(PAYMENTS_QUEUE, async () => {
      await payments.dispatch();
    });
  }
}
