import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The payment provider's published protocol, as its SDK would ship it: every request a merchant sends
 * and every notification the provider sends back is signed with HMAC-SHA256 over the timestamp, a
 * nonce, the method, the path and the raw body, with the merchant's key. A receiver refuses a missing
 * or wrong signature and a timestamp outside the window (a replayed old message); a notification's id
 * is the same on every retry, so the receiver applies it once.
 */

/** Seconds a signed message stays acceptable. */
export const SIGNATURE_WINDOW_S = 300;

export const HEADER = { merchant: "x-pay-merchant", timestamp: "x-pay-timestamp", nonce: "x-pay-nonce", signature: "x-pay-signature" } as const;

export type Signed = Record<(typeof HEADER)[keyof typeof HEADER], string>;

/** The string that is signed. */
const signingString = (timestamp: string, nonce: string, method: string, path: string, body: string) => `${timestamp}\n${nonce}\n${method.toUpperCase()}\n${path}\n${body}`;

export function signature(key: string, timestamp: string, nonce: string, method: string, path: string, body: string): string {
  return createHmac("sha256", key).update(signingString(timestamp, nonce, method, path, body)).digest("hex");
}

/** The headers of a signed message from `merchant`. */
export function signedHeaders(merchant: string, key: string, method: string, path: string, body: string, nowMs = Date.now()): Signed {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(12).toString("hex");
  return { [HEADER.merchant]: merchant, [HEADER.timestamp]: timestamp, [HEADER.nonce]: nonce, [HEADER.signature]: signature(key, timestamp, nonce, method, path, body) } as Signed;
}

export type Verification = "ok" | "missing" | "unknown_merchant" | "bad_signature" | "stale";

/** Checks a signed message; `keyOf` gives the key of a merchant (undefined: unknown). */
export function verifySigned(headers: Record<string, string | string[] | undefined>, method: string, path: string, body: string, keyOf: (merchant: string) => string | undefined, nowMs = Date.now(), windowS = SIGNATURE_WINDOW_S): Verification {
  const get = (h: string) => {
    const v = headers[h];
    return typeof v === "string" ? v : undefined;
  };
  const merchant = get(HEADER.merchant);
  const timestamp = get(HEADER.timestamp);
  const nonce = get(HEADER.nonce);
  const sig = get(HEADER.signature);
  if (!merchant || !timestamp || !nonce || !sig || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(sig)) return "missing";
  const key = keyOf(merchant);
  if (!key) return "unknown_merchant";
  const expected = Buffer.from(signature(key, timestamp, nonce, method, path, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(sig, "hex"))) return "bad_signature";
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > windowS) return "stale";
  return "ok";
}

export type OrderStatus = "pending" | "paid" | "closed";
export type ProviderStatus = "processing" | "succeeded" | "failed";

export interface ProviderOrder {
  providerOrderNo: string;
  merchantOrderNo: string;
  amountFen: number;
  subject: string;
  payCode: string | null;
  status: OrderStatus;
  channel: string | null;
  paidAt: string | null;
  cashierUrl: string;
}

export interface ProviderTransfer {
  /** providerRefundNo or providerPayoutNo */
  providerNo: string;
  merchantNo: string;
  amountFen: number;
  status: ProviderStatus;
  failure: string | null;
  finishedAt: string | null;
}

export type NotificationType = "payment.succeeded" | "refund.succeeded" | "refund.failed" | "payout.succeeded" | "payout.failed";

/** What the provider posts to a merchant's notify URL (the same id on every retry). */
export interface Notification {
  id: string;
  type: NotificationType;
  createdAt: string;
  data: { merchantNo: string; providerNo: string; amountFen: number; channel?: string | null; at: string; failure?: string | null };
}

/** One line of the daily statement (对账单), CSV with this header. */
export const STATEMENT_HEADER = "date,type,merchant_no,provider_no,amount_fen,at";
export interface StatementLine {
  date: string;
  type: "payment" | "refund" | "payout";
  merchantNo: string;
  providerNo: string;
  amountFen: number;
  at: string;
}

export function parseStatement(csv: string): StatementLine[] {
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  if (header !== STATEMENT_HEADER) throw new Error("not a statement");
  return rows.filter(Boolean).map((row) => {
    const [date, type, merchantNo, providerNo, amount, at] = row.split(",");
    return { date: date!, type: type as StatementLine["type"], merchantNo: merchantNo!, providerNo: providerNo!, amountFen: Number(amount), at: at! };
  });
}
