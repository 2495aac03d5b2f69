import { todayInChina } from "../../../shared/working-days";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { servesCity } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { PaymentProvider, StatementLine } from "./payment-provider";
import type { ReconciliationRepository } from "./reconciliation.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { reconciliation: ReconciliationRepository; audit: AuditRepository };

export const FINDING_KINDS = {
  missing_on_platform: { zh: "平台无记录（支付平台有）", en: "Missing on the platform" },
  missing_at_provider: { zh: "支付平台无记录（平台有）", en: "Missing at the payment platform" },
  amount_mismatch: { zh: "金额不一致", en: "Amounts differ" },
  duplicate: { zh: "重复记录", en: "Duplicate" },
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;
const TXN = { payment: "缴费", refund: "退款", payout: "发放" } as const;

type Txn = { type: StatementLine["type"]; merchantNo: string; amountFen: number };
export interface Finding {
  kind: FindingKind;
  type: StatementLine["type"];
  merchantNo: string;
  providerNo: string;
  platformFen: number | null;
  providerFen: number | null;
}

/**
 * The matching itself, pure: each provider line and each platform record by kind and our number. A line
 * the platform lacks, a record the provider lacks, amounts that differ and a number the provider lists
 * twice are findings; the rest match.
 */
export function reconcile(provider: StatementLine[], platform: Txn[]): { matched: number; findings: Finding[] } {
  const key = (t: { type: string; merchantNo: string }) => `${t.type}\u0000${t.merchantNo}`;
  const ours = new Map(platform.map((t) => [key(t), t]));
  const seen = new Map<string, StatementLine>();
  const findings: Finding[] = [];
  let matched = 0;
  for (const line of provider) {
    const k = key(line);
    if (seen.has(k)) {
      findings.push({ kind: "duplicate", type: line.type, merchantNo: line.merchantNo, providerNo: line.providerNo, platformFen: ours.get(k)?.amountFen ?? null, providerFen: line.amountFen });
      continue;
    }
    seen.set(k, line);
    const mine = ours.get(k);
    if (!mine) findings.push({ kind: "missing_on_platform", type: line.type, merchantNo: line.merchantNo, providerNo: line.providerNo, platformFen: null, providerFen: line.amountFen });
    else if (mine.amountFen !== line.amountFen) findings.push({ kind: "amount_mismatch", type: line.type, merchantNo: line.merchantNo, providerNo: line.providerNo, platformFen: mine.amountFen, providerFen: line.amountFen });
    else matched++;
  }
  for (const t of platform) if (!seen.has(key(t))) findings.push({ kind: "missing_at_provider", type: t.type, merchantNo: t.merchantNo, providerNo: "", platformFen: t.amountFen, providerFen: null });
  return { matched, findings };
}

/**
 * 对账: each day the payment platform's statement is matched with what the platform settled that day
 * (China dates); the run and its findings are kept, findings raised again by a later run of the same
 * day stay resolved, and finance staff of the city resolve each with a reason (audited).
 * Raises: FORBIDDEN, FINDING_NOT_FOUND, FINDING_RESOLVED, REASON_REQUIRED, PAYMENT_PROVIDER_UNAVAILABLE.
 */
export class ReconciliationService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly provider: PaymentProvider,
    private readonly now: () => Date,
  ) {}

  private assertFinance(actor: Actor) {
    if (!actor.roles.includes("finance") || !servesCity(actor)) throw new DomainError("FORBIDDEN");
  }

  /** Reconciles one day (the job: yesterday, as the system; finance staff: any past day again). */
  async run(day: string, actor: Actor = SYSTEM_ACTOR, ctx: RequestContext = SYSTEM_CONTEXT) {
    if (actor !== SYSTEM_ACTOR) this.assertFinance(actor);
    if (day >= todayInChina(this.now())) throw new DomainError("RECONCILIATION_DAY_OPEN");
    const lines = await this.provider.statement(day);
    const platform = await this.store.repos.reconciliation.platformDay(day);
    const { matched, findings } = reconcile(lines, platform);
    await this.store.transact(async (repos) => {
      await repos.reconciliation.replaceFindings(day, findings.map((f) => ({ day, kind: f.kind, txn_type: f.type, merchant_no: f.merchantNo, provider_no: f.providerNo, platform_fen: f.platformFen, provider_fen: f.providerFen, status: "open" })));
      await repos.reconciliation.saveRun({ day, provider_lines: lines.length, platform_lines: platform.length, matched, findings: findings.length, provider_total_fen: lines.reduce((s, l) => s + l.amountFen, 0), platform_total_fen: platform.reduce((s, t) => s + t.amountFen, 0), ran_at: this.now(), ran_by: actor.name });
      await repos.audit.append(actor, ctx, { action: "payment.reconcile", targetType: "reconciliation", targetId: null, regionCode: "310000", details: { day, providerLines: lines.length, platformLines: platform.length, matched, findings: findings.length } });
    });
    return this.day(actor === SYSTEM_ACTOR ? null : actor, day);
  }

  async runs(actor: Actor, limit = 31) {
    this.assertFinance(actor);
    return { items: (await this.store.repos.reconciliation.runs(limit)).map((r) => this.runView(r, Number(r.open_findings ?? 0))) };
  }

  async day(actor: Actor | null, day: string) {
    if (actor) this.assertFinance(actor);
    const run = await this.store.repos.reconciliation.run(day);
    const findings = await this.store.repos.reconciliation.findings(day);
    return {
      run: run ? this.runView(run, findings.filter((f) => f.status === "open").length) : null,
      findings: findings.map((f) => ({
        id: f.id,
        kind: f.kind as FindingKind,
        kindName: FINDING_KINDS[f.kind as FindingKind]?.zh ?? f.kind,
        type: f.txn_type as StatementLine["type"],
        typeName: TXN[f.txn_type as StatementLine["type"]] ?? f.txn_type,
        merchantNo: f.merchant_no,
        providerNo: f.provider_no || null,
        platformFen: f.platform_fen,
        providerFen: f.provider_fen,
        status: f.status as "open" | "resolved",
        resolution: f.resolution,
        resolvedBy: f.resolved_by,
        resolvedAt: f.resolved_at?.toISOString() ?? null,
      })),
    };
  }

  /** Resolves a finding with the reason (what was found and done), once. */
  async resolve(actor: Actor, id: string, reason: string, ctx: RequestContext) {
    this.assertFinance(actor);
    if (!reason.trim()) throw new DomainError("REASON_REQUIRED");
    const day = await this.store.transact(async (repos) => {
      const f = await repos.reconciliation.lockFinding(id);
      if (!f) throw new DomainError("FINDING_NOT_FOUND");
      if (f.status !== "open") throw new DomainError("FINDING_RESOLVED");
      await repos.reconciliation.resolve(id, reason.trim(), actor.name, this.now());
      await repos.audit.append(actor, ctx, { action: "payment.finding_resolve", targetType: "reconciliation_finding", targetId: id, regionCode: "310000", details: { day: f.day, kind: f.kind, merchantNo: f.merchant_no, reason: reason.trim() } });
      return f.day;
    });
    return this.day(actor, day);
  }

  private runView(r: { day: string; provider_lines: number; platform_lines: number; matched: number; findings: number; provider_total_fen: number; platform_total_fen: number; ran_at: Date; ran_by: string }, open: number) {
    return { day: r.day, providerLines: r.provider_lines, platformLines: r.platform_lines, matched: r.matched, findings: r.findings, openFindings: open, providerTotalFen: Number(r.provider_total_fen), platformTotalFen: Number(r.platform_total_fen), ranAt: r.ran_at.toISOString(), ranBy: r.ran_by };
  }
}
