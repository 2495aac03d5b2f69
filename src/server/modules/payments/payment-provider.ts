import { type Notification, type ProviderOrder, type ProviderTransfer, signedHeaders, verifySigned, parseStatement, type StatementLine } from "../../../simulators/payment/sdk";
import { DomainError } from "../../domain-error";

export type { Notification, ProviderOrder, ProviderTransfer, StatementLine };

/**
 * The payment platform as the payments module needs it. `HttpPaymentProvider` speaks the provider's
 * protocol (simulators/payment/sdk.ts) over HTTP; a real provider plugs in by implementing this
 * interface with its own SDK (its signatures, its order and refund calls, its statement file).
 */
export interface PaymentProvider {
  readonly merchantId: string;
  /** Registers an order (idempotent by the merchant's order number). */
  createOrder(order: { merchantOrderNo: string; amountFen: number; subject: string; payCode: string; expiresAt: string; returnUrl: string | null }): Promise<ProviderOrder>;
  queryOrder(merchantOrderNo: string): Promise<ProviderOrder | null>;
  /** Closes an unpaid order; "paid" when the payer was quicker. */
  closeOrder(merchantOrderNo: string): Promise<"closed" | "paid" | "unknown">;
  refund(refund: { merchantRefundNo: string; merchantOrderNo: string; amountFen: number; reason: string }): Promise<ProviderTransfer>;
  payout(payout: { merchantPayoutNo: string; accountNumber: string; accountName: string; amountFen: number; purpose: string }): Promise<ProviderTransfer>;
  queryTransfer(kind: "refund" | "payout", merchantNo: string): Promise<ProviderTransfer | null>;
  /** The day's statement (对账单). */
  statement(date: string): Promise<StatementLine[]>;
  /** Checks a notification's signature and time; the parsed notification, or null. */
  verifyNotification(headers: Record<string, string | string[] | undefined>, path: string, rawBody: string, nowMs: number): Notification | null;
}

export interface HttpPaymentProviderOptions {
  url: string;
  merchantId: string;
  key: string;
  /** Where the provider posts notifications (the platform's public address + the notify path). */
  notifyUrl: string;
  timeoutMs?: number;
}

export class HttpPaymentProvider implements PaymentProvider {
  readonly merchantId: string;

  constructor(private readonly options: HttpPaymentProviderOptions) {
    this.merchantId = options.merchantId;
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown, accept404 = false): Promise<{ status: number; json: T } | null> {
    const raw = body === undefined ? "" : JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(this.options.url + path, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...signedHeaders(this.options.merchantId, this.options.key, method, path, raw) },
        ...(body === undefined ? {} : { body: raw }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
    } catch {
      throw new DomainError("PAYMENT_PROVIDER_UNAVAILABLE");
    }
    if (res.status === 404 && accept404) return null;
    const text = await res.text();
    if (res.status >= 500 || res.status === 401) throw new DomainError("PAYMENT_PROVIDER_UNAVAILABLE", { status: res.status });
    const json = (path.startsWith("/v1/statements/") ? text : text ? JSON.parse(text) : null) as T;
    return { status: res.status, json };
  }

  async createOrder(order: { merchantOrderNo: string; amountFen: number; subject: string; payCode: string; expiresAt: string; returnUrl: string | null }) {
    const r = await this.call<ProviderOrder & { code?: string }>("POST", "/v1/orders", { ...order, notifyUrl: this.options.notifyUrl });
    if (!r || r.status >= 400) throw new DomainError("PAYMENT_PROVIDER_UNAVAILABLE", { code: r?.json.code });
    return r.json;
  }

  async queryOrder(merchantOrderNo: string) {
    const r = await this.call<ProviderOrder>("GET", `/v1/orders/${encodeURIComponent(merchantOrderNo)}`, undefined, true);
    return r?.json ?? null;
  }

  async closeOrder(merchantOrderNo: string) {
    const r = await this.call<ProviderOrder & { code?: string }>("POST", `/v1/orders/${encodeURIComponent(merchantOrderNo)}/close`, {}, true);
    if (!r) return "unknown";
    return r.status === 409 && r.json.code === "ORDER_PAID" ? "paid" : "closed";
  }

  async refund(refund: { merchantRefundNo: string; merchantOrderNo: string; amountFen: number; reason: string }) {
    const r = await this.call<ProviderTransfer & { code?: string; message?: string }>("POST", "/v1/refunds", { ...refund, notifyUrl: this.options.notifyUrl });
    if (!r) throw new DomainError("PAYMENT_PROVIDER_UNAVAILABLE");
    if (r.status >= 400) return { providerNo: "", merchantNo: refund.merchantRefundNo, amountFen: refund.amountFen, status: "failed" as const, failure: r.json.message ?? "退款被拒绝", finishedAt: null };
    return r.json;
  }

  async payout(payout: { merchantPayoutNo: string; accountNumber: string; accountName: string; amountFen: number; purpose: string }) {
    const r = await this.call<ProviderTransfer & { message?: string }>("POST", "/v1/payouts", { ...payout, notifyUrl: this.options.notifyUrl });
    if (!r) throw new DomainError("PAYMENT_PROVIDER_UNAVAILABLE");
    if (r.status >= 400) return { providerNo: "", merchantNo: payout.merchantPayoutNo, amountFen: payout.amountFen, status: "failed" as const, failure: r.json.message ?? "代发被拒绝", finishedAt: null };
    return r.json;
  }

  async queryTransfer(kind: "refund" | "payout", merchantNo: string) {
    const r = await this.call<ProviderTransfer>("GET", `/v1/transfers/${kind}/${encodeURIComponent(merchantNo)}`, undefined, true);
    return r?.json ?? null;
  }

  async statement(date: string) {
    const r = await this.call<string>("GET", `/v1/statements/${date}`);
    return parseStatement(r!.json);
  }

  verifyNotification(headers: Record<string, string | string[] | undefined>, path: string, rawBody: string, nowMs: number): Notification | null {
    const ok = verifySigned(headers, "POST", path, rawBody, (m) => (m === this.options.merchantId ? this.options.key : undefined), nowMs);
    if (ok !== "ok") return null;
    try {
      const n = JSON.parse(rawBody) as Notification;
      return typeof n.id === "string" && typeof n.type === "string" && n.data && typeof n.data.merchantNo === "string" ? n : null;
    } catch {
      return null;
    }
  }
}
