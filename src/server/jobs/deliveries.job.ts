import type PgBoss from "pg-boss";
import type { DeliveryService } from "../modules/delivery/delivery.service";

export const DELIVERIES_QUEUE = "deliveries-dispatch";

/** Every minute: book with the carrier what waits to be posted (a carrier that was down, postage just paid). */
export async function registerDeliveries(boss: PgBoss, deliveries: DeliveryService, work: boolean): Promise<void> {
  await boss.createQueue(DELIVERIES_QUEUE);
  await boss.schedule(DELIVERIES_QUEUE, "* * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(DELIVERIES_QUEUE, async () => {
      await deliveries.dispatch();
    });
  }
}
