import type PgBoss from "pg-boss";
import type { TicketService } from "../modules/appeals/ticket.service";
import type { RatingCaseService } from "../modules/ratings/rating-case.service";
import type { SupervisionOrderService } from "../modules/supervision/order.service";

export const APPEAL_DEADLINES_QUEUE = "appeal-deadlines";

/**
 * Hourly: 差评 cases past their respond or rectify deadline and 12345 tickets past their reply
 * deadline, and 督办 orders not answered by theirs, are escalated once to the supervisors above the
 * responsible org.
 */
export async function registerAppealDeadlines(boss: PgBoss, cases: RatingCaseService, tickets: TicketService, orders: SupervisionOrderService, work: boolean): Promise<void> {
  await boss.createQueue(APPEAL_DEADLINES_QUEUE);
  await boss.schedule(APPEAL_DEADLINES_QUEUE, "17 * * * *", {}, { tz: "Asia/Shanghai" });
  if (work) {
    await boss.work(APPEAL_DEADLINES_QUEUE, async () => {
      await cases.escalateOverdue();
      await tickets.escalateOverdue();
      await orders.escalateOverdue();
    });
  }
}
