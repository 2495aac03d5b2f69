import { headerNames, signWith, SIGNATURE_WINDOW_S, type Verification, verifyWith } from "../signing";

export { SIGNATURE_WINDOW_S, type Verification };

/**
 * The payment provider's published protocol, as its SDK would ship it: merchant requests and the
 * provider's notifications are signed (simulators/signing.ts, headers x-pay-*); a notification's id is
 * the same on every retry, so the receiver applies it once.
 */
export const HEADER = headerNames("x-pay");

export type Signed = Record<string, string>;

/** The headers of a signed message from `merchant`. */
export const signedHeaders = (merchant: string, key: string, method: string, path: string, body: string, nowMs = Date.now()): Signed => signWith(HEADER, merchant, key, method, path, body, nowMs);

/** Checks a signed message; `keyOf` gives the key of a merchant (undefined: unknown). */
export const verifySigned = (headers: Record<string, string | string[] | undefined>, method: string, path: string, body: string, keyOf: (merchant: string) => string | undefined, nowMs = Date.now(), windowS = SIGNATURE_WINDOW_S): Verification => verifyWith(HEADER, headers, method, path, body, keyOf, nowMs, windowS);

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
