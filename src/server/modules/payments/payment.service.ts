import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { chinaDateTime } from "../../../shared/china-time";
import { assessFee, buildPayCode, endsWithoutGrant, FEE_STAGES, feeFacts, feeStates, formatYuan, groupDigits, type FeeAssessment, type FeeRules } from "../../../shared/fees";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { PaymentView } from "../../../shared/schemas/payment";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { visibleSubtree, within } from "../../access/scope";
import type { Role } from "../../../shared/roles";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { ApplicationRow, ApplicationService, EnteredApplication } from "../applications";
import type { AuditRepository } from "../audit";
import type { VersionContents } from "../catalogue";
import type { CertificateService } from "../certificates";
import type { CounterRepository } from "../numbering";
import { sendDirect, type DirectMessageRepos } from "../notifications";
import type { OrgRepository } from "../orgs";
import type { ProfileService } from "../profiles";
import type { Notification, PaymentProvider } from "./payment-provider";
import type { OrderRow, PaymentRepository, RefundRow } from "./payment.repository";
import type { PayoutService } from "./payout.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { payments: PaymentRepository; audit: AuditRepository; counters: CounterRepository; orgs: OrgRepository } & DirectMessageRepos;

/** What an order is made for: the application and its applicant. */
export interface OrderFor {
  id: string;
  number: string;
  handlingOrgId: string;
  regionCode: string;
  applicantAccountId: string | null;
  personId: string | null;
  enterpriseId: string | null;
  applicantName: string;
  itemName: string;
}

/** Staff who see the payments of their subtree (supervisors: their government level). */
export const PAYMENT_STAFF: Role[] = ["finance", "window_clerk", "reviewer", "approver"];

/** How long a kicked round waits for more work to gather. */
const KICK_DELAY_MS = 100;

/** The reason of the clock's pause while a fee is owed. */
export const PAYMENT_PAUSE = "缴费";

const CHANNELS: Record<string, { zh: string; en: string }> = {
  unionpay: { zh: "银行卡（银联）", en: "Bank card" },
  wallet: { zh: "手机钱包", en: "Mobile wallet" },
  ebank: { zh: "网上银行", en: "Online banking" },
  bank_counter: { zh: "银行柜面（缴款码）", en: "Bank counter (payment code)" },
};
export const channelName = (c: string | null) => (c ? (CHANNELS[c]?.zh ?? "其他方式") : null);

export const ORDER_STATUS: Record<string, { zh: string; en: string }> = {
  pending: { zh: "待缴费", en: "To pay" },
  paid: { zh: "已缴费", en: "Paid" },
  closing: { zh: "正在关闭", en: "Closing" },
  expired: { zh: "已逾期", en: "Overdue" },
  closed: { zh: "已关闭", en: "Closed" },
  refunded: { zh: "已退款", en: "Refunded" },
};
export const REFUND_STATUS: Record<string, { zh: string; en: string }> = {
  requested: { zh: "退款申请已提交", en: "Requested" },
  processing: { zh: "退款处理中", en: "Processing" },
  succeeded: { zh: "已退款", en: "Refunded" },
  failed: { zh: "退款失败", en: "Failed" },
};

export interface PaymentSettings {
  /** Where the payer comes back to after the cashier: the web app's address. */
  publicUrl: string;
  /** How long an order registered with the provider may wait for its notification before it is asked. */
  queryAfterMs: number;
}

/**
 * 统一支付 for applications: an item's fee rules make a payment order when the application enters the
 * stage where the fee is due (the clock stands while it is owed, and the workflow waits: PAYMENT_PENDING);
 * the payer pays at the provider's cashier or with the 缴款码 at a bank; the provider's signed
 * notification (or, when none comes, a query) settles it once — the clock runs again and a 财政电子票据 is
 * issued to the payer's wallet; a refusal or withdrawal closes an unpaid order and refunds a paid one.
 * Every money state change is one transaction with its audit record. Talking to the provider happens
 * outside transactions (`dispatch`), so a slow provider holds no lock.
 * Raises: PAYMENT_ORDER_NOT_FOUND, PAYMENT_NOT_PAYABLE, PAYMENT_PROVIDER_UNAVAILABLE, PAYMENT_NOTIFICATION_INVALID.
 */
export class PaymentService {
  private dispatching: Promise<unknown> | null = null;
  private payouts: PayoutService | null = null;
  /** Told after a postage order is paid (the delivery books the parcel at once). */
  private readonly postagePaid: Array<() => void> = [];
  /** Notifications being applied in this process, by id. */
  private readonly applying = new Map<string, Promise<{ applied: boolean }>>();
  private again = false;

  constructor(
    private readonly store: Store<Repos>,
    private readonly provider: PaymentProvider,
    private readonly applications: ApplicationService,
    private readonly contents: VersionContents,
    private readonly profiles: ProfileService,
    private readonly certificates: CertificateService,
    private readonly settings: PaymentSettings,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
  ) {
    applications.onEntered((unit, actor, app, state, ctx) => this.entered(unit, actor, app, state, ctx));
    applications.addGate(async (unit, id, workflow, to) => (!endsWithoutGrant(workflow, to) && (await this.store.within(unit).payments.owes(id, "fee")) ? "PAYMENT_PENDING" : null));
    applications.onDecided((unit, actor, app, outcome, ctx) => this.decided(unit, actor, app, outcome, ctx));
  }

  /** Registers what to do once postage is paid (after the commit). */
  onPostagePaid(listener: () => void) {
    this.postagePaid.push(listener);
  }

  /** 待遇发放 shares the provider, its notifications and the dispatch rounds. */
  usePayouts(payouts: PayoutService) {
    this.payouts = payouts;
  }

  /** On entering the state where the item's fee is due: assess it, and make the order (or record the exemption). */
  private async entered(unit: UnitOfWork, actor: Actor, app: EnteredApplication, state: string, ctx: RequestContext) {
    const content = await this.contents.get(app.versionId, unit);
    const rules = content.feeRules;
    if (!rules || !feeStates(app.workflow, rules.stage).has(state)) return;
    const repos = this.store.within(unit);
    if (await repos.payments.hasOrderForStage(app.id, rules.stage)) return;
    const assessment = await this.assess(unit, content, rules, app);
    const actorRef = { accountId: null, name: "统一支付", orgId: app.handlingOrgId };
    if (assessment.totalFen === 0) {
      await this.applications.recordEvent(unit, { id: app.id, region_code: app.regionCode }, { action: "fee_exempted", from: state, to: state, actor: actorRef, opinion: assessment.exemptions.length ? `免收：${assessment.exemptions.join("、")}` : "无需缴费", details: { lines: assessment.lines } });
      return;
    }
    const order = await this.makeOrder(repos, actor, { id: app.id, number: app.number, handlingOrgId: app.handlingOrgId, regionCode: app.regionCode, applicantAccountId: app.applicantAccountId, personId: app.personId, enterpriseId: app.enterpriseId, applicantName: app.applicantName, itemName: content.name }, { purpose: "fee", stage: rules.stage, payDays: rules.payDays, lines: assessment.lines, exemptions: assessment.exemptions }, ctx);
    await this.applications.holdClock(unit, { id: app.id, regionCode: app.regionCode }, PAYMENT_PAUSE);
    await this.applications.recordEvent(unit, { id: app.id, region_code: app.regionCode }, {
      action: "payment_due",
      from: state,
      to: state,
      actor: actorRef,
      opinion: `应缴 ${formatYuan(assessment.totalFen)}，请于 ${order.due_date} 前缴纳（缴费期间不计入办理时限）`,
      details: { orderNumber: order.number, amountFen: assessment.totalFen, due: order.due_date },
    });
  }

  /** 邮寄费: posting the result costs the item's postage, paid before it is sent (it holds nothing else). */
  async chargePostage(unit: UnitOfWork, actor: Actor, app: OrderFor, feeFen: number, ctx: RequestContext) {
    await this.makeOrder(this.store.within(unit), actor, app, { purpose: "postage", stage: "postage", payDays: 10, lines: [{ name: "邮寄费", amountFen: feeFen, detail: "", exemptBy: null }], exemptions: [] }, ctx);
  }

  /** Whether the application's postage is still to pay (the result waits to be posted). */
  async postageOwed(unit: UnitOfWork, applicationId: string): Promise<boolean> {
    return this.store.within(unit).payments.owes(applicationId, "postage");
  }

  /** A payment order with its 缴款码, due in working days, its audit record and the message to the payer. */
  private async makeOrder(repos: Repos, actor: Actor, app: OrderFor, what: { purpose: "fee" | "postage"; stage: string; payDays: number; lines: FeeAssessment["lines"]; exemptions: string[] }, ctx: RequestContext) {
    const amount = what.lines.reduce((sum, l) => sum + l.amountFen, 0);
    const org = (await repos.orgs.findById(app.handlingOrgId))!;
    const today = todayInChina(this.now());
    const seq = await repos.counters.next(`PAY-${org.region_code}`, today);
    const ymd = today.replaceAll("-", "");
    const number = `${org.region_code}${ymd}${String(seq).padStart(7, "0")}`;
    const payCode = buildPayCode(org.region_code, Number(today.slice(0, 4)), `${ymd.slice(4)}${String(seq).padStart(7, "0")}`);
    const due = this.calendarOf().deadlineOrNull(today, what.payDays) ?? today;
    const order = await repos.payments.insertOrder({
      number,
      pay_code: payCode,
      application_id: app.id,
      stage: what.stage,
      purpose: what.purpose,
      org_id: org.id,
      region_code: org.region_code,
      payer_account_id: app.applicantAccountId,
      payer_person_id: app.enterpriseId ? null : app.personId,
      payer_enterprise_id: app.enterpriseId,
      payer_name: app.applicantName,
      subject: `${app.itemName}${what.purpose === "postage" ? "邮寄费" : ""}（办件编号 ${app.number}）`,
      amount_fen: amount,
      lines: JSON.stringify(what.lines),
      status: "pending",
      due_date: due,
    });
    await repos.payments.whenCommitted(async () => this.kick());
    await repos.audit.append(actor, ctx, { action: "payment.order_create", targetType: "payment_order", targetId: order.id, orgId: org.id, regionCode: org.region_code, details: { number, applicationNumber: app.number, amountFen: amount, stage: what.stage, purpose: what.purpose, exemptions: what.exemptions } });
    if (app.applicantAccountId) {
      const what_ = what.purpose === "postage" ? "邮寄费" : "费用";
      await sendDirect(repos, [{
        accountId: app.applicantAccountId,
        kind: "payment_due",
        title: `请缴纳${app.itemName}${what_}`,
        body: `您的申请（办件编号 ${app.number}）需缴纳${what_} ${formatYuan(amount)}，请于 ${due} 前在办件页面在线缴费，或凭缴款码 ${groupDigits(payCode)} 到银行缴款。${what.purpose === "fee" ? "缴费期间不计入办理时限。" : "缴费后寄出办理结果。"}`,
        titleEn: `Please pay the ${what.purpose === "postage" ? "postage" : "fee"} for ${app.itemName}`,
        bodyEn: `Your application ${app.number} has ${what.purpose === "postage" ? "postage" : "a fee"} of ${(amount / 100).toFixed(2)} yuan, due by ${due}: pay online on the application page, or at a bank with payment code ${groupDigits(payCode)}.`,
        link: `/me/applications/${app.id}`,
        external: true,
      }], org.region_code);
    }
    return order;
  }

  private async assess(unit: UnitOfWork, content: ItemContent, rules: FeeRules, app: EnteredApplication): Promise<FeeAssessment> {
    const wanted = feeFacts(rules);
    let facts: Record<string, unknown> = {};
    if (wanted.length) {
      const profile = app.enterpriseId ? await this.profiles.ofEnterprise(unit, app.enterpriseId) : app.personId ? await this.profiles.ofPerson(unit, app.personId) : null;
      facts = Object.fromEntries((profile?.facts ?? []).filter((f) => wanted.includes(f.fact)).map((f) => [f.fact, f.value]));
    }
    const labels = new Map(content.form.fields.flatMap((f) => (f.options ?? []).map((o) => [`${f.key}\u0000${o.value}`, o.label] as const)));
    return assessFee(rules, app.formData(), facts, (field, value) => labels.get(`${field}\u0000${value}`) ?? value);
  }

  /** An application refused or withdrawn: an unpaid order closes, a paid one is refunded with the reason. */
  private async decided(unit: UnitOfWork, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext) {
    if (outcome === "approved") return;
    const repos = this.store.within(unit);
    const orders = await repos.payments.forApplication(app.id);
    const reason = outcome === "withdrawn" ? "申请人撤回申请" : outcome === "rejected" ? "申请不予受理" : "申请不予许可";
    for (const o of orders) {
      if (o.status === "expired") {
        await repos.payments.updateOrder(o.id, { status: "closed", close_reason: `${reason}，无需缴费` });
      } else if (o.status === "pending") {
        await repos.payments.updateOrder(o.id, { status: "closing", close_reason: `${reason}，无需缴费` });
        await repos.payments.whenCommitted(async () => this.kick());
        await repos.audit.append(actor, ctx, { action: "payment.order_close", targetType: "payment_order", targetId: o.id, orgId: o.org_id, regionCode: o.region_code, details: { number: o.number, reason } });
      } else if (o.status === "paid" && o.amount_fen > o.refunded_fen) {
        await this.requestRefund(repos, actor, o, o.amount_fen - o.refunded_fen, `${reason}，退还已缴费用`, ctx);
      }
    }
  }

  private async requestRefund(repos: Repos, actor: Actor, order: { id: string; number: string; org_id: string; region_code: string }, amountFen: number, reason: string, ctx: RequestContext) {
    const today = todayInChina(this.now());
    const seq = await repos.counters.next(`REFUND-${order.region_code}`, today);
    const refund = await repos.payments.insertRefund({ number: `TK${order.region_code}${today.replaceAll("-", "")}${String(seq).padStart(6, "0")}`, order_id: order.id, amount_fen: amountFen, reason, status: "requested", requested_by: actor.name, region_code: order.region_code });
    await repos.payments.whenCommitted(async () => this.kick());
    await repos.audit.append(actor, ctx, { action: "payment.refund_request", targetType: "payment_refund", targetId: refund.id, orgId: order.org_id, regionCode: order.region_code, details: { number: refund.number, orderNumber: order.number, amountFen, reason } });
    return refund;
  }

  // ——— paying ———

  /** Who may see and pay an order: the payer (or an agent of the paying enterprise with the right to pay), or staff of the collecting department's subtree or finance above it. */
  private canSee(actor: Actor, o: { payer_account_id: string | null; payer_enterprise_id: string | null; org_path: string }) {
    if (actor.kind === "citizen") return o.payer_enterprise_id ? actor.actingFor?.enterpriseId === o.payer_enterprise_id && (actor.actingFor.relation !== "agent" || actor.actingFor.scopes.includes("pay") || actor.actingFor.scopes.includes("view")) : o.payer_account_id === actor.accountId && !actor.actingFor;
    return within(o.org_path, visibleSubtree(actor, PAYMENT_STAFF));
  }

  private async visibleOrder(actor: Actor, id: string) {
    const o = await this.store.repos.payments.findOrder(id);
    if (!o || !this.canSee(actor, o)) throw new DomainError("PAYMENT_ORDER_NOT_FOUND");
    return o;
  }

  /** An application's orders and refunds as its applicant or its staff see them (registering unregistered ones so the 缴款码 works at a bank). */
  async forApplication(actor: Actor, applicationId: string) {
    const rows = (await this.store.repos.payments.forApplication(applicationId)).filter((o) => this.canSee(actor, o));
    for (const o of rows) if (o.status === "pending" && !o.provider_order_no) await this.register(o).catch(() => undefined);
    const fresh = rows.length ? (await this.store.repos.payments.forApplication(applicationId)).filter((o) => this.canSee(actor, o)) : [];
    const refunds = await this.store.repos.payments.refundsOf(fresh.map((o) => o.id));
    return { items: fresh.map((o) => this.view(o, refunds.filter((r) => r.order_id === o.id), actor)) };
  }

  /** The payer's own orders. */
  async mine(actor: Actor) {
    const rows = await this.store.repos.payments.ofPayer(actor.accountId!, 100);
    const refunds = await this.store.repos.payments.refundsOf(rows.map((o) => o.id));
    return { items: rows.filter((o) => this.canSee(actor, o)).map((o) => this.view(o, refunds.filter((r) => r.order_id === o.id), actor)) };
  }

  /** To the cashier: registers the order with the provider if needed and gives the cashier's address. */
  async checkout(actor: Actor, id: string) {
    const o = await this.visibleOrder(actor, id);
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    if (o.payer_enterprise_id && actor.actingFor?.relation === "agent" && !actor.actingFor.scopes.includes("pay")) throw new DomainError("NOT_AUTHORISED_FOR_ENTERPRISE");
    if (o.status !== "pending") throw new DomainError("PAYMENT_NOT_PAYABLE", { status: o.status });
    const registered = await this.register(o);
    if (registered.status === "paid") {
      await this.settle(registered.merchantOrderNo, registered.channel, registered.paidAt ?? this.now().toISOString(), "query");
      throw new DomainError("PAYMENT_NOT_PAYABLE", { status: "paid" });
    }
    return { cashierUrl: registered.cashierUrl };
  }

  /** The payer has an overdue notice issued again: a new order (number, 缴款码, day to pay) for the same lines; the old one closes. */
  async renew(actor: Actor, id: string, ctx: RequestContext) {
    const o = await this.visibleOrder(actor, id);
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    const fresh = await this.store.transact(async (repos) => {
      const row = await repos.payments.lockOrder(o.id);
      if (!row || row.status !== "expired") throw new DomainError("PAYMENT_NOT_PAYABLE", { status: row?.status });
      await repos.payments.updateOrder(row.id, { status: "closed", close_reason: "逾期未缴费，已重新开具缴费单" });
      const lines = row.lines as FeeAssessment["lines"];
      const itemName = row.subject.replace(/（办件编号 .*）$/, "").replace(/邮寄费$/, "");
      const made = await this.makeOrder(repos, actor, { id: row.application_id!, number: o.application_number ?? "", handlingOrgId: row.org_id, regionCode: row.region_code, applicantAccountId: row.payer_account_id, personId: row.payer_person_id, enterpriseId: row.payer_enterprise_id, applicantName: row.payer_name, itemName }, { purpose: row.purpose as "fee" | "postage", stage: row.stage, payDays: 5, lines, exemptions: [] }, ctx);
      return made.id;
    });
    return this.get(actor, fresh);
  }

  /** Registers a pending order with the provider (idempotent there by our number); outside any transaction. */
  private async register(o: { id: string; number: string; amount_fen: number; subject: string; pay_code: string; due_date: string; application_id: string | null; provider_order_no: string | null }) {
    const registered = await this.provider.createOrder({
      merchantOrderNo: o.number,
      amountFen: o.amount_fen,
      subject: o.subject,
      payCode: o.pay_code,
      // Payable until the end of its last day, China time.
      expiresAt: new Date(`${o.due_date}T23:59:59+08:00`).toISOString(),
      returnUrl: o.application_id ? `${this.settings.publicUrl}/me/applications/${o.application_id}?payment=${o.id}` : `${this.settings.publicUrl}/me/payments`,
    });
    if (!o.provider_order_no) await this.store.repos.payments.updateOrder(o.id, { provider_order_no: registered.providerOrderNo, registered_at: this.now() });
    return registered;
  }

  /**
   * A notification from the provider (the raw body, for its signature). A bad signature or an old
   * timestamp is refused; a notification seen before is acknowledged and changes nothing; otherwise it
   * is applied in one transaction with its record, so a crash before the commit leaves it to the retry.
   */
  async notify(headers: Record<string, string | string[] | undefined>, path: string, rawBody: string): Promise<{ applied: boolean }> {
    const n = this.provider.verifyNotification(headers, path, rawBody, this.now().getTime());
    if (!n) throw new DomainError("PAYMENT_NOTIFICATION_INVALID");
    // The same notification already being applied in this process: wait for it rather than queue behind it in the database.
    const running = this.applying.get(n.id);
    if (running) {
      await running.catch(() => undefined);
      return { applied: false };
    }
    const work = this.applyOnce(n);
    this.applying.set(n.id, work);
    try {
      return await work;
    } finally {
      this.applying.delete(n.id);
    }
  }

  /** Records the notification and applies it in one transaction; a copy seen before (here or in another process) changes nothing. */
  private async applyOnce(n: Notification): Promise<{ applied: boolean }> {
    // A retry of a notification applied long ago needs no transaction.
    if (await this.store.repos.payments.notificationSeen(n.id)) return { applied: false };
    return this.store.transact(async (repos) => {
      if (!(await repos.payments.recordNotification({ id: n.id, type: n.type, merchant_no: n.data.merchantNo, effect: "applied" }))) return { applied: false };
      await this.apply(repos, n);
      return { applied: true };
    });
  }

  private async apply(repos: Repos, n: Notification) {
    if (n.type === "payment.succeeded") await this.settleIn(repos, n.data.merchantNo, n.data.channel ?? null, n.data.at, "callback");
    else if (n.type === "refund.succeeded" || n.type === "refund.failed") await this.finishRefund(repos, n.data.merchantNo, n.data.providerNo, n.type === "refund.succeeded" ? null : (n.data.failure ?? "退款失败"), n.data.at);
    else if (n.type === "payout.succeeded" || n.type === "payout.failed") await this.payouts?.finishIn(repos, n.data.merchantNo, n.data.providerNo, n.type === "payout.succeeded" ? null : (n.data.failure ?? "发放失败"), n.data.at);
  }

  /** Settles by query (no notification came); the same change as a notification's, at most once. */
  private async settle(number: string, channel: string | null, at: string, by: "query") {
    await this.store.transact((repos) => this.settleIn(repos, number, channel, at, by));
  }

  /**
   * Paid: the order, the application's clock, the audit record and the message — once. The receipt
   * follows in its own transaction right after (`issueReceipts`), so the notification's transaction
   * holds no lock on the receipt numbering and the seal.
   */
  private async settleIn(repos: Repos, number: string, channel: string | null, at: string, by: "callback" | "query") {
    const o = await repos.payments.lockOrderByNumber(number);
    if (!o || o.status === "paid" || o.status === "refunded") return false;
    const wasOpen = o.status === "pending";
    await repos.payments.updateOrder(o.id, { status: "paid", channel, paid_at: new Date(at), settled_by: by, close_reason: null });
    await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "payment.settle", targetType: "payment_order", targetId: o.id, orgId: o.org_id, regionCode: o.region_code, details: { number, amountFen: o.amount_fen, channel, by } });
    await repos.outbox.append("payment.settled", { orderId: o.id, number, applicationId: o.application_id, orgId: o.org_id, amountFen: o.amount_fen }, o.region_code);
    if (o.application_id && wasOpen) {
      await this.applications.releaseClock(repos, o.application_id, PAYMENT_PAUSE, { action: "payment_settled", actor: { accountId: null, name: "统一支付", orgId: o.org_id }, opinion: `已缴费 ${formatYuan(o.amount_fen)}（${channelName(channel) ?? "在线支付"}），继续办理`, details: { orderNumber: number } });
    }
    if (o.payer_account_id) {
      await sendDirect(repos, [{
        accountId: o.payer_account_id,
        kind: "payment_settled",
        title: "缴费成功",
        body: `您已缴纳 ${formatYuan(o.amount_fen)}（${o.subject}），财政电子票据将放入您的卡包。`,
        titleEn: "Payment received",
        bodyEn: `You paid ${(o.amount_fen / 100).toFixed(2)} yuan (${o.subject}); the electronic fiscal receipt goes to your wallet.`,
        link: o.application_id ? `/me/applications/${o.application_id}` : "/me/certificates",
        external: true,
      }], o.region_code);
    }
    // Paid after the application had ended (the payer was quicker than the close): the money goes back.
    if (!wasOpen) await this.requestRefund(repos, SYSTEM_ACTOR, o, o.amount_fen, `${o.close_reason ?? "订单已关闭"}，退还已缴费用`, SYSTEM_CONTEXT);
    await repos.payments.whenCommitted(async () => this.kick());
    if (o.purpose === "postage") await repos.payments.whenCommitted(async () => this.postagePaid.forEach((l) => l()));
    return true;
  }

  /** Issues the receipts of paid orders that have none yet (each once, under the order's lock). */
  async issueReceipts(limit = 200): Promise<number> {
    let issued = 0;
    for (let batch = await this.store.repos.payments.withoutReceipt(limit); batch.length > 0; batch = batch.length === limit ? await this.store.repos.payments.withoutReceipt(limit) : []) {
      issued += await this.issueBatch(batch);
    }
    return issued;
  }

  private async issueBatch(batch: Array<{ id: string }>): Promise<number> {
    let issued = 0;
    for (const { id } of batch) {
      const done = await this.store.transact(async (repos) => {
        const o = await repos.payments.lockOrder(id);
        if (!o || (o.status !== "paid" && o.status !== "refunded") || o.receipt_certificate_id) return false;
        const receipt = await this.issueReceipt(repos, o, o.org_id, o.channel, (o.paid_at ?? this.now()).toISOString());
        await repos.payments.updateOrder(o.id, { receipt_certificate_id: receipt.id });
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "payment.receipt_issue", targetType: "payment_order", targetId: o.id, orgId: o.org_id, regionCode: o.region_code, details: { number: o.number, receipt: receipt.identifier, billNumber: receipt.billNumber } });
        return true;
      });
      if (done) issued++;
    }
    return issued;
  }

  /** 财政电子票据: sealed by the collecting department, in the payer's wallet, verifiable by its identifier. */
  private async issueReceipt(repos: Repos, o: { id: string; number: string; pay_code: string; amount_fen: number; lines: unknown; payer_name: string; payer_person_id: string | null; payer_enterprise_id: string | null; region_code: string; application_id: string | null }, issuerOrgId: string, channel: string | null, at: string) {
    const today = todayInChina(this.now());
    const seq = await repos.counters.next(`RECEIPT-${o.region_code}`, today);
    const billCode = `${o.region_code.slice(0, 2)}0601${today.slice(2, 4)}`;
    const billNumber = `${today.slice(5, 7)}${today.slice(8, 10)}${String(seq).padStart(6, "0")}`;
    const amount = (o.amount_fen / 100).toFixed(2);
    const checkCode = createHash("sha256").update(`${billCode}|${billNumber}|${amount}|${o.pay_code}`).digest("hex").slice(0, 6).toUpperCase();
    const lines = (o.lines as Array<{ name: string; amountFen: number }>).filter((l) => l.amountFen > 0);
    const holderId = o.payer_enterprise_id ?? o.payer_person_id ?? o.number;
    const cert = await this.certificates.issue(repos, {
      type: "fiscal_receipt",
      issuerOrgId,
      applicationId: o.application_id,
      holder: { kind: o.payer_enterprise_id ? "enterprise" : "person", personId: o.payer_enterprise_id ? null : o.payer_person_id, enterpriseId: o.payer_enterprise_id, name: o.payer_name, id: holderId },
      data: { billCode, billNumber, checkCode, payer: o.payer_name, items: lines.map((l) => `${l.name} ${formatYuan(l.amountFen)}`).join("；"), amount, payCode: o.pay_code, paidAt: `${chinaDateTime(at)}${channel ? `（${channelName(channel)}）` : ""}` },
    });
    return { id: cert.id, identifier: cert.identifier, billNumber: `${billCode}-${billNumber}` };
  }

  private async finishRefund(repos: Repos, merchantNo: string, providerNo: string, failure: string | null, at: string) {
    const r = await repos.payments.lockRefundByNumber(merchantNo);
    if (!r || r.status === "succeeded" || r.status === "failed") return;
    await repos.payments.updateRefund(r.id, { status: failure ? "failed" : "succeeded", provider_refund_no: providerNo || r.provider_refund_no, failure, finished_at: new Date(at) });
    const o = (await repos.payments.lockOrder(r.order_id))!;
    if (!failure) {
      const refunded = o.refunded_fen + r.amount_fen;
      await repos.payments.updateOrder(o.id, { refunded_fen: refunded, ...(refunded >= o.amount_fen ? { status: "refunded" } : {}) });
    }
    await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: failure ? "payment.refund_fail" : "payment.refund_settle", targetType: "payment_refund", targetId: r.id, orgId: o.org_id, regionCode: o.region_code, details: { number: r.number, orderNumber: o.number, amountFen: r.amount_fen, failure } });
    if (o.payer_account_id) {
      await sendDirect(repos, [{
        accountId: o.payer_account_id,
        kind: failure ? "refund_failed" : "refund_settled",
        title: failure ? "退款未成功" : "退款已原路退回",
        body: failure ? `${o.subject}的退款 ${formatYuan(r.amount_fen)} 未成功（${failure}），工作人员将与您联系。` : `${o.subject}的费用 ${formatYuan(r.amount_fen)} 已原路退回（${r.reason}）。`,
        titleEn: failure ? "Refund not completed" : "Refund completed",
        bodyEn: failure ? `The refund of ${(r.amount_fen / 100).toFixed(2)} yuan for ${o.number} did not go through; staff will contact you.` : `${(r.amount_fen / 100).toFixed(2)} yuan for ${o.number} has been returned to where it was paid from.`,
        link: o.application_id ? `/me/applications/${o.application_id}` : "/me/payments",
        external: true,
      }], o.region_code);
    }
  }

  // ——— the provider, outside transactions ———

  /** Starts a round of `dispatch` now (after a commit made work for the provider); one round at a time, another after it if asked meanwhile. */
  kick() {
    if (this.dispatching) {
      this.again = true;
      return;
    }
    // A short pause first: the commits of a busy moment are served by one round (their receipts in one batch).
    this.dispatching = new Promise((resolve) => setTimeout(resolve, KICK_DELAY_MS))
      .then(() => this.dispatch())
      .catch(() => undefined) // the minute job tries again
      .finally(() => {
        this.dispatching = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no round started by `kick` is running (tests, shutdown). */
  async idle() {
    while (this.dispatching) await this.dispatching;
  }

  /**
   * One round of talking to the provider: register new orders, close the orders of ended applications,
   * submit requested refunds, ask about orders and refunds no notification came for, and close orders
   * past their day. Each change is its own transaction; a provider that cannot be reached leaves the
   * rest for the next round. Returns what changed.
   */
  async dispatch(limit = 200, queryAfterMs = this.settings.queryAfterMs): Promise<{ registered: number; closed: number; refunds: number; settledByQuery: number; expired: number }> {
    const repos = this.store.repos;
    const done = { registered: 0, closed: 0, refunds: 0, settledByQuery: 0, expired: 0 };
    await this.issueReceipts(limit);
    try {
      for (const o of await repos.payments.unregistered(limit)) {
        await this.register(o);
        done.registered++;
      }
      for (const o of await repos.payments.closing(limit)) if (await this.closeAtProvider(o, "closed")) done.closed++;
      for (const r of await repos.payments.refundsToSubmit(limit)) {
        await this.submitRefund(r);
        done.refunds++;
      }
      const before = new Date(this.now().getTime() - queryAfterMs);
      for (const o of await repos.payments.unanswered(before, limit)) {
        const p = await this.provider.queryOrder(o.number);
        if (p?.status === "paid" && (await this.store.transact((t) => this.settleIn(t, o.number, p.channel, p.paidAt ?? this.now().toISOString(), "query")))) done.settledByQuery++;
      }
      for (const r of await repos.payments.refundsUnanswered(before, limit)) {
        const p = await this.provider.queryTransfer("refund", r.number);
        if (p && p.status !== "processing") await this.store.transact((t) => this.finishRefund(t, r.number, p.providerNo, p.status === "failed" ? (p.failure ?? "退款失败") : null, p.finishedAt ?? this.now().toISOString()));
      }
      for (const o of await repos.payments.overdue(todayInChina(this.now()), limit)) if (await this.closeAtProvider(o, "expired")) done.expired++;
      await this.payouts?.dispatch(before, limit);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === "PAYMENT_PROVIDER_UNAVAILABLE")) throw err;
    }
    return done;
  }

  /** Closes an order at the provider, then here; if the payer was quicker, it is settled (and refunded when it was closing). */
  private async closeAtProvider(o: OrderRow | Awaited<ReturnType<PaymentRepository["closing"]>>[number], why: "closed" | "expired") {
    const outcome = o.provider_order_no ? await this.provider.closeOrder(o.number) : "closed";
    if (outcome === "paid") {
      const p = await this.provider.queryOrder(o.number);
      await this.store.transact((t) => this.settleIn(t, o.number, p?.channel ?? null, p?.paidAt ?? this.now().toISOString(), "query"));
      return false;
    }
    return this.store.transact(async (repos) => {
      const row = await repos.payments.lockOrder(o.id);
      if (!row || (row.status !== "pending" && row.status !== "closing")) return false;
      const reason = why === "expired" ? "逾期未缴费" : (row.close_reason ?? "已关闭");
      // An overdue fee still holds the application: the applicant has it issued again, or the department refuses.
      await repos.payments.updateOrder(row.id, { status: why === "expired" ? "expired" : "closed", close_reason: reason });
      await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: why === "expired" ? "payment.order_expire" : "payment.order_close", targetType: "payment_order", targetId: row.id, orgId: row.org_id, regionCode: row.region_code, details: { number: row.number, reason } });
      if (why === "expired" && row.payer_account_id) {
        await sendDirect(repos, [{
          accountId: row.payer_account_id,
          kind: "payment_expired",
          title: "缴费期限已过",
          body: `${row.subject}应于 ${row.due_date} 前缴纳的 ${formatYuan(row.amount_fen)} 未缴纳，缴费单已过期。如需继续办理，请在办件页面重新开具缴费单后缴纳。`,
          titleEn: "Payment deadline passed",
          bodyEn: `The fee of ${(row.amount_fen / 100).toFixed(2)} yuan for ${row.number} due by ${row.due_date} was not paid; the notice has expired. Have it issued again on the application page to continue.`,
          link: row.application_id ? `/me/applications/${row.application_id}` : "/me/payments",
          external: true,
        }], row.region_code);
      }
      return true;
    });
  }

  private async submitRefund(r: RefundRow) {
    const o = (await this.store.repos.payments.findOrder(r.order_id))!;
    const t = await this.provider.refund({ merchantRefundNo: r.number, merchantOrderNo: o.number, amountFen: r.amount_fen, reason: r.reason });
    await this.store.transact(async (repos) => {
      const row = await repos.payments.lockRefundByNumber(r.number);
      if (row?.status !== "requested") return;
      if (t.status === "failed") await this.finishRefund(repos, r.number, t.providerNo, t.failure ?? "退款被拒绝", this.now().toISOString());
      else await repos.payments.updateRefund(r.id, { status: "processing", provider_refund_no: t.providerNo });
    });
  }

  // ——— what people see ———

  view(o: OrderRow, refunds: RefundRow[], actor: Actor): PaymentView {
    const lines = o.lines as FeeAssessment["lines"];
    return {
      id: o.id,
      number: o.number,
      payCode: o.pay_code,
      applicationId: o.application_id,
      applicationNumber: o.application_number,
      subject: o.subject,
      stage: o.stage,
      stageName: o.purpose === "postage" ? "邮寄费" : (FEE_STAGES[o.stage as keyof typeof FEE_STAGES]?.zh ?? ""),
      orgName: o.org_name,
      payerName: o.payer_name,
      amountFen: o.amount_fen,
      lines,
      status: o.status as PaymentView["status"],
      statusName: ORDER_STATUS[o.status]?.zh ?? o.status,
      dueDate: o.due_date,
      channelName: channelName(o.channel),
      paidAt: o.paid_at?.toISOString() ?? null,
      settledBy: actor.kind === "staff" ? o.settled_by : null,
      receiptCertificateId: o.receipt_certificate_id,
      receiptIdentifier: o.receipt_identifier,
      refundedFen: o.refunded_fen,
      closeReason: o.close_reason,
      providerOrderNo: actor.kind === "staff" ? o.provider_order_no : null,
      refunds: refunds.map((r) => ({ id: r.id, number: r.number, amountFen: r.amount_fen, reason: r.reason, status: r.status as PaymentView["refunds"][number]["status"], statusName: REFUND_STATUS[r.status]?.zh ?? r.status, failure: r.failure, createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null })),
      createdAt: o.created_at.toISOString(),
    };
  }

  /** Finance: the orders of the departments in the caller's subtree. */
  async list(actor: Actor, f: { status?: string | undefined; from?: string | undefined; to?: string | undefined; q?: string | undefined }, limit: number, offset: number) {
    const orgPath = visibleSubtree(actor, PAYMENT_STAFF);
    if (!orgPath) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.payments.list({ orgPath, status: f.status ?? null, from: f.from ?? null, to: f.to ?? null, q: f.q?.trim() || null }, limit, offset);
    const refunds = await this.store.repos.payments.refundsOf(rows.map((o) => o.id));
    return { items: rows.map((o) => this.view(o, refunds.filter((r) => r.order_id === o.id), actor)) };
  }

  /** The filtered orders (each refund on its own line below) as an .xlsx workbook, amounts in yuan; up to 20,000 orders. */
  async export(actor: Actor, f: { status?: string | undefined; from?: string | undefined; to?: string | undefined; q?: string | undefined }, payouts: Array<ReturnType<PayoutService["view"]>>): Promise<Buffer> {
    const { items } = await this.list(actor, f, 20_000, 0);
    const book = new ExcelJS.Workbook();
    const sheet = (name: string, header: string[], rows: Array<Array<string | number>>) => {
      const ws = book.addWorksheet(name);
      ws.addRow(header);
      ws.getRow(1).font = { bold: true };
      for (const r of rows) ws.addRow(r);
      ws.columns.forEach((c) => (c.width = 18));
    };
    const yuan = (fenAmount: number) => Math.round(fenAmount) / 100;
    const time = (v: string | null) => (v ? chinaDateTime(v) : "");
    sheet("缴费订单", ["缴费单号", "缴款码", "办件编号", "缴款人", "执收部门", "金额（元）", "已退款（元）", "状态", "缴费方式", "开单时间", "缴费时间", "支付平台订单号"], items.map((o) => [o.number, o.payCode, o.applicationNumber ?? "", o.payerName, o.orgName, yuan(o.amountFen), yuan(o.refundedFen), o.statusName, o.channelName ?? "", time(o.createdAt), time(o.paidAt), o.providerOrderNo ?? ""]));
    sheet("退款", ["退款单号", "缴费单号", "金额（元）", "原因", "状态", "申请时间", "完成时间"], items.flatMap((o) => o.refunds.map((r) => [r.number, o.number, yuan(r.amountFen), r.failure ? `${r.reason}（${r.failure}）` : r.reason, r.statusName, time(r.createdAt), time(r.finishedAt)])));
    sheet("待遇发放", ["发放单号", "办件编号", "事项", "收款人", "账户", "期间", "发放日", "金额（元）", "状态", "说明"], payouts.map((p) => [p.number, p.applicationNumber ?? "", p.subject, p.payeeName, p.accountMasked ?? "", p.periodLabel, p.payDate, yuan(p.amountFen), p.statusName, p.failure ?? ""]));
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  get(actor: Actor, id: string) {
    return this.visibleOrder(actor, id).then(async (o) => this.view(o, await this.store.repos.payments.refundsOf([o.id]), actor));
  }
}
