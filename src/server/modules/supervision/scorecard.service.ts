import type { z } from "zod";
import { DEFAULT_SCORECARD_SETTINGS, earnedShare, SCORE_INDICATOR_KEYS, SCORE_INDICATORS, type ScoreIndicator, type ScorecardSettingsValue } from "../../../shared/scorecard";
import { ORDER_STATES, type OrderState } from "../../../shared/scorecard";
import { scorecardSettingsValue, type scorecardSettingsSave, type scorecardSettingsVersion, type ScorecardView } from "../../../shared/schemas/scorecard";
import { todayInChina } from "../../../shared/working-days";
import type { Actor, RequestContext } from "../../actor";
import { keepsCityStandard, supervisedSubtree } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { PerformanceRepository, PerformanceSums } from "./performance.repository";
import { monthRange } from "./performance.service";
import type { ScorecardRepository } from "./scorecard.repository";
import { StampedCache } from "./stamped-cache";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; performance: PerformanceRepository; scorecards: ScorecardRepository };

type Version = z.infer<typeof scorecardSettingsVersion>;
type Department = ScorecardView["departments"][number];
type Ratio = { numerator: number; denominator: number };

const DEFAULTS: Version = { version: 0, effectiveFrom: null, value: DEFAULT_SCORECARD_SETTINGS, note: null, createdBy: null, createdAt: null };
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * One department's score from its month's ratios: each indicator measured (a denominator above zero)
 * earns weight × its share between the zero and full thresholds; the points earned over the weights
 * measured, scaled to 100, is the score. Indicators with nothing to measure are left out, not zero.
 */
export function scoreOf(ratios: Record<ScoreIndicator, Ratio>, settings: ScorecardSettingsValue): Pick<Department, "score" | "earned" | "measuredWeight" | "indicators"> | null {
  const indicators = SCORE_INDICATOR_KEYS.map((key) => {
    const s = settings.indicators[key];
    const { numerator, denominator } = ratios[key];
    const value = denominator > 0 ? numerator / denominator : null;
    const share = value === null ? null : earnedShare(value, s);
    return { key, name: SCORE_INDICATORS[key].zh, better: SCORE_INDICATORS[key].better, value: value === null ? null : round(value, 4), numerator, denominator, weight: s.weight, full: s.full, zero: s.zero, points: share === null ? null : round(s.weight * share, 2), toRectify: share !== null && s.weight > 0 && share < settings.rectifyBelow };
  });
  const measured = indicators.filter((i) => i.points !== null && i.weight > 0);
  const measuredWeight = measured.reduce((a, i) => a + i.weight, 0);
  if (!measuredWeight) return null;
  const earned = round(measured.reduce((a, i) => a + i.points!, 0), 2);
  return { score: round((earned / measuredWeight) * 100, 1), earned, measuredWeight, indicators };
}

/**
 * 绩效考核: a month's score per department of the supervisor's subtree from the rollup (applications,
 * 好差评, 12345) and the 差评 cases, with the settings in effect that month; city supervisors keep the
 * settings as versions, each in effect from a month, so a past month's score is always the same.
 */
export class ScorecardService {
  private readonly cards = new StampedCache<ScorecardView>();

  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
  ) {}

  private async versions(unit: UnitOfWork = this.store.repos): Promise<Version[]> {
    const rows = await this.store.within(unit).scorecards.versions();
    return rows.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, value: scorecardSettingsValue.parse(r.value), note: r.note, createdBy: r.created_by, createdAt: r.created_at.toISOString() }));
  }

  /** The version in effect in a month: the newest one in effect from that month or before, else the defaults. */
  async settingsFor(month: string, unit?: UnitOfWork): Promise<Version> {
    return (await this.versions(unit)).find((v) => v.effectiveFrom! <= month) ?? DEFAULTS;
  }

  async settingsView(actor: Actor) {
    if (supervisedSubtree(actor) === null) throw new DomainError("FORBIDDEN");
    const versions = await this.versions();
    const month = todayInChina(this.now()).slice(0, 7);
    return { current: versions.find((v) => v.effectiveFrom! <= month) ?? DEFAULTS, latestVersion: versions[0]?.version ?? 0, versions, mayEdit: keepsCityStandard(actor, ["supervisor"]) };
  }

  /** A new version by a city supervisor, in effect from this month or a later one. Raises FORBIDDEN, SCORECARD_MONTH_PAST, SETTINGS_CHANGED. */
  async saveSettings(actor: Actor, input: z.infer<typeof scorecardSettingsSave>, ctx: RequestContext) {
    if (!keepsCityStandard(actor, ["supervisor"])) throw new DomainError("FORBIDDEN");
    if (input.effectiveFrom < todayInChina(this.now()).slice(0, 7)) throw new DomainError("SCORECARD_MONTH_PAST");
    await this.store.transact(async (repos) => {
      const latest = (await this.versions(repos))[0]?.version ?? 0;
      if (latest !== input.baseVersion) throw new DomainError("SETTINGS_CHANGED");
      const version = latest + 1;
      if (!(await repos.scorecards.insertVersion({ version, effective_from: input.effectiveFrom, value: JSON.stringify(input.value), note: input.note, created_by: actor.name }))) throw new DomainError("SETTINGS_CHANGED");
      await repos.audit.append(actor, ctx, { action: "scorecard.settings_save", targetType: "settings", targetId: `scorecard-v${version}`, details: { version, effectiveFrom: input.effectiveFrom, note: input.note, value: input.value } });
    });
    return this.settingsView(actor);
  }

  /**
   * The month's scorecard over the supervisor's subtree, ranked (equal scores share a rank); kept until the
   * rollups, the settings or the month's 督办 change (`StampedCache`).
   */
  async scorecard(actor: Actor, month: string): Promise<ScorecardView> {
    const subtree = supervisedSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    const today = todayInChina(this.now());
    const stamp = `${today}|${await this.store.repos.performance.stamp()}`;
    return this.cards.get(`${subtree}|${month}`, stamp, () => this.compute(subtree, month, today));
  }

  private async compute(subtree: string, month: string, today: string): Promise<ScorecardView> {
    const range = monthRange(month, today);
    const settings = await this.settingsFor(month);
    if (!range) return { month, from: `${month}-01`, to: `${month}-01`, settingsVersion: settings.version, refreshedAt: null, departments: [] };
    const { from, to } = range;
    const repos = this.store.repos;
    const f = { subtree, from, to };
    const [{ org: byOrg }, hotline, rectification, refreshedAt, orders] = await Promise.all([repos.performance.sums(f), repos.performance.hotlineSums(f, "org"), repos.performance.rectification(f, today, "org"), repos.performance.refreshedAt(from, to), repos.scorecards.ordersOfMonth(month, subtree)]);
    const orgIds = [...new Set([...byOrg.map((r) => r.key), ...hotline.map((h) => h.key), ...rectification.map((r) => r.key)])];
    const names = await repos.performance.names(orgIds, []);
    const zero: PerformanceSums = { received: 0, received_online: 0, decided: 0, approved: 0, with_limit: 0, on_time: 0, within_legal: 0, limit_days_sum: 0, days_sum: 0, days_hist: [], supplemented: 0, supplement_rounds: 0, auto_approved: 0, rated: 0, rating_sum: 0, satisfied: 0, bad: 0 };
    const scored = orgIds.flatMap((orgId) => {
      const s = byOrg.find((r) => r.key === orgId) ?? zero;
      const h = hotline.find((r) => r.key === orgId);
      const c = rectification.find((r) => r.key === orgId);
      const ratios: Record<ScoreIndicator, Ratio> = {
        on_time: { numerator: s.on_time, denominator: s.with_limit },
        legal: { numerator: s.within_legal, denominator: s.with_limit },
        supplement: { numerator: s.supplemented, denominator: s.decided },
        online: { numerator: s.received_online, denominator: s.received },
        satisfaction: { numerator: s.satisfied, denominator: s.rated },
        rectification: { numerator: c?.onTime ?? 0, denominator: c?.due ?? 0 },
        hotline_sign: { numerator: h?.signedOnTime ?? 0, denominator: h?.signed ?? 0 },
        hotline_reply: { numerator: h?.repliedOnTime ?? 0, denominator: h?.replied ?? 0 },
        hotline_satisfaction: { numerator: h?.satisfied ?? 0, denominator: h?.rated ?? 0 },
      };
      const score = scoreOf(ratios, settings.value);
      if (!score) return [];
      const own = orders.filter((o) => o.org_id === orgId).map((o) => ({ id: o.id, number: o.number, state: o.state, stateName: ORDER_STATES[o.state as OrderState]?.zh ?? o.state }));
      return [{ orgId, orgName: names.orgs.get(orgId) ?? "", rank: 0, ...score, orders: own }];
    });
    scored.sort((a, b) => b.score - a.score || a.orgName.localeCompare(b.orgName, "zh-CN"));
    scored.forEach((d, i) => (d.rank = i > 0 && scored[i - 1]!.score === d.score ? scored[i - 1]!.rank : i + 1));
    return { month, from, to, settingsVersion: settings.version, refreshedAt: refreshedAt?.toISOString() ?? null, departments: scored };
  }
}
