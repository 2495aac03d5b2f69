import { DomainError } from "../../domain-error";
import type { RatedEvent } from "../ratings";
import type { TicketRepository } from "./ticket.repository";

/** A replied 12345 ticket as a rated event (回访满意度): the department that replied answers for it. */
export async function ticketRatedEvent(repos: { tickets: TicketRepository }, id: string): Promise<RatedEvent> {
  const kind = "ticket" as const;
    const t = await repos.tickets.find(id);
    if (!t || !t.org_id) throw new DomainError("RATING_EVENT_NOT_FOUND");
    if (t.state !== "replied") throw new DomainError("RATING_NOT_YET");
    const reply = (await repos.tickets.listEvents(id)).filter((e) => e.action === "reply").at(-1);
    return {
      kind,
      id,
      raterAccountId: t.citizen_account_id,
      raterPersonId: t.citizen_person_id,
      raterName: t.citizen_name,
      itemId: t.item_id,
      itemName: null,
      orgId: t.org_id,
      orgName: t.org_name ?? "",
      windowOrgId: null,
      staffAccountId: reply?.actor_account_id ?? null,
      staffName: reply?.actor_name ?? null,
      stepKey: "reply",
      stepName: "诉求答复",
      applicationId: null,
      ticketId: t.id,
      indicatorSet: "onsite",
      regionCode: t.region_code,
      windowPaths: [],
    };
}
