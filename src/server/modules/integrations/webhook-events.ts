import { CloudEvent } from "cloudevents";
import { EVENT_TYPE_PREFIX, transitionEvent, type EventType } from "../../../shared/integrations";

/** An outbox event as a webhook event: its type, the organisation whose subscribers receive it, the stream it is ordered in. */
export interface PlatformEvent {
  type: EventType;
  orgId: string;
  stream: string;
  /** The CloudEvents envelope as sent (structured mode). */
  envelope: Record<string, unknown>;
}

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * What an outbox event is to subscribers, or null for the events that are not published (messages, 一件事
 * bookkeeping, events written before they carried an organisation). The data is thin — ids, numbers and
 * states, never personal data: a receiver reads the rest through the API with its token, where the
 * sharing rules and the audit apply.
 */
export function platformEventOf(row: { id: number; topic: string; payload: unknown; region_code: string; created_at: Date }): PlatformEvent | null {
  const p = (row.payload ?? {}) as Payload;
  const found = classify(row.topic, p);
  if (!found) return null;
  const envelope = new CloudEvent({
    id: `evt-${row.id}`,
    source: `/haoban/${row.region_code}`,
    type: `${EVENT_TYPE_PREFIX}${found.type}`,
    subject: found.subject,
    time: row.created_at.toISOString(),
    datacontenttype: "application/json",
    data: found.data,
  });
  return { type: found.type, orgId: found.orgId, stream: found.stream, envelope: JSON.parse(JSON.stringify(envelope)) as Record<string, unknown> };
}

function classify(topic: string, p: Payload): { type: EventType; orgId: string; stream: string; subject: string; data: Payload } | null {
  const applicationId = str(p.applicationId);
  switch (topic) {
    case "application.submitted": {
      const orgId = str(p.handlingOrgId);
      if (!applicationId || !orgId) return null;
      return { type: "application.submitted", orgId, stream: `application:${applicationId}`, subject: applicationId, data: { applicationId, itemId: p.itemId, state: p.state } };
    }
    case "application.transition": {
      const orgId = str(p.handlingOrgId);
      if (!applicationId || !orgId || typeof p.toKind !== "string") return null;
      const type = transitionEvent({ fromKind: str(p.fromKind), toKind: p.toKind, supplement: p.supplement === true, outcome: str(p.outcome) });
      return { type, orgId, stream: `application:${applicationId}`, subject: applicationId, data: { applicationId, number: p.number, itemId: p.itemId, action: p.action, from: p.from, to: p.to, outcome: p.outcome ?? null } };
    }
    case "certificate.issued":
    case "certificate.revoked": {
      const orgId = str(p.issuerOrgId);
      const certificateId = str(p.certificateId);
      if (!orgId || !certificateId) return null;
      const type = topic === "certificate.issued" ? "certificate.issued" : "certificate.revoked";
      return { type, orgId, stream: applicationId ? `application:${applicationId}` : `certificate:${certificateId}`, subject: applicationId ?? certificateId, data: { applicationId, certificateId, identifier: p.identifier, ...(p.type ? { certificateType: p.type } : {}) } };
    }
    case "payment.settled": {
      const orgId = str(p.orgId);
      const orderId = str(p.orderId);
      if (!orgId || !orderId) return null;
      return { type: "payment.settled", orgId, stream: applicationId ? `application:${applicationId}` : `payment:${orderId}`, subject: applicationId ?? orderId, data: { applicationId, orderId, number: p.number, amountFen: p.amountFen } };
    }
    case "ticket.dispatched": {
      const orgId = str(p.orgId);
      const ticketId = str(p.ticketId);
      if (!orgId || !ticketId) return null;
      return { type: "ticket.dispatched", orgId, stream: `ticket:${ticketId}`, subject: ticketId, data: { ticketId, number: p.number } };
    }
    default:
      return null;
  }
}
