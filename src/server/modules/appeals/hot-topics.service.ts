import { appealCategory, categoryLineage, categoryPath, TICKET_TYPES, type TicketType } from "../../../shared/appeals";
import type { Actor } from "../../actor";
import { hotTopicsDistrict } from "./appeal.policy";
import type { Store, UnitOfWork } from "../../db/store";
import type { TicketRepository } from "./ticket.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { tickets: TicketRepository };

const DAY = 86_400_000;
/** A category is rising when its last 7 days have at least this many tickets and 1.5× its weekly mean before. */
const RISING_MIN = 3;
const RISING_RATIO = 1.5;
/** Complaints about the same category and place (or the same service) this many times in 30 days are repeated. */
const REPEATED_MIN = 3;

/**
 * 热点分析 for the desk and supervisors: counts by category, district and week, the categories
 * rising this week against the four before, and complaints repeated about the same place or service.
 * District supervisors see their district; the desk and city supervisors the whole city.
 */
export class HotTopicsService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
  ) {}

  async figures(actor: Actor, weeks: number) {
    const district = hotTopicsDistrict(actor);
    if (district === undefined) throw new DomainError("FORBIDDEN");
    const now = this.now().getTime();
    const repos = this.store.repos;
    const rows = (await repos.tickets.counts(new Date(now - weeks * 7 * DAY))).filter((r) => !district || r.district === district);
    const names = new Map((await repos.tickets.divisionNames()).map((d) => [d.division_code, d.name]));

    const tally = <K>(key: (r: (typeof rows)[number]) => K) => {
      const m = new Map<K, number>();
      for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.n);
      return m;
    };
    const byTop = tally((r) => categoryLineage(r.category_code).at(-1)!);
    const byLeaf = tally((r) => r.category_code);
    const byDistrict = tally((r) => r.district);
    const byWeek = tally((r) => r.week);
    const byType = tally((r) => r.type);

    // Rising: the last 7 days against the mean of the 4 weeks before, per category.
    const recentRows = await repos.tickets.counts(new Date(now - 35 * DAY));
    const lastWeekStart = now - 7 * DAY;
    const recent = new Map<string, { last: number; before: number }>();
    for (const r of recentRows.filter((x) => !district || x.district === district)) {
      const e = recent.get(r.category_code) ?? { last: 0, before: 0 };
      // Rows are grouped by ISO week; the week's Monday decides which side it falls on.
      if (new Date(`${r.week}T00:00:00+08:00`).getTime() + 7 * DAY > lastWeekStart) e.last += r.n;
      else e.before += r.n;
      recent.set(r.category_code, e);
    }
    const rising = [...recent.entries()]
      .map(([code, e]) => ({ categoryCode: code, name: categoryPath(code), thisWeek: e.last, weeklyBefore: Math.round((e.before / 4) * 10) / 10 }))
      .filter((x) => x.thisWeek >= RISING_MIN && x.thisWeek >= RISING_RATIO * x.weeklyBefore)
      .sort((a, b) => b.thisWeek - a.thisWeek);

    const repeated = (await repos.tickets.repeatedComplaints(new Date(now - 30 * DAY), REPEATED_MIN))
      .filter((r) => !district || (r.division_code ?? "").startsWith(district))
      .map((r) => ({ categoryCode: r.category_code, name: categoryPath(r.category_code), placeCode: r.division_code, placeName: r.division_code ? (names.get(r.division_code) ?? names.get(r.division_code.slice(0, 6)) ?? r.division_code) : null, itemName: r.item_name, count: r.n, lastAt: new Date(r.last_at).toISOString() }));

    const sorted = <K extends string>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
    return {
      weeks,
      scope: district ? (names.get(district) ?? district) : "全市",
      total: rows.reduce((a, r) => a + r.n, 0),
      byCategory: sorted(byTop).map(([code, count]) => ({ code, name: appealCategory(code)?.zh ?? code, count })),
      bySubcategory: sorted(byLeaf).slice(0, 15).map(([code, count]) => ({ code, name: categoryPath(code), count })),
      byDistrict: sorted(byDistrict).map(([code, count]) => ({ code, name: names.get(code) ?? code, count })),
      byType: sorted(byType).map(([code, count]) => ({ code, name: TICKET_TYPES[code as TicketType]?.zh ?? code, count })),
      byWeek: [...byWeek.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([week, count]) => ({ week, count })),
      rising,
      repeated,
    };
  }
}
