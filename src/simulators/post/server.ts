import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { chinaDate } from "../../shared/china-time";
import { luhnDigit } from "../../shared/validation/luhn";
import { Notifier } from "../notifier";
import { keepRawJson, type RawRequest } from "../raw-json";
import { type Party, POST_HEADER, type PostNotification, type Shipment, SHIPMENT_COURSE, type ShipmentStatus, verifyPost } from "./sdk";

/**
 * A local stand-in for the postal carrier (统一物流): its own HTTP server with the protocol of sdk.ts —
 * signed bookings (delivery, or 上门取件 for materials), waybill numbers with a check digit, a parcel
 * moving on by itself every `stepMs` (揽收 → 运输 → 派送 → 签收), returned (退回) when its address is one
 * the carrier cannot deliver to, and signed status notifications retried until acknowledged.
 * `/sim/…` moves a parcel on or returns it by hand (demo and tests).
 */
export interface PostSimulatorOptions {
  port?: number;
  host?: string;
  merchants: Record<string, string>;
  /** How long each step takes when parcels move on by themselves (0: only by hand). */
  stepMs?: number;
  retryDelaysMs?: number[];
  now?: () => Date;
}

export interface PostSimulator {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
  settled(timeoutMs?: number): Promise<boolean>;
}

const NOTES: Record<ShipmentStatus, string> = {
  created: "已下单，等待揽收",
  collected: "快递员已揽收",
  in_transit: "已到达上海邮区中心，运输中",
  out_for_delivery: "投递员正在派送，请保持电话畅通",
  delivered: "已签收，本人签收",
  returned: "收件地址查无此人，邮件退回寄件人",
};

interface Parcel extends Shipment {
  merchant: string;
  notifyUrl: string;
  recipient: Party;
  timer: NodeJS.Timeout | null;
}

/** Addresses the carrier cannot deliver to (a demo of 退回): a flat that does not exist. */
const undeliverable = (address: string) => /查无此人|9999室/.test(address);

export async function startPostSimulator(options: PostSimulatorOptions): Promise<PostSimulator> {
  const now = options.now ?? (() => new Date());
  const stepMs = options.stepMs ?? 0;
  const notifier = new Notifier<PostNotification>(POST_HEADER, (m) => options.merchants[m]!, options.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000, 60_000], now);
  const parcels = new Map<string, Parcel>(); // by waybill
  const byMerchantNo = new Map<string, string>();
  let seq = 0;

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  keepRawJson(app);
  const fail = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).send({ code, message });
  function merchantOf(req: FastifyRequest, reply: FastifyReply): string | null {
    const result = verifyPost(req.headers, req.method, req.url, (req as RawRequest).rawBody ?? "", (m) => options.merchants[m], now().getTime());
    if (result !== "ok") {
      void fail(reply, 401, "SIGNATURE_INVALID", `签名校验失败：${result}`);
      return null;
    }
    return req.headers[POST_HEADER.merchant] as string;
  }
  const view = (p: Parcel): Shipment => ({ waybillNo: p.waybillNo, merchantShipmentNo: p.merchantShipmentNo, kind: p.kind, status: p.status, events: p.events });

  /** Moves a parcel to `status` and tells the merchant. */
  function move(p: Parcel, status: ShipmentStatus, note = NOTES[status]) {
    if (p.status === "delivered" || p.status === "returned") return false;
    p.status = status;
    const at = now().toISOString();
    p.events.push({ status, at, note });
    notifier.send(p.merchant, p.notifyUrl, { id: Notifier.id("PST"), type: "shipment.status", createdAt: at, data: { waybillNo: p.waybillNo, merchantShipmentNo: p.merchantShipmentNo, status, at, note } });
    return true;
  }
  /** The next step of the normal course, or 退回 at the door of an undeliverable address. */
  function step(p: Parcel) {
    const next = p.status === "out_for_delivery" && undeliverable(p.recipient.address) ? "returned" : SHIPMENT_COURSE[SHIPMENT_COURSE.indexOf(p.status) + 1];
    if (!next) return false;
    return move(p, next);
  }
  function autoplay(p: Parcel) {
    if (!stepMs) return;
    p.timer = setTimeout(() => {
      if (step(p)) autoplay(p);
    }, stepMs);
  }

  app.post("/v1/shipments", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const b = req.body as { merchantShipmentNo?: string; kind?: "deliver" | "pickup"; sender?: Party; recipient?: Party; contents?: string; notifyUrl?: string };
    if (!b.merchantShipmentNo || !b.sender?.address || !b.recipient?.address || !b.recipient.name || !b.notifyUrl) return fail(reply, 400, "PARAM_INVALID", "参数不完整");
    const existing = byMerchantNo.get(`${merchant}:${b.merchantShipmentNo}`);
    if (existing) return view(parcels.get(existing)!);
    const body = `11${chinaDate(now()).replaceAll("-", "").slice(2)}${String(++seq).padStart(6, "0")}`;
    const p: Parcel = { waybillNo: body + luhnDigit(body), merchantShipmentNo: b.merchantShipmentNo, kind: b.kind === "pickup" ? "pickup" : "deliver", status: "created", events: [{ status: "created", at: now().toISOString(), note: NOTES.created }], merchant, notifyUrl: b.notifyUrl, recipient: b.recipient, timer: null };
    parcels.set(p.waybillNo, p);
    byMerchantNo.set(`${merchant}:${b.merchantShipmentNo}`, p.waybillNo);
    autoplay(p);
    return reply.code(201).send(view(p));
  });
  app.get("/v1/shipments/:waybill", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const p = parcels.get((req.params as { waybill: string }).waybill);
    return p && p.merchant === merchant ? view(p) : fail(reply, 404, "NOT_FOUND", "运单不存在");
  });

  // ——— the simulator's own controls ———
  app.post("/sim/shipments/:waybill/advance", async (req, reply) => {
    const p = parcels.get((req.params as { waybill: string }).waybill);
    if (!p) return fail(reply, 404, "NOT_FOUND", "运单不存在");
    const to = (req.body as { to?: ShipmentStatus } | undefined)?.to;
    if (to) {
      // Step by step up to `to`, each telling the merchant, as a real parcel would.
      while (p.status !== to && step(p));
    } else step(p);
    return view(p);
  });
  app.post("/sim/shipments/:waybill/return", async (req, reply) => {
    const p = parcels.get((req.params as { waybill: string }).waybill);
    if (!p) return fail(reply, 404, "NOT_FOUND", "运单不存在");
    move(p, "returned", (req.body as { note?: string } | undefined)?.note ?? NOTES.returned);
    return view(p);
  });
  app.get("/sim/shipments", async () => ({ items: [...parcels.values()].map(view) }));
  app.post("/sim/notifications/hold", async (req) => {
    const hold = !!(req.body as { on?: boolean } | undefined)?.on;
    notifier.hold(hold);
    return { hold };
  });

  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`,
    app,
    settled: async (timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (notifier.idle()) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    },
    close: async () => {
      for (const p of parcels.values()) if (p.timer) clearTimeout(p.timer);
      notifier.close();
      await app.close();
    },
  };
}
