import { type Party, type PostNotification, type Shipment, signPost, verifyPost } from "../../../simulators/post/sdk";
import { DomainError } from "../../domain-error";

export type { Party, PostNotification, Shipment };

/**
 * The postal carrier as the delivery module needs it. `HttpCarrier` speaks the carrier's protocol
 * (simulators/post/sdk.ts); a real carrier (EMS, a courier) plugs in by implementing this with its SDK.
 */
export interface Carrier {
  book(shipment: { merchantShipmentNo: string; kind: "deliver" | "pickup"; sender: Party; recipient: Party; contents: string }): Promise<Shipment>;
  track(waybillNo: string): Promise<Shipment | null>;
  verifyNotification(headers: Record<string, string | string[] | undefined>, path: string, rawBody: string, nowMs: number): PostNotification | null;
}

export class HttpCarrier implements Carrier {
  constructor(private readonly options: { url: string; merchantId: string; key: string; notifyUrl: string }) {}

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const raw = body === undefined ? "" : JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(this.options.url + path, { method, headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...signPost(this.options.merchantId, this.options.key, method, path, raw) }, ...(body === undefined ? {} : { body: raw }), signal: AbortSignal.timeout(5_000) });
    } catch {
      throw new DomainError("CARRIER_UNAVAILABLE");
    }
    if (res.status >= 500 || res.status === 401) throw new DomainError("CARRIER_UNAVAILABLE", { status: res.status });
    return { status: res.status, json: (await res.json()) as T };
  }

  async book(shipment: { merchantShipmentNo: string; kind: "deliver" | "pickup"; sender: Party; recipient: Party; contents: string }) {
    const r = await this.call<Shipment>("POST", "/v1/shipments", { ...shipment, notifyUrl: this.options.notifyUrl });
    if (r.status >= 400) throw new DomainError("CARRIER_UNAVAILABLE", { status: r.status });
    return r.json;
  }

  async track(waybillNo: string) {
    const r = await this.call<Shipment>("GET", `/v1/shipments/${encodeURIComponent(waybillNo)}`);
    return r.status === 200 ? r.json : null;
  }

  verifyNotification(headers: Record<string, string | string[] | undefined>, path: string, rawBody: string, nowMs: number): PostNotification | null {
    if (verifyPost(headers, "POST", path, rawBody, (m) => (m === this.options.merchantId ? this.options.key : undefined), nowMs) !== "ok") return null;
    try {
      const n = JSON.parse(rawBody) as PostNotification;
      return typeof n.id === "string" && n.type === "shipment.status" && typeof n.data?.waybillNo === "string" ? n : null;
    } catch {
      return null;
    }
  }
}
