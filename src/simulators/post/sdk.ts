import { headerNames, signWith, type Verification, verifyWith } from "../signing";

/**
 * The postal carrier's published protocol (统一物流, as its SDK would ship it): shipments booked with
 * signed requests (headers x-post-*), a waybill number back, and signed status notifications —
 * 揽收, 运输, 派送, 签收, or 退回 — each with an id that stays the same on every retry.
 */
export const POST_HEADER = headerNames("x-post");
export const signPost = (merchant: string, key: string, method: string, path: string, body: string, nowMs = Date.now()) => signWith(POST_HEADER, merchant, key, method, path, body, nowMs);
export const verifyPost = (headers: Record<string, string | string[] | undefined>, method: string, path: string, body: string, keyOf: (m: string) => string | undefined, nowMs = Date.now()): Verification => verifyWith(POST_HEADER, headers, method, path, body, keyOf, nowMs);

export const SHIPMENT_STATUSES = {
  created: { zh: "已下单", en: "Booked" },
  collected: { zh: "已揽收", en: "Collected" },
  in_transit: { zh: "运输中", en: "In transit" },
  out_for_delivery: { zh: "派送中", en: "Out for delivery" },
  delivered: { zh: "已签收", en: "Delivered" },
  returned: { zh: "已退回", en: "Returned" },
} as const;
export type ShipmentStatus = keyof typeof SHIPMENT_STATUSES;
/** The carrier's normal course. */
export const SHIPMENT_COURSE: ShipmentStatus[] = ["created", "collected", "in_transit", "out_for_delivery", "delivered"];

export interface Party {
  name: string;
  phone: string;
  address: string;
}

export interface Shipment {
  waybillNo: string;
  merchantShipmentNo: string;
  kind: "deliver" | "pickup";
  status: ShipmentStatus;
  events: Array<{ status: ShipmentStatus; at: string; note: string }>;
}

export interface PostNotification {
  id: string;
  type: "shipment.status";
  createdAt: string;
  data: { waybillNo: string; merchantShipmentNo: string; status: ShipmentStatus; at: string; note: string };
}
