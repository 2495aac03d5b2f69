import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { chinaDate, chinaDateTime } from "../../shared/china-time";
import { payCodeValid } from "../../shared/fees";
import { luhnValid } from "../../shared/validation/luhn";
import { Notifier } from "../notifier";
import { keepRawJson, type RawRequest } from "../raw-json";
import { HEADER, type Notification, type NotificationType, type OrderStatus, type ProviderOrder, type ProviderStatus, STATEMENT_HEADER, type StatementLine, verifySigned } from "./sdk";

/**
 * A local stand-in for the unified payment platform (统一支付): its own HTTP server with the protocol of
 * sdk.ts — signed merchant requests, its own order numbers, a cashier page (standing for a bank or
 * mobile-wallet cashier), payment by 缴款码 at a bank counter page, refunds and payouts processed a
 * little later, notifications signed and retried with back-off until the merchant answers 2xx (the same
 * id each time), order queries, and a daily statement (对账单). Memory only: it stands for a system that
 * outlives the platform's restarts, so tests restart the platform, not this.
 *
 * `/sim/…` are the simulator's own controls (demo and tests): pay without the page, hold or repeat
 * notifications, add a line to a statement.
 */
export interface PaymentSimulatorOptions {
  port?: number;
  host?: string;
  /** merchant id → key */
  merchants: Record<string, string>;
  /** Delays between notification attempts; the first attempt is immediate. */
  retryDelaysMs?: number[];
  /** How long a refund or payout takes to finish. */
  processingMs?: number;
  /** Payout account numbers that the bank returns (销户). */
  closedAccounts?: string[];
  now?: () => Date;
}

interface Order extends Omit<ProviderOrder, "cashierUrl"> {
  merchant: string;
  notifyUrl: string;
  returnUrl: string | null;
  expiresAt: string | null;
  refundedFen: number;
}
interface Transfer {
  kind: "refund" | "payout";
  merchant: string;
  providerNo: string;
  merchantNo: string;
  orderNo: string | null;
  amountFen: number;
  status: ProviderStatus;
  failure: string | null;
  finishedAt: string | null;
  notifyUrl: string;
  account?: string;
}

export interface PaymentSimulator {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
  /** Notifications sent or being retried, oldest first. */
  notifications(): Array<{ id: string; type: NotificationType; merchantNo: string; attempts: number; delivered: boolean; lastStatus: number | null }>;
  /** Resolves once nothing is waiting to be delivered (or the time is up). */
  settled(timeoutMs?: number): Promise<boolean>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const yuan = (fen: number) => (fen / 100).toFixed(2);

function page(title: string, body: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font:18px/1.6 system-ui,"Noto Sans SC",sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}h1{font-size:1.4rem}
.amount{font-size:2rem;font-weight:700;color:#a8071a}fieldset{border:1px solid #bbb;border-radius:8px;margin:1rem 0}label{display:block;margin:.4rem 0}
button{font:inherit;min-height:44px;padding:.4rem 1.2rem;margin:.4rem .6rem .4rem 0;border-radius:8px;border:1px solid #0050b3;background:#0050b3;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0050b3}input[type=text]{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
.note{color:#595959;font-size:.9rem}.error{color:#a8071a}</style></head><body><main>${body}</main></body></html>`;
}

export async function startPaymentSimulator(options: PaymentSimulatorOptions): Promise<PaymentSimulator> {
  const now = options.now ?? (() => new Date());
  const retryDelays = options.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000];
  const processingMs = options.processingMs ?? 500;
  const closed = new Set(options.closedAccounts ?? []);
  const orders = new Map<string, Order>(); // by provider order no
  const byMerchantNo = new Map<string, string>(); // merchant:merchantOrderNo → provider no
  const byPayCode = new Map<string, string>();
  const transfers = new Map<string, Transfer>(); // merchant:merchantNo → transfer
  const notifier = new Notifier<Notification>(HEADER, (m) => options.merchants[m]!, retryDelays, now);
  const statementExtras: StatementLine[] = [];
  let seq = 0;
  let base = "";
  const nextNo = (prefix: string) => `${prefix}${chinaDate(now()).replaceAll("-", "")}${String(++seq).padStart(8, "0")}${Math.floor(Math.random() * 10)}`;

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  keepRawJson(app);
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));

  const fail = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).send({ code, message });
  /** The merchant of a signed request, or an answer already sent. */
  function merchantOf(req: FastifyRequest, reply: FastifyReply): string | null {
    const raw = (req as RawRequest).rawBody ?? "";
    const result = verifySigned(req.headers, req.method, req.url, raw, (m) => options.merchants[m], now().getTime());
    if (result !== "ok") {
      void fail(reply, 401, "SIGNATURE_INVALID", `签名校验失败：${result}`);
      return null;
    }
    return req.headers[HEADER.merchant] as string;
  }
  const view = (o: Order): ProviderOrder => ({ providerOrderNo: o.providerOrderNo, merchantOrderNo: o.merchantOrderNo, amountFen: o.amountFen, subject: o.subject, payCode: o.payCode, status: o.status, channel: o.channel, paidAt: o.paidAt, cashierUrl: `${base}/cashier/${o.providerOrderNo}` });
  const transferView = (t: Transfer) => ({ providerNo: t.providerNo, merchantNo: t.merchantNo, amountFen: t.amountFen, status: t.status, failure: t.failure, finishedAt: t.finishedAt });

  function notify(merchant: string, url: string, type: NotificationType, data: Notification["data"]) {
    notifier.send(merchant, url, { id: Notifier.id("EVT"), type, createdAt: now().toISOString(), data });
  }

  function pay(o: Order, channel: string): boolean {
    if (o.status !== "pending") return false;
    if (o.expiresAt && new Date(o.expiresAt) < now()) {
      o.status = "closed";
      return false;
    }
    o.status = "paid";
    o.channel = channel;
    o.paidAt = now().toISOString();
    notify(o.merchant, o.notifyUrl, "payment.succeeded", { merchantNo: o.merchantOrderNo, providerNo: o.providerOrderNo, amountFen: o.amountFen, channel, at: o.paidAt });
    return true;
  }

  function finishLater(t: Transfer, outcome: () => string | null) {
    setTimeout(() => {
      const failure = outcome();
      t.status = failure ? "failed" : "succeeded";
      t.failure = failure;
      t.finishedAt = now().toISOString();
      notify(t.merchant, t.notifyUrl, `${t.kind}.${t.status}` as NotificationType, { merchantNo: t.merchantNo, providerNo: t.providerNo, amountFen: t.amountFen, at: t.finishedAt, failure });
    }, processingMs);
  }

  // ——— merchant API (signed) ———
  app.post("/v1/orders", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const b = req.body as { merchantOrderNo?: string; amountFen?: number; subject?: string; payCode?: string | null; notifyUrl?: string; returnUrl?: string | null; expiresAt?: string | null };
    if (!b.merchantOrderNo || !Number.isInteger(b.amountFen) || b.amountFen! <= 0 || !b.subject || !b.notifyUrl) return fail(reply, 400, "PARAM_INVALID", "参数不完整");
    if (b.payCode && !payCodeValid(b.payCode)) return fail(reply, 400, "PAY_CODE_INVALID", "缴款码校验位不正确");
    const key = `${merchant}:${b.merchantOrderNo}`;
    const existing = byMerchantNo.get(key);
    if (existing) {
      const o = orders.get(existing)!;
      if (o.amountFen !== b.amountFen) return fail(reply, 409, "ORDER_CONFLICT", "同一商户订单号的金额不一致");
      return view(o);
    }
    const o: Order = { providerOrderNo: nextNo("P"), merchantOrderNo: b.merchantOrderNo, amountFen: b.amountFen!, subject: b.subject, payCode: b.payCode ?? null, status: "pending", channel: null, paidAt: null, merchant, notifyUrl: b.notifyUrl, returnUrl: b.returnUrl ?? null, expiresAt: b.expiresAt ?? null, refundedFen: 0 };
    orders.set(o.providerOrderNo, o);
    byMerchantNo.set(key, o.providerOrderNo);
    if (o.payCode) byPayCode.set(o.payCode, o.providerOrderNo);
    return reply.code(201).send(view(o));
  });
  app.get("/v1/orders/:no", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const o = orders.get(byMerchantNo.get(`${merchant}:${(req.params as { no: string }).no}`) ?? "");
    return o ? view(o) : fail(reply, 404, "ORDER_NOT_FOUND", "订单不存在");
  });
  app.post("/v1/orders/:no/close", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const o = orders.get(byMerchantNo.get(`${merchant}:${(req.params as { no: string }).no}`) ?? "");
    if (!o) return fail(reply, 404, "ORDER_NOT_FOUND", "订单不存在");
    if (o.status === "paid") return fail(reply, 409, "ORDER_PAID", "订单已支付，不能关闭");
    o.status = "closed";
    return view(o);
  });
  app.post("/v1/refunds", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const b = req.body as { merchantRefundNo?: string; merchantOrderNo?: string; amountFen?: number; reason?: string; notifyUrl?: string };
    if (!b.merchantRefundNo || !b.merchantOrderNo || !Number.isInteger(b.amountFen) || b.amountFen! <= 0 || !b.notifyUrl) return fail(reply, 400, "PARAM_INVALID", "参数不完整");
    const key = `${merchant}:${b.merchantRefundNo}`;
    const existing = transfers.get(key);
    if (existing) return transferView(existing);
    const o = orders.get(byMerchantNo.get(`${merchant}:${b.merchantOrderNo}`) ?? "");
    if (!o || o.status !== "paid") return fail(reply, 409, "ORDER_NOT_PAID", "原订单未支付，不能退款");
    if (o.refundedFen + b.amountFen! > o.amountFen) return fail(reply, 409, "REFUND_EXCEEDS", "退款金额超过可退金额");
    o.refundedFen += b.amountFen!;
    const t: Transfer = { kind: "refund", merchant, providerNo: nextNo("R"), merchantNo: b.merchantRefundNo, orderNo: o.providerOrderNo, amountFen: b.amountFen!, status: "processing", failure: null, finishedAt: null, notifyUrl: b.notifyUrl };
    transfers.set(key, t);
    finishLater(t, () => null);
    return reply.code(201).send(transferView(t));
  });
  app.post("/v1/payouts", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const b = req.body as { merchantPayoutNo?: string; accountNumber?: string; accountName?: string; amountFen?: number; notifyUrl?: string };
    if (!b.merchantPayoutNo || !b.accountNumber || !b.accountName || !Number.isInteger(b.amountFen) || b.amountFen! <= 0 || !b.notifyUrl) return fail(reply, 400, "PARAM_INVALID", "参数不完整");
    const key = `${merchant}:${b.merchantPayoutNo}`;
    const existing = transfers.get(key);
    if (existing) return transferView(existing);
    const t: Transfer = { kind: "payout", merchant, providerNo: nextNo("D"), merchantNo: b.merchantPayoutNo, orderNo: null, amountFen: b.amountFen!, status: "processing", failure: null, finishedAt: null, notifyUrl: b.notifyUrl, account: b.accountNumber };
    transfers.set(key, t);
    finishLater(t, () => (!luhnValid(b.accountNumber!) ? "收款账号有误" : closed.has(b.accountNumber!) ? "收款账户已销户，资金退回" : null));
    return reply.code(201).send(transferView(t));
  });
  app.get("/v1/transfers/:kind/:no", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const t = transfers.get(`${merchant}:${(req.params as { no: string }).no}`);
    return t ? transferView(t) : fail(reply, 404, "NOT_FOUND", "记录不存在");
  });
  /** 对账单: every payment, refund and payout of the merchant finished on that China date. */
  app.get("/v1/statements/:date", async (req, reply) => {
    const merchant = merchantOf(req, reply);
    if (!merchant) return reply;
    const date = (req.params as { date: string }).date;
    const lines: StatementLine[] = [];
    for (const o of orders.values()) if (o.merchant === merchant && o.paidAt && chinaDate(o.paidAt) === date) lines.push({ date, type: "payment", merchantNo: o.merchantOrderNo, providerNo: o.providerOrderNo, amountFen: o.amountFen, at: o.paidAt });
    for (const t of transfers.values()) if (t.merchant === merchant && t.status === "succeeded" && t.finishedAt && chinaDate(t.finishedAt) === date) lines.push({ date, type: t.kind, merchantNo: t.merchantNo, providerNo: t.providerNo, amountFen: t.amountFen, at: t.finishedAt });
    lines.push(...statementExtras.filter((l) => l.date === date));
    const csv = [STATEMENT_HEADER, ...lines.map((l) => [l.date, l.type, l.merchantNo, l.providerNo, l.amountFen, l.at].join(","))].join("\n") + "\n";
    return reply.type("text/csv; charset=utf-8").send(csv);
  });

  // ——— the cashier and the bank counter (what the payer sees) ———
  app.get("/cashier/:no", async (req, reply) => {
    const o = orders.get((req.params as { no: string }).no);
    if (!o) return reply.code(404).type("text/html").send(page("订单不存在", `<h1>订单不存在</h1>`));
    const done = o.status !== "pending" ? `<p role="status">${o.status === "paid" ? `该订单已于 ${esc(chinaDateTime(o.paidAt!))} 支付成功。` : "该订单已关闭，不能支付。"}</p>${o.returnUrl ? `<p><a href="${esc(o.returnUrl)}">返回办事页面</a></p>` : ""}` : "";
    const form = `<form method="post" action="/cashier/${esc(o.providerOrderNo)}/pay"><fieldset><legend>支付方式</legend>
<label><input type="radio" name="channel" value="unionpay" checked> 银行卡（银联）</label><label><input type="radio" name="channel" value="wallet"> 手机钱包</label><label><input type="radio" name="channel" value="ebank"> 网上银行</label></fieldset>
<button type="submit" name="outcome" value="pay">确认支付</button><button type="submit" name="outcome" value="cancel" class="secondary">取消支付</button></form>`;
    return reply.type("text/html").send(page("统一支付收银台", `<h1>统一支付收银台（模拟）</h1><p>${esc(o.subject)}</p><p>订单号 ${esc(o.providerOrderNo)}</p><p>应付金额 <span class="amount">¥${yuan(o.amountFen)}</span></p>${done || form}<p class="note">本页为本地模拟收银台，代表银行或手机钱包的支付页面，不发生真实扣款。</p>`));
  });
  app.post("/cashier/:no/pay", async (req, reply) => {
    const o = orders.get((req.params as { no: string }).no);
    if (!o) return reply.code(404).type("text/html").send(page("订单不存在", `<h1>订单不存在</h1>`));
    const b = req.body as { channel?: string; outcome?: string };
    const paid = b.outcome === "pay" && pay(o, ["unionpay", "wallet", "ebank"].includes(b.channel ?? "") ? b.channel! : "unionpay");
    if (o.returnUrl) {
      const back = new URL(o.returnUrl);
      back.searchParams.set("paid", paid ? "1" : "0");
      return reply.redirect(back.toString(), 303);
    }
    return reply.type("text/html").send(page("支付结果", `<h1>${paid ? "支付成功" : "未支付"}</h1>`));
  });
  app.get("/bank", async (_req, reply) =>
    reply.type("text/html").send(page("缴款码缴费", `<h1>银行柜面 · 缴款码缴费（模拟）</h1><form method="post" action="/bank/pay"><label for="code">缴款码（20 位数字）</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="off" required><button type="submit">查询并缴款</button></form>`)),
  );
  app.post("/bank/pay", async (req, reply) => {
    const code = String((req.body as { code?: string }).code ?? "").replace(/\s/g, "");
    const o = payCodeValid(code) ? orders.get(byPayCode.get(code) ?? "") : undefined;
    const text = !payCodeValid(code) ? "缴款码有误，请核对后重新输入。" : !o ? "没有这个缴款码的待缴款项。" : pay(o, "bank_counter") ? `缴款成功：${esc(o.subject)}，¥${yuan(o.amountFen)}。` : o.status === "paid" ? "该款项已缴纳，请勿重复缴款。" : "该款项已关闭，不能缴款。";
    return reply.code(o || payCodeValid(code) ? 200 : 400).type("text/html").send(page("缴款结果", `<h1>缴款结果</h1><p role="status">${text}</p><p><a href="/bank">继续缴款</a></p>`));
  });

  // ——— the simulator's own controls ———
  app.post("/sim/orders/:no/pay", async (req, reply) => {
    const o = orders.get((req.params as { no: string }).no) ?? orders.get(byMerchantNo.get(Object.keys(options.merchants).map((m) => `${m}:${(req.params as { no: string }).no}`).find((k) => byMerchantNo.has(k)) ?? "") ?? "");
    if (!o) return fail(reply, 404, "ORDER_NOT_FOUND", "订单不存在");
    return { paid: pay(o, (req.body as { channel?: string } | undefined)?.channel ?? "wallet"), order: view(o) };
  });
  app.post("/sim/notifications/hold", async (req) => {
    const hold = !!(req.body as { on?: boolean } | undefined)?.on;
    notifier.hold(hold);
    return { hold };
  });
  app.post("/sim/notifications/:id/repeat", async (req, reply) => {
    const statuses = await notifier.repeat((req.params as { id: string }).id, Math.min(50, Number((req.query as { times?: string }).times ?? 1)));
    return statuses ? { statuses } : fail(reply, 404, "NOT_FOUND", "通知不存在");
  });
  app.get("/sim/notifications", async () => ({ items: list() }));
  app.post("/sim/statement-lines", { bodyLimit: 64 * 1024 * 1024 }, async (req) => {
    const body = req.body as StatementLine | StatementLine[];
    for (const l of Array.isArray(body) ? body : [body]) statementExtras.push(l);
    return { ok: true };
  });
  app.post("/sim/orders/:no/status", async (req, reply) => {
    const o = orders.get((req.params as { no: string }).no);
    if (!o) return fail(reply, 404, "ORDER_NOT_FOUND", "订单不存在");
    o.status = (req.body as { status: OrderStatus }).status;
    return view(o);
  });

  function list() {
    return notifier.list().map((o) => ({ id: o.notification.id, type: o.notification.type, merchantNo: o.notification.data.merchantNo, attempts: o.attempts, delivered: o.delivered, lastStatus: o.lastStatus }));
  }

  await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  base = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`;
  return {
    url: base,
    app,
    notifications: list,
    settled: async (timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (notifier.idle() && [...transfers.values()].every((t) => t.status !== "processing")) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    },
    close: async () => {
      notifier.close();
      await app.close();
    },
  };
}
