import ExcelJS from "exceljs";
import type { HotlineFigures, PerformanceFigures, PerformanceView, PublicPerformanceView } from "../../../shared/schemas/performance";
import { PERFORMANCE_CASE_FIGURES } from "../../../shared/schemas/performance";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { hasRole, type Actor } from "../../actor";
import { ownSubtree, supervisedSubtree } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import { maskName } from "../certificates";
import { StampedCache } from "./stamped-cache";
import { DAYS_BUCKETS, type PerformanceFilter, type PerformanceRepository, type PerformanceSums } from "./performance.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { performance: PerformanceRepository };

type Query = { from: string; to: string; orgId?: string | undefined; itemId?: string | undefined };
type CaseFigure = (typeof PERFORMANCE_CASE_FIGURES)[number];

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);
const mean = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10) / 10 : null);

/** The working days by which 90 % of the decisions in a spread were made (the last bucket stands for "that many or more"). */
export function percentile90(hist: number[]): number | null {
  const total = hist.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const target = Math.ceil(total * 0.9);
  let seen = 0;
  for (const [days, n] of hist.entries()) {
    seen += n;
    if (seen >= target) return days;
  }
  return hist.length - 1;
}

/** A month's China days up to today (YYYY-MM); null for a month that has not begun. */
export function monthRange(month: string, today: string): { from: string; to: string } | null {
  const from = `${month}-01`;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const to = last < today ? last : today;
  return from > to ? null : { from, to };
}

/** A slice's figures from its summed rollup rows (the definitions the dashboard, the export and the public page share). */
export function figuresOf(s: PerformanceSums): PerformanceFigures {
  const withDays = s.days_hist.reduce((a, b) => a + b, 0);
  return {
    received: s.received,
    decided: s.decided,
    approved: s.approved,
    onTimeRate: share(s.on_time, s.with_limit),
    legalRate: share(s.within_legal, s.with_limit),
    averageDays: mean(s.days_sum, withDays),
    p90Days: percentile90(s.days_hist),
    averageLimitDays: mean(s.limit_days_sum, s.with_limit),
    supplementRate: share(s.supplemented, s.decided),
    supplementRounds: mean(s.supplement_rounds, s.supplemented),
    onlineShare: share(s.received_online, s.received),
    autoShare: share(s.auto_approved, s.decided),
    rated: s.rated,
    satisfaction: share(s.satisfied, s.rated),
    bad: s.bad,
  };
}

type HotlineSums = Awaited<ReturnType<PerformanceRepository["hotlineSums"]>>[number];

/** 12345 figures from summed rows. */
export function hotlineOf(h: HotlineSums | undefined): HotlineFigures {
  const s = h ?? { dispatched: 0, signed: 0, signedOnTime: 0, replied: 0, repliedOnTime: 0, rated: 0, satisfied: 0 };
  return { dispatched: s.dispatched, replied: s.replied, signOnTimeRate: share(s.signedOnTime, s.signed), replyOnTimeRate: share(s.repliedOnTime, s.replied), rated: s.rated, satisfaction: share(s.satisfied, s.rated) };
}

const EMPTY: PerformanceSums = { received: 0, received_online: 0, decided: 0, approved: 0, with_limit: 0, on_time: 0, within_legal: 0, limit_days_sum: 0, days_sum: 0, days_hist: Array<number>(DAYS_BUCKETS).fill(0), supplemented: 0, supplement_rounds: 0, auto_approved: 0, rated: 0, rating_sum: 0, satisfied: 0, bad: 0 };

/**
 * 效能监督: how departments and items perform, read from the daily rollup (refreshed by a job, never
 * scanned at request time) over the caller's subtree — supervisors their government level, approvers
 * their own department — with the cases behind every figure and an Excel export. The 电子监察 lights
 * are counted by the same job; the cases behind them are listed live. Raises: FORBIDDEN.
 */
export class PerformanceService {
  private readonly views = new StampedCache<PerformanceView>();

  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
    private readonly calendar: () => WorkCalendar,
  ) {}

  /** Recomputes the rollup of these China days (the job: today and yesterday; after seeding or an import: any range). */
  async refresh(from: string, to: string, unit: UnitOfWork = this.store.repos): Promise<number> {
    const repos = this.store.within(unit).performance;
    const n = await repos.refresh(from, to);
    const { today, dueBy } = this.lights();
    await repos.refreshOpen(today, dueBy);
    return n;
  }

  /** Today and the day before: what the hourly job refreshes. */
  refreshRecent(): Promise<number> {
    const today = todayInChina(this.now());
    const yesterday = todayInChina(new Date(Date.parse(`${today}T12:00:00+08:00`) - 86_400_000));
    return this.store.transact((repos) => this.refresh(yesterday, today, repos));
  }

  private scope(actor: Actor): string {
    const subtree = supervisedSubtree(actor) ?? (hasRole(actor, "approver") ? ownSubtree(actor) : null);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    return subtree;
  }

  /** Today, and the last day an open application may reach and still be yellow (one working day left). */
  private lights(): { today: string; dueBy: string } {
    const today = todayInChina(this.now());
    try {
      return { today, dueBy: this.calendar().deadline(today, 1) };
    } catch {
      return { today, dueBy: today };
    }
  }

  /**
   * The dashboard of a slice. Its figures change only when the rollup job runs (every 15 minutes), so a
   * slice's view is kept until then (`StampedCache`): the supervisors opening the same first view share it.
   */
  async dashboard(actor: Actor, q: Query): Promise<PerformanceView> {
    const f: PerformanceFilter = { subtree: this.scope(actor), ...q };
    const today = todayInChina(this.now());
    const stamp = `${today}|${await this.store.repos.performance.stamp()}`;
    return this.views.get(JSON.stringify([f.subtree, q.from, q.to, q.orgId ?? null, q.itemId ?? null]), stamp, () => this.computeDashboard(f, q, today));
  }

  private async computeDashboard(f: PerformanceFilter, q: Query, today: string): Promise<PerformanceView> {
    const repos = this.store.repos.performance;
    const [sums, overdue, refreshedAt, hotlineByOrg, rectification] = await Promise.all([
      repos.sums(f),
      repos.overdueNow(f.subtree, q.orgId, q.itemId),
      repos.refreshedAt(q.from, q.to),
      repos.hotlineSums(f, "org"),
      q.itemId ? Promise.resolve([]) : repos.rectification(f, today, "month"),
    ]);
    // The hotline's total is the sum of its departments.
    const hotlineTotal = [hotlineByOrg.reduce((a, h) => ({ key: "total", dispatched: a.dispatched + h.dispatched, signed: a.signed + h.signed, signedOnTime: a.signedOnTime + h.signedOnTime, replied: a.replied + h.replied, repliedOnTime: a.repliedOnTime + h.repliedOnTime, rated: a.rated + h.rated, satisfied: a.satisfied + h.satisfied }), { key: "total", dispatched: 0, signed: 0, signedOnTime: 0, replied: 0, repliedOnTime: 0, rated: 0, satisfied: 0 })];
    const { total, org: byOrg, item: byItem, week: weeks, month: months } = sums;
    const hotline = new Map(hotlineByOrg.map((h) => [h.key, h]));
    const lights = new Map(overdue.map((o) => [o.orgId, o]));
    // Departments with applications, open ones, or (unless one item is asked for) 12345 tickets.
    const orgIds = [...new Set([...byOrg.map((r) => r.key), ...overdue.map((o) => o.orgId), ...(q.itemId ? [] : hotlineByOrg.map((h) => h.key))])];
    const names = await repos.names(orgIds, byItem.map((r) => r.key));
    const departments = orgIds
      .map((orgId) => {
        const s = byOrg.find((r) => r.key === orgId) ?? EMPTY;
        return { orgId, orgName: names.orgs.get(orgId) ?? "", overdue: lights.get(orgId)?.red ?? 0, dueSoon: lights.get(orgId)?.yellow ?? 0, ...figuresOf(s), hotline: hotlineOf(hotline.get(orgId)) };
      })
      .sort((a, b) => b.overdue - a.overdue || b.received - a.received || a.orgName.localeCompare(b.orgName, "zh-CN"));
    return {
      from: q.from,
      to: q.to,
      refreshedAt: refreshedAt?.toISOString() ?? null,
      total: { ...figuresOf(total[0] ?? EMPTY), overdue: overdue.reduce((a, o) => a + o.red, 0), dueSoon: overdue.reduce((a, o) => a + o.yellow, 0), hotline: hotlineOf(q.itemId ? undefined : hotlineTotal[0]) },
      departments,
      items: byItem
        .map((r) => ({ itemId: r.key, itemName: names.items.get(r.key)?.name ?? "", orgName: names.items.get(r.key)?.org_name ?? "", limitDays: names.items.get(r.key)?.limit_days ?? null, ...figuresOf(r) }))
        .sort((a, b) => b.received - a.received || a.itemName.localeCompare(b.itemName, "zh-CN")),
      weeks: weeks.map((r) => ({ start: r.key, ...figuresOf(r) })),
      months: months.map((r) => ({ month: r.key, ...figuresOf(r) })),
      rectification: rectification.map((r) => ({ month: r.key, due: r.due, onTime: r.onTime, rate: share(r.onTime, r.due) })),
    };
  }

  /** The applications behind a figure: the count as the rollup has it, the page read live. */
  async cases(actor: Actor, q: Query & { figure: CaseFigure; limit: number; offset: number }) {
    const f: PerformanceFilter = { subtree: this.scope(actor), from: q.from, to: q.to, orgId: q.orgId, itemId: q.itemId };
    const { today, dueBy } = this.lights();
    const repos = this.store.repos.performance;
    const [total, rows] = await Promise.all([repos.figureTotal(f, q.figure), repos.cases(f, q.figure, today, dueBy, q.limit, q.offset)]);
    const names = await repos.names([], [...new Set(rows.map((r) => r.item_id))]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        itemName: names.items.get(r.item_id)?.name ?? "",
        orgName: r.org_name,
        applicant: maskName(r.applicant_name),
        state: r.state,
        decided: r.outcome !== null,
        submittedOn: r.start_date,
        committedDeadline: r.committed_deadline,
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
        workingDays: r.decided_working_days,
        limitDays: r.committed_days,
      })),
    };
  }

  /**
   * 政务公开: a month (up to today) over the whole city, per department and per item — rates and averages
   * only, no cases and no names. Departments and items without anything received or decided are left out.
   */
  async publicFigures(month: string): Promise<PublicPerformanceView> {
    const range = monthRange(month, todayInChina(this.now()));
    if (!range) return { month, refreshedAt: null, departments: [], items: [] };
    const { from, to } = range;
    const f: PerformanceFilter = { subtree: "", from, to };
    // Public figures of a month from the daily rollup: a replica's copy serves as well.
    const repos = this.store.stale.performance;
    const [{ org: byOrg, item: byItem }, hotlineByOrg, refreshedAt] = await Promise.all([repos.sums(f), repos.hotlineSums(f, "org"), repos.refreshedAt(from, to)]);
    const hotline = new Map(hotlineByOrg.map((h) => [h.key, hotlineOf(h)]));
    const names = await repos.names([...new Set([...byOrg.map((r) => r.key), ...hotlineByOrg.map((h) => h.key)])], byItem.map((r) => r.key));
    const pub = (r: PerformanceSums) => {
      const x = figuresOf(r);
      return { received: x.received, decided: x.decided, onTimeRate: x.onTimeRate, averageDays: x.averageDays, averageLimitDays: x.averageLimitDays, satisfaction: x.satisfaction };
    };
    const orgIds = [...new Set([...byOrg.filter((r) => r.received + r.decided > 0).map((r) => r.key), ...hotlineByOrg.filter((h) => h.dispatched + h.replied > 0).map((h) => h.key)])];
    return {
      month,
      refreshedAt: refreshedAt?.toISOString() ?? null,
      departments: orgIds
        .map((orgId) => {
          const h = hotline.get(orgId);
          return { orgName: names.orgs.get(orgId) ?? "", ...pub(byOrg.find((r) => r.key === orgId) ?? EMPTY), hotlineDispatched: h?.dispatched ?? 0, hotlineReplyOnTimeRate: h?.replyOnTimeRate ?? null, hotlineSatisfaction: h?.satisfaction ?? null };
        })
        .sort((a, b) => a.orgName.localeCompare(b.orgName, "zh-CN")),
      items: byItem
        .filter((r) => r.received + r.decided > 0)
        .map((r) => ({ itemName: names.items.get(r.key)?.name ?? "", orgName: names.items.get(r.key)?.org_name ?? "", ...pub(r) }))
        .sort((a, b) => a.orgName.localeCompare(b.orgName, "zh-CN") || a.itemName.localeCompare(b.itemName, "zh-CN")),
    };
  }

  /** The public month as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese): departments, then items. */
  async publicCsv(month: string): Promise<string> {
    const v = await this.publicFigures(month);
    const pct = (x: number | null) => (x === null ? "" : String(Math.round(x * 1000) / 10));
    const n = (x: number | null) => (x === null ? "" : String(x));
    const cell = (x: string) => (/[",\n]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x);
    const lines = [["类别", "部门", "事项", "受理件数", "办结件数", "按承诺时限办结率（%）", "平均用时（工作日）", "平均承诺时限（工作日）", "满意率（%）", "12345 派单数", "12345 按时答复率（%）", "12345 满意率（%）"]];
    for (const d of v.departments) lines.push(["部门", d.orgName, "", String(d.received), String(d.decided), pct(d.onTimeRate), n(d.averageDays), n(d.averageLimitDays), pct(d.satisfaction), String(d.hotlineDispatched), pct(d.hotlineReplyOnTimeRate), pct(d.hotlineSatisfaction)]);
    for (const i of v.items) lines.push(["事项", i.orgName, i.itemName, String(i.received), String(i.decided), pct(i.onTimeRate), n(i.averageDays), n(i.averageLimitDays), pct(i.satisfaction), "", "", ""]);
    return `\uFEFF${lines.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
  }

  /** The dashboard as a workbook: one sheet each for the totals, departments, items, weeks and months. */
  async export(actor: Actor, q: Query): Promise<Buffer> {
    const view = await this.dashboard(actor, q);
    const book = new ExcelJS.Workbook();
    const pct = (v: number | null) => (v === null ? "" : Math.round(v * 1000) / 10);
    const columns: Array<[string, (r: PerformanceFigures) => string | number]> = [
      ["受理件数", (r) => r.received],
      ["办结件数", (r) => r.decided],
      ["准予件数", (r) => r.approved],
      ["按承诺时限办结率（%）", (r) => pct(r.onTimeRate)],
      ["法定时限内办结率（%）", (r) => pct(r.legalRate)],
      ["平均用时（工作日）", (r) => r.averageDays ?? ""],
      ["90% 办件用时（工作日）", (r) => r.p90Days ?? ""],
      ["平均承诺时限（工作日）", (r) => r.averageLimitDays ?? ""],
      ["补正率（%）", (r) => pct(r.supplementRate)],
      ["平均补正次数", (r) => r.supplementRounds ?? ""],
      ["全程网办占比（%）", (r) => pct(r.onlineShare)],
      ["秒批占比（%）", (r) => pct(r.autoShare)],
      ["评价数", (r) => r.rated],
      ["满意率（%）", (r) => pct(r.satisfaction)],
      ["差评数", (r) => r.bad],
    ];
    const sheet = <R extends PerformanceFigures>(name: string, lead: Array<[string, (r: R) => string | number]>, rows: R[]) => {
      const ws = book.addWorksheet(name);
      ws.addRow([...lead.map(([h]) => h), ...columns.map(([h]) => h)]);
      ws.getRow(1).font = { bold: true };
      for (const r of rows) ws.addRow([...lead.map(([, v]) => v(r)), ...columns.map(([, v]) => v(r))]);
      ws.columns.forEach((c) => (c.width = 16));
    };
    sheet("总体", [["时间范围", () => `${view.from} 至 ${view.to}`], ["当前超期", (r: PerformanceView["total"]) => r.overdue], ["即将超期", (r: PerformanceView["total"]) => r.dueSoon]], [view.total]);
    type Dept = PerformanceView["departments"][number];
    sheet(
      "按部门",
      [
        ["部门", (r: Dept) => r.orgName],
        ["当前超期", (r: Dept) => r.overdue],
        ["即将超期", (r: Dept) => r.dueSoon],
        ["12345 派单数", (r: Dept) => r.hotline.dispatched],
        ["12345 按时签收率（%）", (r: Dept) => pct(r.hotline.signOnTimeRate)],
        ["12345 按时答复率（%）", (r: Dept) => pct(r.hotline.replyOnTimeRate)],
        ["12345 满意率（%）", (r: Dept) => pct(r.hotline.satisfaction)],
      ],
      view.departments,
    );
    sheet("按事项", [["事项", (r: PerformanceView["items"][number]) => r.itemName], ["实施部门", (r: PerformanceView["items"][number]) => r.orgName], ["承诺时限（工作日）", (r: PerformanceView["items"][number]) => r.limitDays ?? ""]], view.items);
    sheet("按周", [["周（自周一）", (r: PerformanceView["weeks"][number]) => r.start]], view.weeks);
    sheet("按月", [["月份", (r: PerformanceView["months"][number]) => r.month]], view.months);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
