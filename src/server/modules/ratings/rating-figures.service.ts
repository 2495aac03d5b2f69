import { RATING_TAGS } from "../../../shared/ratings";
import type { Actor } from "../../actor";
import { traceSubtree } from "./rating.policy";
import type { Store, UnitOfWork } from "../../db/store";
import type { RatingRepository } from "./rating.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { ratings: RatingRepository };

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * 服务溯源 and 好差评公示: where the 差评 of a department or item come from (step, tag, staff member)
 * and where applications wait longest; public satisfaction figures per department and item.
 */
export class RatingFiguresService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
  ) {}

  private since(days: number) {
    return new Date(this.now().getTime() - days * 86_400_000);
  }

  /** Staff see their org's subtree (supervisors: their government level's), optionally one org or item within it. */
  async trace(actor: Actor, filter: { orgId?: string | undefined; itemId?: string | undefined; days: number }) {
    const scope = traceSubtree(actor);
    if (scope === null) throw new DomainError("FORBIDDEN");
    const f = { ...(filter.orgId ? { orgId: filter.orgId } : {}), ...(filter.itemId ? { itemId: filter.itemId } : {}), since: this.since(filter.days) };
    const repos = this.store.repos;
    const [t, waits] = await Promise.all([repos.ratings.trace(scope, f), repos.ratings.longestWaits(scope, f)]);
    return {
      total: t.totals.total,
      bad: t.totals.bad,
      satisfactionRate: share(t.totals.satisfied, t.totals.total),
      badBySteps: t.bySteps.map((x) => ({ name: x.name ?? "（未记录环节）", count: x.count })),
      badByTags: t.byTags.map((x) => ({ tag: x.tag, name: RATING_TAGS[x.tag as keyof typeof RATING_TAGS]?.zh ?? x.tag, count: x.count })),
      badByStaff: t.byStaff.map((x) => ({ name: x.name!, orgName: x.org_name, count: x.count })),
      badByItems: t.byItems.map((x) => ({ name: x.name!, count: x.count })),
      longestWaits: waits.map((w) => ({ state: w.state, transitions: w.transitions, meanHours: w.mean_hours, maxHours: w.max_hours })),
    };
  }

  /** Public: per department and per item, over the last `days` days. */
  async publicFigures(days: number) {
    const rows = await this.store.repos.ratings.publicFigures(this.since(days));
    const sum = (rs: typeof rows) => {
      const total = rs.reduce((a, r) => a + r.total, 0);
      const satisfied = rs.reduce((a, r) => a + r.satisfied, 0);
      const bad = rs.reduce((a, r) => a + r.bad, 0);
      const cases = rs.reduce((a, r) => a + r.cases, 0);
      const rectified = rs.reduce((a, r) => a + r.rectified, 0);
      return { total, satisfactionRate: share(satisfied, total), bad, rectifiedShare: share(rectified, cases) };
    };
    const group = <K extends string>(key: (r: (typeof rows)[number]) => K | null, name: (r: (typeof rows)[number]) => string) => {
      const m = new Map<K, typeof rows>();
      for (const r of rows) {
        const k = key(r);
        if (k !== null) m.set(k, [...(m.get(k) ?? []), r]);
      }
      return [...m.entries()].map(([k, rs]) => ({ id: k, name: name(rs[0]!), ...sum(rs) })).sort((a, b) => b.total - a.total);
    };
    return {
      days,
      overall: sum(rows),
      departments: group((r) => r.org_id, (r) => r.org_name),
      items: group((r) => r.item_id, (r) => r.item_name ?? "").filter((i) => i.name),
    };
  }
}
