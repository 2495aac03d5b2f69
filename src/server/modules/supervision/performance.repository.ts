import { type Kysely, sql } from "kysely";
import type { DB, PerformanceDailyTable } from "../../db/schema";

/** The last bucket of the working-days spread: decisions that took this many working days or more. */
export const DAYS_BUCKETS = 31;

export type CaseFigure = "received" | "decided" | "late" | "supplemented" | "auto" | "overdue" | "due_soon";

/** A slice of the figures: a subtree (materialised org path), days, and optionally one department or item. */
export interface PerformanceFilter {
  subtree: string;
  from: string;
  to: string;
  orgId?: string | undefined;
  itemId?: string | undefined;
}

/** Summed figures of a group of rollup rows: a rollup row's measures. */
export type PerformanceSums = Omit<PerformanceDailyTable, "day" | "org_id" | "org_path" | "item_id" | "region_code">;

const SUMMED = ["received", "received_online", "decided", "approved", "with_limit", "on_time", "within_legal", "limit_days_sum", "days_sum", "supplemented", "supplement_rounds", "auto_approved", "rated", "rating_sum", "satisfied", "bad"] as const;

/**
 * 效能监督's storage: the daily rollup (written only by `refresh`, from applications, their pauses and
 * timelines, and ratings) and the reads of it, each summed over a subtree and a range of days; the
 * cases behind a figure are read from applications themselves.
 */
export class PerformanceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Recomputes the rollup of the China days `from`…`to`: what was received on each day (by its start
   * date), decided on it (by the China date of its decision; withdrawals are not decisions) and rated on
   * it. Replaces those days' rows; returns how many rows it wrote.
   */
  async refresh(from: string, to: string): Promise<number> {
    await this.db.deleteFrom("performance_daily").where("day", ">=", from).where("day", "<=", to).execute();
    const received = await sql<{ n: string }>`
      with r as (
        insert into performance_daily (day, org_id, org_path, item_id, region_code, received, received_online)
        select a.start_date, a.handling_org_id, o.path, a.item_id, a.region_code, count(*), count(*) filter (where a.channel <> 'window')
        from applications a join orgs o on o.id = a.handling_org_id
        where a.start_date between ${from} and ${to} and a.number not like 'pending-%'
        group by a.start_date, a.handling_org_id, o.path, a.item_id, a.region_code
        returning 1)
      select count(*) as n from r`.execute(this.db);
    // Decisions, grouped down to the working days taken (folded into the spread below).
    const decided = (
      await sql<{ day: string; org_id: string; org_path: string; item_id: string; region_code: string; bucket: number | null; n: string; approved: string; with_limit: string; on_time: string; within_legal: string; limit_days_sum: string | null; days_sum: string | null; supplemented: string; supplement_rounds: string; auto_approved: string }>`
        select d.day, d.handling_org_id as org_id, o.path as org_path, d.item_id, d.region_code, least(d.decided_working_days, ${DAYS_BUCKETS - 1}) as bucket,
          count(*) as n,
          count(*) filter (where d.outcome = 'approved') as approved,
          count(*) filter (where d.committed_deadline is not null) as with_limit,
          count(*) filter (where d.committed_deadline is not null and d.day <= d.committed_deadline) as on_time,
          count(*) filter (where d.legal_deadline is not null and d.day <= d.legal_deadline) as within_legal,
          sum(d.committed_days) filter (where d.committed_deadline is not null) as limit_days_sum,
          sum(d.decided_working_days) as days_sum,
          count(*) filter (where d.rounds > 0) as supplemented,
          coalesce(sum(d.rounds), 0) as supplement_rounds,
          count(*) filter (where d.automatic) as auto_approved
        from (
          select a.*, (a.decided_at at time zone 'Asia/Shanghai')::date as day,
            (select count(*) from application_pauses p where p.application_id = a.id and p.reason = '补正') as rounds,
            exists (select 1 from application_events e where e.application_id = a.id and e.actor_account_id is null and e.details ->> 'automatic' = 'true') as automatic
          from applications a
          where a.decided_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai')
            and a.decided_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
            and a.outcome <> 'withdrawn'
        ) d join orgs o on o.id = d.handling_org_id
        group by d.day, d.handling_org_id, o.path, d.item_id, d.region_code, bucket`.execute(this.db)
    ).rows;
    const groups = new Map<string, { day: string; org_id: string; org_path: string; item_id: string; region_code: string; sums: Omit<PerformanceSums, "received" | "received_online" | "rated" | "rating_sum" | "satisfied" | "bad"> }>();
    for (const r of decided) {
      const key = `${r.day}|${r.org_id}|${r.item_id}`;
      let g = groups.get(key);
      if (!g) {
        g = { day: r.day, org_id: r.org_id, org_path: r.org_path, item_id: r.item_id, region_code: r.region_code, sums: { decided: 0, approved: 0, with_limit: 0, on_time: 0, within_legal: 0, limit_days_sum: 0, days_sum: 0, days_hist: Array<number>(DAYS_BUCKETS).fill(0), supplemented: 0, supplement_rounds: 0, auto_approved: 0 } };
        groups.set(key, g);
      }
      const s = g.sums;
      s.decided += Number(r.n);
      s.approved += Number(r.approved);
      s.with_limit += Number(r.with_limit);
      s.on_time += Number(r.on_time);
      s.within_legal += Number(r.within_legal);
      s.limit_days_sum += Number(r.limit_days_sum ?? 0);
      s.days_sum += Number(r.days_sum ?? 0);
      if (r.bucket !== null) s.days_hist[r.bucket]! += Number(r.n);
      s.supplemented += Number(r.supplemented);
      s.supplement_rounds += Number(r.supplement_rounds);
      s.auto_approved += Number(r.auto_approved);
    }
    const rows = [...groups.values()].map((g) => ({ day: g.day, org_id: g.org_id, org_path: g.org_path, item_id: g.item_id, region_code: g.region_code, received: 0, received_online: 0, rated: 0, rating_sum: 0, satisfied: 0, bad: 0, ...g.sums }));
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto("performance_daily")
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(["day", "org_id", "item_id"]).doUpdateSet((eb) => ({
            decided: eb.ref("excluded.decided"),
            approved: eb.ref("excluded.approved"),
            with_limit: eb.ref("excluded.with_limit"),
            on_time: eb.ref("excluded.on_time"),
            within_legal: eb.ref("excluded.within_legal"),
            limit_days_sum: eb.ref("excluded.limit_days_sum"),
            days_sum: eb.ref("excluded.days_sum"),
            days_hist: eb.ref("excluded.days_hist"),
            supplemented: eb.ref("excluded.supplemented"),
            supplement_rounds: eb.ref("excluded.supplement_rounds"),
            auto_approved: eb.ref("excluded.auto_approved"),
          })),
        )
        .execute();
    }
    // 好差评 of the services (ratings of 12345 tickets are the hotline's figures).
    const rated = await sql<{ n: string }>`
      with r as (
        insert into performance_daily (day, org_id, org_path, item_id, region_code, rated, rating_sum, satisfied, bad)
        select (g.created_at at time zone 'Asia/Shanghai')::date, g.org_id, o.path, g.item_id, g.region_code, count(*), sum(g.level), count(*) filter (where g.level >= 4), count(*) filter (where g.level <= 2)
        from ratings g join orgs o on o.id = g.org_id
        where g.item_id is not null and g.status = 'valid'
          and g.created_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai')
          and g.created_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
        group by 1, g.org_id, o.path, g.item_id, g.region_code
        on conflict (day, org_id, item_id) do update set rated = excluded.rated, rating_sum = excluded.rating_sum, satisfied = excluded.satisfied, bad = excluded.bad
        returning 1)
      select count(*) as n from r`.execute(this.db);
    const hotline = await this.refreshTickets(from, to);
    await sql`
      insert into performance_refreshes (day, refreshed_at)
      select d::date, now() from generate_series(${from}::date, ${to}::date, interval '1 day') d
      on conflict (day) do update set refreshed_at = excluded.refreshed_at`.execute(this.db);
    // A bulk refresh (after seeding or an import) changes the rollups' make-up: the planner learns it at once.
    if (Date.parse(to) - Date.parse(from) > 31 * 86_400_000) await sql`analyze performance_daily, performance_tickets_daily`.execute(this.db);
    return Number(received.rows[0]!.n) + rows.length + Number(rated.rows[0]!.n) + hotline;
  }

  /** 12345 of the same days: dispatched to, signed for and replied by each department (on time or not), and rated. */
  private async refreshTickets(from: string, to: string): Promise<number> {
    await this.db.deleteFrom("performance_tickets_daily").where("day", ">=", from).where("day", "<=", to).execute();
    const chinaDay = (col: string) => sql`(${sql.ref(col)} at time zone 'Asia/Shanghai')::date`;
    const inRange = (col: string) => sql`${sql.ref(col)} >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and ${sql.ref(col)} < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
    const upsert = (columns: string[]) => sql.raw(`on conflict (day, org_id) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(", ")}`);
    const counted = async (query: ReturnType<typeof sql>) => Number((await sql<{ n: string }>`with r as (${query} returning 1) select count(*) as n from r`.execute(this.db)).rows[0]!.n);
    let n = await counted(sql`
      insert into performance_tickets_daily (day, org_id, org_path, region_code, dispatched)
      select ${chinaDay("t.dispatched_at")}, t.org_id, o.path, o.region_code, count(*)
      from tickets t join orgs o on o.id = t.org_id
      where t.org_id is not null and ${inRange("t.dispatched_at")}
      group by 1, t.org_id, o.path, o.region_code`);
    n += await counted(sql`
      insert into performance_tickets_daily (day, org_id, org_path, region_code, signed, signed_on_time)
      select ${chinaDay("e.created_at")}, e.org_id, o.path, o.region_code, count(*), count(*) filter (where t.sign_deadline is null or ${chinaDay("e.created_at")} <= t.sign_deadline)
      from ticket_events e join tickets t on t.id = e.ticket_id join orgs o on o.id = e.org_id
      where e.action = 'sign' and e.org_id is not null and ${inRange("e.created_at")}
      group by 1, e.org_id, o.path, o.region_code
      ${upsert(["signed", "signed_on_time"])}`);
    n += await counted(sql`
      insert into performance_tickets_daily (day, org_id, org_path, region_code, replied, replied_on_time)
      select ${chinaDay("t.replied_at")}, t.org_id, o.path, o.region_code, count(*), count(*) filter (where t.reply_deadline is null or ${chinaDay("t.replied_at")} <= t.reply_deadline)
      from tickets t join orgs o on o.id = t.org_id
      where t.org_id is not null and ${inRange("t.replied_at")}
      group by 1, t.org_id, o.path, o.region_code
      ${upsert(["replied", "replied_on_time"])}`);
    n += await counted(sql`
      insert into performance_tickets_daily (day, org_id, org_path, region_code, rated, satisfied)
      select ${chinaDay("g.created_at")}, g.org_id, o.path, o.region_code, count(*), count(*) filter (where g.level >= 4)
      from ratings g join orgs o on o.id = g.org_id
      where g.ticket_id is not null and g.status = 'valid' and ${inRange("g.created_at")}
      group by 1, g.org_id, o.path, o.region_code
      ${upsert(["rated", "satisfied"])}`);
    return n;
  }

  /** 12345 sums per department (or in total) over a subtree and range. */
  async hotlineSums(f: Pick<PerformanceFilter, "subtree" | "from" | "to" | "orgId">, by: "total" | "org") {
    const key = by === "org" ? sql`p.org_id::text` : sql`'total'`;
    const rows = await sql<{ key: string; dispatched: string; signed: string; signed_on_time: string; replied: string; replied_on_time: string; rated: string; satisfied: string }>`
      select ${key} as key, sum(dispatched) as dispatched, sum(signed) as signed, sum(signed_on_time) as signed_on_time, sum(replied) as replied, sum(replied_on_time) as replied_on_time, sum(rated) as rated, sum(satisfied) as satisfied
      from performance_tickets_daily p
      where p.org_path like ${`${f.subtree}%`} and p.day between ${f.from} and ${f.to} ${f.orgId ? sql`and p.org_id = ${f.orgId}` : sql``}
      group by 1`.execute(this.db);
    return rows.rows.map((r) => ({ key: r.key, dispatched: Number(r.dispatched), signed: Number(r.signed), signedOnTime: Number(r.signed_on_time), replied: Number(r.replied), repliedOnTime: Number(r.replied_on_time), rated: Number(r.rated), satisfied: Number(r.satisfied) }));
  }

  /**
   * What the figures were computed from, as one string: the last rollup refresh and count of the lights,
   * and (for scorecards) the latest settings version and 督办 change. Equal stamps, equal figures.
   */
  async stamp(): Promise<string> {
    const r = await sql<{ s: string }>`
      select concat_ws('|', (select max(refreshed_at) from performance_refreshes), (select max(counted_at) from performance_open),
        (select max(version) from scorecard_settings), (select max(updated_at) from supervision_orders)) as s`.execute(this.db);
    return r.rows[0]!.s;
  }

  /** When the rollup of these days was last refreshed (the oldest of them), or null if a day never was. */
  async refreshedAt(from: string, to: string): Promise<Date | null> {
    const r = await sql<{ days: string; oldest: Date | null }>`select count(*) as days, min(refreshed_at) as oldest from performance_refreshes where day between ${from} and ${to}`.execute(this.db);
    return r.rows[0]?.oldest ?? null;
  }

  private where(f: PerformanceFilter) {
    return sql`p.org_path like ${`${f.subtree}%`} and p.day between ${f.from} and ${f.to} ${f.orgId ? sql`and p.org_id = ${f.orgId}` : sql``} ${f.itemId ? sql`and p.item_id = ${f.itemId}` : sql``}`;
  }

  /**
   * The sums of a slice in one pass over its rows: in total, per department, per item, per week (its
   * Monday) and per month (grouping sets), the working-days spread summed bucket by bucket.
   */
  async sums(f: PerformanceFilter): Promise<Record<"total" | "org" | "item" | "week" | "month", Array<PerformanceSums & { key: string }>>> {
    const buckets = sql.join(Array.from({ length: DAYS_BUCKETS }, (_, i) => sql.raw(`coalesce(sum(p.days_hist[${i + 1}]), 0) as h${i}`)));
    const rows = (
      await sql<Record<string, string | null>>`
        select grouping(p.org_id) as g_org, grouping(p.item_id) as g_item, grouping(w.week) as g_week, grouping(w.month) as g_month,
          p.org_id::text as org, p.item_id::text as item, w.week, w.month,
          ${sql.join(SUMMED.map((c) => sql`sum(p.${sql.ref(c)}) as ${sql.ref(c)}`))}, ${buckets}
        from performance_daily p
        cross join lateral (select to_char(date_trunc('week', p.day::timestamp), 'YYYY-MM-DD') as week, to_char(p.day, 'YYYY-MM') as month) w
        where ${this.where(f)}
        group by grouping sets ((), (p.org_id), (p.item_id), (w.week), (w.month))`.execute(this.db)
    ).rows;
    const out: Record<"total" | "org" | "item" | "week" | "month", Array<PerformanceSums & { key: string }>> = { total: [], org: [], item: [], week: [], month: [] };
    for (const r of rows) {
      const [by, key] = Number(r.g_org) === 0 ? (["org", r.org] as const) : Number(r.g_item) === 0 ? (["item", r.item] as const) : Number(r.g_week) === 0 ? (["week", r.week] as const) : Number(r.g_month) === 0 ? (["month", r.month] as const) : (["total", "total"] as const);
      out[by].push({ ...(Object.fromEntries(SUMMED.map((c) => [c, Number(r[c] ?? 0)])) as Omit<PerformanceSums, "days_hist">), key: key!, days_hist: Array.from({ length: DAYS_BUCKETS }, (_, i) => Number(r[`h${i}`] ?? 0)) });
    }
    for (const list of Object.values(out)) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out;
  }

  /** Names of departments, and of items with their department (an item's name is its published content's, else its code). */
  async names(orgIds: string[], itemIds: string[]) {
    const orgs = orgIds.length ? await this.db.selectFrom("orgs").select(["id", "name"]).where("id", "in", orgIds).execute() : [];
    const items = itemIds.length
      ? await this.db
          .selectFrom("catalogue_items as i")
          .leftJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
          .innerJoin("orgs as o", "o.id", "i.org_id")
          .select(["i.id", "i.impl_code", "o.name as org_name", sql<string>`coalesce(v.content ->> 'name', i.impl_code)`.as("name"), sql<number | null>`(v.content -> 'guide' ->> 'committedLimitDays')::int`.as("limit_days")])
          .where("i.id", "in", itemIds)
          .execute()
      : [];
    return { orgs: new Map(orgs.map((o) => [o.id, o.name])), items: new Map(items.map((i) => [i.id, i])) };
  }

  /**
   * Counts the 电子监察 lights afresh: open applications (not waiting for the applicant) per department
   * and item whose committed deadline has passed (red) or falls by `dueBy` (yellow).
   */
  async refreshOpen(today: string, dueBy: string): Promise<void> {
    await this.db.deleteFrom("performance_open").execute();
    await sql`
      insert into performance_open (org_id, item_id, org_path, red, yellow, counted_at)
      select a.handling_org_id, a.item_id, o.path, count(*) filter (where a.committed_deadline < ${today}), count(*) filter (where a.committed_deadline >= ${today}), now()
      from applications a join orgs o on o.id = a.handling_org_id
      where a.outcome is null and a.committed_deadline <= ${dueBy}
        and not exists (select 1 from application_pauses p where p.application_id = a.id and p.to_date is null)
      group by a.handling_org_id, a.item_id, o.path`.execute(this.db);
  }

  /** The lights as last counted, per department, over a subtree (one department or item if asked). */
  async overdueNow(subtree: string, orgId?: string, itemId?: string) {
    let q = this.db.selectFrom("performance_open").select(["org_id", sql<string>`sum(red)`.as("red"), sql<string>`sum(yellow)`.as("yellow")]).where("org_path", "like", `${subtree}%`);
    if (orgId) q = q.where("org_id", "=", orgId);
    if (itemId) q = q.where("item_id", "=", itemId);
    return (await q.groupBy("org_id").execute()).map((r) => ({ orgId: r.org_id, red: Number(r.red), yellow: Number(r.yellow) }));
  }

  /** How many applications a figure counts, from the rollup (as of its last refresh). */
  async figureTotal(f: PerformanceFilter, figure: CaseFigure): Promise<number> {
    if (figure === "overdue" || figure === "due_soon") {
      let q = this.db.selectFrom("performance_open").select(sql<string>`coalesce(sum(${sql.ref(figure === "overdue" ? "red" : "yellow")}), 0)`.as("n")).where("org_path", "like", `${f.subtree}%`);
      if (f.orgId) q = q.where("org_id", "=", f.orgId);
      if (f.itemId) q = q.where("item_id", "=", f.itemId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    }
    const measure = { received: sql`p.received`, decided: sql`p.decided`, late: sql`p.with_limit - p.on_time`, supplemented: sql`p.supplemented`, auto: sql`p.auto_approved` }[figure];
    const r = await sql<{ n: string | null }>`select sum(${measure}) as n from performance_daily p where ${this.where(f)}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /**
   * A page of the applications behind a figure, read live: decided ones most recent first, received ones
   * newest first, open ones most overdue first — each the order an index gives, so a page stops early.
   */
  async cases(f: PerformanceFilter, figure: CaseFigure, today: string, dueBy: string, limit: number, offset: number) {
    const decidedIn = sql`a.decided_at >= (${f.from}::date::timestamp at time zone 'Asia/Shanghai') and a.decided_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai') and a.outcome <> 'withdrawn'`;
    const decidedOn = sql`(a.decided_at at time zone 'Asia/Shanghai')::date`;
    const open = sql`a.outcome is null and not exists (select 1 from application_pauses p where p.application_id = a.id and p.to_date is null)`;
    const [cond, order] = {
      received: [sql`a.start_date between ${f.from} and ${f.to} and a.number not like 'pending-%'`, sql`a.start_date desc, a.id`],
      decided: [decidedIn, sql`a.decided_at desc`],
      late: [sql`${decidedIn} and a.committed_deadline is not null and ${decidedOn} > a.committed_deadline`, sql`a.decided_at desc`],
      supplemented: [sql`${decidedIn} and exists (select 1 from application_pauses p where p.application_id = a.id and p.reason = '补正')`, sql`a.decided_at desc`],
      auto: [sql`${decidedIn} and exists (select 1 from application_events e where e.application_id = a.id and e.actor_account_id is null and e.details ->> 'automatic' = 'true')`, sql`a.decided_at desc`],
      overdue: [sql`${open} and a.committed_deadline < ${today}`, sql`a.committed_deadline, a.id`],
      due_soon: [sql`${open} and a.committed_deadline >= ${today} and a.committed_deadline <= ${dueBy}`, sql`a.committed_deadline, a.id`],
    }[figure];
    // The subtree as a set of departments checked row by row (a hashed subplan: `offset 0` keeps the planner
    // from turning it into a loop over departments), so that the page is read in index order and stops early.
    const where = sql`a.handling_org_id in (select id from orgs where path like ${`${f.subtree}%`} offset 0) ${f.orgId ? sql`and a.handling_org_id = ${f.orgId}` : sql``} ${f.itemId ? sql`and a.item_id = ${f.itemId}` : sql``} and ${cond}`;
    return (
      await sql<{ id: string; number: string; item_id: string; org_id: string; org_name: string; applicant_name: string; state: string; outcome: string | null; start_date: string; committed_deadline: string | null; decided_at: Date | null; decided_working_days: number | null; committed_days: number | null }>`
        select a.id, a.number, a.item_id, a.handling_org_id as org_id, (select o.name from orgs o where o.id = a.handling_org_id) as org_name, a.applicant_name, a.state, a.outcome, a.start_date, a.committed_deadline, a.decided_at, a.decided_working_days, a.committed_days
        from applications a where ${where}
        order by ${order} limit ${limit} offset ${offset}`.execute(this.db)
    ).rows;
  }

  /**
   * 差评 put right: cases of a subtree opened in a range (voided ones — 申诉成立 — left out), per
   * department or per month opened: those due by `asOf` or already rectified, and those rectified (the
   * day kept on the case) by their deadline. Read live: cases are few, indexed by the day opened.
   */
  async rectification(f: Pick<PerformanceFilter, "subtree" | "from" | "to" | "orgId">, asOf: string, by: "org" | "month") {
    const key = by === "org" ? sql`c.org_id::text` : sql`to_char(c.opened_on::date, 'YYYY-MM')`;
    const rows = await sql<{ key: string; due: string; on_time: string }>`
      select ${key} as key,
        count(*) filter (where c.rectified_on is not null or c.rectify_deadline <= ${asOf}) as due,
        count(*) filter (where c.rectified_on is not null and (c.rectify_deadline is null or c.rectified_on <= c.rectify_deadline)) as on_time
      from rating_cases c
      where c.org_id in (select id from orgs where path like ${`${f.subtree}%`}) and c.opened_on between ${f.from} and ${f.to} and c.state <> 'voided'
        ${f.orgId ? sql`and c.org_id = ${f.orgId}` : sql``}
      group by 1 order by 1`.execute(this.db);
    return rows.rows.map((r) => ({ key: r.key, due: Number(r.due), onTime: Number(r.on_time) }));
  }
}
