import { createHmac, timingSafeEqual } from "node:crypto";

/** The events the platform sends (CloudEvents `type` = `cn.gov.haoban.` + one of these). */
export const EVENT_CODES = [
  "application.submitted",
  "application.accepted",
  "application.supplement_requested",
  "application.resubmitted",
  "application.progressed",
  "application.decided",
  "application.withdrawn",
  "certificate.issued",
  "certificate.revoked",
  "payment.settled",
  "ticket.dispatched",
] as const;
export type EventCode = (typeof EVENT_CODES)[number];

/** One event as delivered (CloudEvents 1.0, structured mode). `data` holds ids, numbers and states: read the rest through the API. */
export interface HaobanEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: `cn.gov.haoban.${EventCode}`;
  subject: string;
  time: string;
  datacontenttype: "application/json";
  data: {
    applicationId?: string | null;
    number?: string | null;
    itemId?: string;
    state?: string;
    action?: string;
    from?: string | null;
    to?: string;
    outcome?: string | null;
    certificateId?: string;
    identifier?: string;
    orderId?: string;
    amountFen?: number;
    ticketId?: string;
    [key: string]: unknown;
  };
}

export class WebhookVerificationError extends Error {
  constructor(readonly reason: "missing_headers" | "stale" | "bad_signature" | "bad_body") {
    super(`webhook verification failed: ${reason}`);
  }
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;
function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Verifies a delivery and returns its event. Pass the subscription's secret (`whsec_…`), the request's
 * headers and its body exactly as received (the raw text, before any JSON parsing). The signature is the
 * Standard Webhooks scheme: `webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")>`,
 * the key being the secret's base64 part decoded; several space-separated signatures may be sent while a
 * secret changes. A timestamp further than `toleranceSeconds` from now is refused (replays of old deliveries);
 * deduplicate by `webhook-id` (= the event id), since a delivery may come more than once.
 */
export function verifyWebhook(secret: string, headers: HeaderBag, body: string, options: { toleranceSeconds?: number; now?: () => number } = {}): HaobanEvent {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError("missing_headers");
  const seconds = Number(timestamp);
  const now = Math.floor((options.now?.() ?? Date.now()) / 1000);
  if (!Number.isInteger(seconds) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) throw new WebhookVerificationError("stale");
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = signatures.split(" ").some((s) => {
    const [version, value] = s.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError("bad_signature");
  try {
    return JSON.parse(body) as HaobanEvent;
  } catch {
    throw new WebhookVerificationError("bad_body");
  }
}
