import { BENEFIT_PERIODS, type AssessedBenefit, type BenefitPeriod } from "../../../shared/benefit";
import { formatYuan } from "../../../shared/fees";
import { nextDay, todayInChina, type WorkCalendar } from "../../../shared/working-days";
import type { Role } from "../../../shared/roles";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { servesCity, visibleSubtree, within } from "../../access/scope";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { ApplicationRow } from "../applications";
import type { AuditRepository } from "../audit";
import type { CounterRepository } from "../numbering";
import { sendDirect, type DirectMessageRepos } from "../notifications";
import type { StaffDirectoryRepository } from "../identity";
import type { PersonRepository } from "../registry";
import type { PaymentProvider } from "./payment-provider";
import type { PayoutRepository, PayoutRow } from "./payout.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { payouts: PayoutRepository; persons: PersonRepository; audit: AuditRepository; counters: CounterRepository; staffDirectory: StaffDirectoryRepository } & DirectMessageRepos;

/** Staff who see payouts: finance, and the approvers and supervisors over the granting department. */
const PAYOUT_STAFF: Role[] = ["finance", "approver"];

export const PAYOUT_STATUS: Record<string, { zh: string; en: string }> = {
  requested: { zh: "待发放", en: "To pay" },
  processing: { zh: "发放中", en: "Being paid" },
  succeeded: { zh: "已发放", en: "Paid" },
  failed: { zh: "发放失败", en: "Failed" },
  stopped: { zh: "已停发", en: "Stopped" },
};

/** 6231 **** **** 1234 */
export const maskAccount = (n: string) => `${n.slice(0, 4)} **** **** ${n.slice(-4)}`;

/** The pay day in the month `months` after the month of `from`, moved to the next working day (遇节假日顺延). */
export function payDateAfter(from: string, months: number, payDay: number, calendar: WorkCalendar): string {
  const [y, m] = from.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  let d = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-${String(payDay).padStart(2, "0")}`;
  while (calendar.covers(d) && !calendar.isWorkingDay(d)) d = nextDay(d);
  return d;
}

const periodLabel = (period: BenefitPeriod, payDate: string) => (period === "monthly" ? payDate.slice(0, 7) : period === "yearly" ? payDate.slice(0, 4) : "once");

/**
 * 待遇发放: a benefit granted (免申即享, 秒批 or by staff) is paid to the person's 社会保障卡金融账户 through
 * the payment platform — a plan from the assessment (amount, period, first pay date), a payout for each
 * period when its day comes (the account read from the registry for that purpose, audited), submitted
 * outside transactions and finished by the platform's notification; a failure goes back to the person
 * and to staff, who send it again; revocation stops the plan and what is not yet sent, at once.
 * Raises: FORBIDDEN, PAYOUT_NOT_FOUND, PAYOUT_NOT_RETRYABLE.
 */
export class PayoutService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly provider: PaymentProvider,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
    private readonly kick: () => void,
  ) {}

  /** The plan of a benefit just assessed on approval (in the deciding transaction). */
  async plan(unit: UnitOfWork, app: ApplicationRow, benefit: AssessedBenefit, payDay: number, subject: string) {
    if (!app.applicant_person_id || app.acting_for_enterprise_id) return;
    const repos = this.store.within(unit);
    const created = await repos.payouts.insertPlan({ application_id: app.id, person_id: app.applicant_person_id, payee_name: app.applicant_name, org_id: app.handling_org_id, region_code: app.region_code, subject, amount_fen: Math.round(benefit.amount * 100), period: benefit.period, pay_day: payDay, next_pay_date: benefit.firstPayDate, status: "active" });
    if (created) await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "payout.plan", targetType: "application", targetId: app.id, orgId: app.handling_org_id, regionCode: app.region_code, details: { number: app.number, amountFen: Math.round(benefit.amount * 100), period: benefit.period, firstPayDate: benefit.firstPayDate } });
  }

  /** Revocation: the plan stops and what has not been sent is not sent (in the revoking transaction). */
  async stop(unit: UnitOfWork, actor: Actor, applicationId: string, reason: string, ctx: RequestContext) {
    const repos = this.store.within(unit);
    const plan = await repos.payouts.lockPlan(applicationId);
    if (!plan || plan.status !== "active") return;
    await repos.payouts.updatePlan(applicationId, { status: "stopped", stop_reason: reason, next_pay_date: null });
    await repos.payouts.stopRequested(applicationId, `停发：${reason}`);
    await repos.audit.append(actor, ctx, { action: "payout.stop", targetType: "application", targetId: applicationId, orgId: plan.org_id, regionCode: plan.region_code, details: { reason } });
  }

  /** Makes the payouts whose day has come (the daily job; `asOf` China date). Returns how many. */
  async due(asOf: string = todayInChina(this.now()), limit = 1000): Promise<number> {
    let made = 0;
    for (const { application_id } of await this.store.repos.payouts.duePlans(asOf, limit)) {
      if (await this.store.transact((repos) => this.makePayout(repos, application_id, asOf))) made++;
    }
    if (made) this.kick();
    return made;
  }

  /** City finance staff submit a batch: the payouts due by `payDate` (today up to two months ahead: the next pay day of a grant made today), audited. */
  async batch(actor: Actor, payDate: string, ctx: RequestContext) {
    if (!actor.roles.includes("finance") || !servesCity(actor)) throw new DomainError("FORBIDDEN");
    const today = todayInChina(this.now());
    const latest = payDateAfter(today, 2, Math.min(28, Number(today.slice(8, 10))), this.calendarOf());
    if (payDate < today || payDate > latest) throw new DomainError("PAYOUT_BATCH_DATE", { from: today, to: latest });
    const made = await this.due(payDate);
    await this.store.transact((repos) => repos.audit.append(actor, ctx, { action: "payout.batch", targetType: "payout", targetId: null, regionCode: "310000", details: { payDate, made } }));
    return { made };
  }

  private async makePayout(repos: Repos, applicationId: string, asOf: string): Promise<boolean> {
    const plan = await repos.payouts.lockPlan(applicationId);
    if (!plan || plan.status !== "active" || !plan.next_pay_date || plan.next_pay_date > asOf) return false;
    const period = plan.period as BenefitPeriod;
    const person = await repos.persons.findById(plan.person_id);
    const account = person?.payout_account_enc ? this.cipher.decrypt(person.payout_account_enc) : null;
    // The account is personal data: read for this payout and recorded as such.
    await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "person.read", targetType: "person", targetId: plan.person_id, subjectPersonId: plan.person_id, purpose: `待遇发放：${plan.subject}`, regionCode: plan.region_code, details: { registry: "population", elements: ["社会保障卡金融账户"] } });
    const today = todayInChina(this.now());
    const seq = await repos.counters.next(`PAYOUT-${plan.region_code}`, today);
    const number = `FF${plan.region_code}${today.replaceAll("-", "")}${String(seq).padStart(6, "0")}`;
    const payout = await repos.payouts.insertPayout({
      number,
      application_id: applicationId,
      period_label: periodLabel(period, plan.next_pay_date),
      pay_date: plan.next_pay_date,
      amount_fen: plan.amount_fen,
      account_enc: account ? this.cipher.encrypt(account) : null,
      account_masked: account ? maskAccount(account) : null,
      bank_name: person?.payout_bank ?? null,
      status: account ? "requested" : "failed",
      failure: account ? null : "未登记社会保障卡金融账户",
      region_code: plan.region_code,
    });
    const next = period === "once" ? null : payDateAfter(plan.next_pay_date, period === "monthly" ? 1 : 12, plan.pay_day, this.calendarOf());
    await repos.payouts.updatePlan(applicationId, { next_pay_date: next, ...(next ? {} : { status: "ended" }) });
    if (payout) {
      await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "payout.create", targetType: "payout", targetId: payout.id, orgId: plan.org_id, regionCode: plan.region_code, details: { number, applicationId, amountFen: plan.amount_fen, period: payout.period_label } });
      if (!account) await this.tellFailure(repos, { ...payout, subject: plan.subject, person_id: plan.person_id, org_id: plan.org_id });
    }
    return payout !== undefined;
  }

  /** Sends requested payouts and asks about unanswered ones (outside transactions). */
  async dispatch(queryBefore: Date, limit: number) {
    for (const p of await this.store.repos.payouts.toSubmit(limit)) {
      const t = await this.provider.payout({ merchantPayoutNo: p.number, accountNumber: this.cipher.decrypt(p.account_enc!), accountName: (await this.payeeOf(p.application_id)) ?? "", amountFen: p.amount_fen, purpose: "待遇发放" });
      await this.store.transact(async (repos) => {
        const row = await repos.payouts.lockPayoutByNumber(p.number);
        if (row?.status !== "requested") return;
        if (t.status === "failed") await this.finishIn(repos, p.number, t.providerNo, t.failure ?? "代发被拒绝", this.now().toISOString());
        else await repos.payouts.updatePayout(p.id, { status: "processing", provider_no: t.providerNo });
      });
    }
    for (const p of await this.store.repos.payouts.unanswered(queryBefore, limit)) {
      const t = await this.provider.queryTransfer("payout", p.number);
      if (t && t.status !== "processing") await this.store.transact((repos) => this.finishIn(repos, p.number, t.providerNo, t.status === "failed" ? (t.failure ?? "发放失败") : null, t.finishedAt ?? this.now().toISOString()));
    }
  }

  private async payeeOf(applicationId: string) {
    return (await this.store.repos.payouts.plan(applicationId))?.payee_name;
  }

  /** The platform's answer for a payout (notification or query), once. */
  async finishIn(unit: UnitOfWork, number: string, providerNo: string, failure: string | null, at: string) {
    const repos = this.store.within(unit);
    const p = await repos.payouts.lockPayoutByNumber(number);
    if (!p || (p.status !== "requested" && p.status !== "processing")) return;
    await repos.payouts.updatePayout(p.id, { status: failure ? "failed" : "succeeded", provider_no: providerNo || p.provider_no, failure, finished_at: new Date(at) });
    const plan = (await repos.payouts.plan(p.application_id))!;
    await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: failure ? "payout.fail" : "payout.settle", targetType: "payout", targetId: p.id, orgId: plan.org_id, regionCode: p.region_code, details: { number, amountFen: p.amount_fen, failure } });
    if (failure) await this.tellFailure(repos, { ...p, failure, subject: plan.subject, person_id: plan.person_id, org_id: plan.org_id });
    else await this.tell(repos, plan.person_id, p.application_id, p.region_code, "payout_settled", "待遇已发放", `${plan.subject}：${formatYuan(p.amount_fen)}已发放至您的社会保障卡金融账户（${p.account_masked ?? ""}）。`, "Benefit paid", `${(p.amount_fen / 100).toFixed(2)} yuan has been paid to your social security card account.`);
  }

  private async tellFailure(repos: Repos, p: Pick<PayoutRow, "amount_fen" | "application_id" | "region_code" | "failure" | "number"> & { subject: string; person_id: string; org_id: string }) {
    // Back to the granting department's approvers, who send it again once the account is right.
    const staff = await repos.staffDirectory.handlersOf(p.org_id, ["approver"]);
    await sendDirect(repos, staff.map((s) => ({ accountId: s.id, kind: "payout_failed", title: "待遇发放失败", body: `${p.subject}的发放 ${p.number}（${formatYuan(p.amount_fen)}）未成功：${p.failure}。请核实收款账户后在“缴费与对账 · 待遇发放”中重新发放。`, titleEn: "Benefit payout failed", bodyEn: `Payout ${p.number} (${(p.amount_fen / 100).toFixed(2)} yuan) failed: ${p.failure}. Check the account and send it again under Payments · Benefit payouts.`, link: "/workbench/finance", external: false })), p.region_code);
    await this.tell(repos, p.person_id, p.application_id, p.region_code, "payout_failed", "待遇发放未成功", `${p.subject}的 ${formatYuan(p.amount_fen)} 未能发放（${p.failure}）。请到社区事务受理服务中心核对或更新社会保障卡金融账户，工作人员核实后将重新发放。`, "Benefit payment failed", `The payment of ${(p.amount_fen / 100).toFixed(2)} yuan could not be made (${p.failure}). Please check your social security card account at a community service centre; staff will send it again.`);
  }

  private async tell(repos: Repos, personId: string, applicationId: string, region: string, kind: string, title: string, body: string, titleEn: string, bodyEn: string) {
    const account = await repos.payouts.accountOfPerson(personId);
    if (!account) return;
    await sendDirect(repos, [{ accountId: account, kind, title, body, titleEn, bodyEn, link: `/me/applications/${applicationId}`, external: true }], region);
  }

  /** Staff send a failed payout again (after the account was put right): a new number, the account read again. */
  async retry(actor: Actor, id: string, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const p = await repos.payouts.lockPayout(id);
      if (!p) throw new DomainError("PAYOUT_NOT_FOUND");
      const plan = (await repos.payouts.plan(p.application_id))!;
      const org = await repos.payouts.orgPath(plan.org_id);
      if (!within(org, visibleSubtree(actor, PAYOUT_STAFF))) throw new DomainError("PAYOUT_NOT_FOUND");
      if (p.status !== "failed") throw new DomainError("PAYOUT_NOT_RETRYABLE");
      if (plan.status === "stopped") throw new DomainError("PAYOUT_NOT_RETRYABLE", { reason: plan.stop_reason });
      const person = await repos.persons.findById(plan.person_id);
      const account = person?.payout_account_enc ? this.cipher.decrypt(person.payout_account_enc) : null;
      await repos.audit.append(actor, ctx, { action: "person.read", targetType: "person", targetId: plan.person_id, subjectPersonId: plan.person_id, purpose: `待遇重新发放：${plan.subject}`, regionCode: plan.region_code, details: { registry: "population", elements: ["社会保障卡金融账户"] } });
      if (!account) throw new DomainError("PAYOUT_NOT_RETRYABLE", { reason: "未登记社会保障卡金融账户" });
      const attempt = (p.number.match(/R(\d+)$/)?.[1] ? Number(p.number.match(/R(\d+)$/)![1]) : 0) + 1;
      const number = `${p.number.replace(/R\d+$/, "")}R${attempt}`;
      await repos.payouts.updatePayout(p.id, { number, status: "requested", failure: null, provider_no: null, finished_at: null, account_enc: this.cipher.encrypt(account), account_masked: maskAccount(account), bank_name: person?.payout_bank ?? null });
      await repos.audit.append(actor, ctx, { action: "payout.retry", targetType: "payout", targetId: p.id, orgId: plan.org_id, regionCode: p.region_code, details: { number, previous: p.number } });
    });
    this.kick();
    return { ok: true as const };
  }

  view(r: Awaited<ReturnType<PayoutRepository["list"]>>[number]) {
    return {
      id: r.id,
      number: r.number,
      applicationId: r.application_id,
      applicationNumber: r.application_number,
      subject: r.subject,
      payeeName: r.payee_name,
      orgName: r.org_name,
      periodLabel: r.period_label === "once" ? "一次性" : r.period_label,
      payDate: r.pay_date,
      amountFen: r.amount_fen,
      accountMasked: r.account_masked,
      bankName: r.bank_name,
      status: r.status as "requested" | "processing" | "succeeded" | "failed" | "stopped",
      statusName: PAYOUT_STATUS[r.status]?.zh ?? r.status,
      failure: r.failure,
      planStatus: r.plan_status,
      nextPayDate: r.next_pay_date,
      periodName: BENEFIT_PERIODS[r.plan_period as BenefitPeriod]?.zh ?? "",
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }

  /** Finance and the granting departments: payouts in the caller's subtree. */
  async list(actor: Actor, status: string | undefined, limit: number, offset: number) {
    const orgPath = visibleSubtree(actor, PAYOUT_STAFF);
    if (!orgPath) throw new DomainError("FORBIDDEN");
    return { items: (await this.store.repos.payouts.list({ orgPath, status: status ?? null }, limit, offset)).map((r) => this.view(r)) };
  }

  /** An application's payouts for its applicant (the citizen sees where the money went) or staff who see them. */
  async ofApplication(actor: Actor, applicationId: string) {
    const rows = await this.store.repos.payouts.ofApplication(applicationId);
    const visible = rows.filter((r) => (actor.kind === "citizen" ? r.person_id === actor.personId : within(r.org_path, visibleSubtree(actor, PAYOUT_STAFF))));
    return { items: visible.map((r) => this.view(r)) };
  }
}
