import { sql, type Insertable, type Kysely } from "kysely";
import { APPEAL_CATEGORIES, type TicketType } from "../../shared/appeals";
import { INDICATORS, RATING_TAGS, type IndicatorSet, type RatingTag } from "../../shared/ratings";
import { DEFAULT_WORK_CALENDAR, todayInChina, type Pause } from "../../shared/working-days";
import type { FieldCipher } from "../crypto/field-cipher";
import type { DB } from "../db/schema";
import { bestRule } from "../modules/appeals/dispatch.service";
import { PerformanceRepository } from "../modules/supervision/performance.repository";
import { SURNAMES } from "./demo-people";
import { Prng } from "./prng";
import { DEMO_STREET_ADDRESSES } from "./seed-appeals";
import { promiseWorkflowId } from "./seed-applications";
import { seedUuid } from "./seed-demo-ids";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Districts whose departments get synthetic past applications (the demo accounts' own districts stay as they are). */
const ACTIVITY_DISTRICTS = ["310104", "310105", "310106", "310107", "310110", "310112", "310113"];
const GIVEN = "伟强磊军勇杰涛斌明刚平辉鹏华飞波宁浩凯峰芳娜敏静丽艳娟霞秀英玲燕萍红梅琳雪婷颖倩慧佳".split("");
const STREETS_OF_NOTE = ["上海市黄浦区福州路", "上海市黄浦区宁海东路", "上海市静安区江宁路"];
const ROADS = ["中山路", "人民路", "建设路", "解放路", "和平路", "长江路"];

type Row<T extends keyof DB> = Insertable<DB[T]>;

/**
 * Demo activity for 好差评 and 12345, so the supervisors' and public pages show real patterns: past
 * applications in seven districts' departments (decided, with their steps and waits), ratings of
 * them — 差评 concentrated after supplement requests and long reviews — with cases in every state,
 * and eight weeks of tickets across all districts, with neighbourhood noise rising this week and
 * repeated complaints about 福州路; a few applications still open past or near their committed deadline.
 * Deterministic; synthetic people only; nobody's account.
 */
export async function seedDemoActivity(db: Kysely<DB>, cipher: FieldCipher, now: Date): Promise<{ applications: number; ratings: number; cases: number; tickets: number }> {
  return db.transaction().execute(async (trx) => {
    const rng = new Prng(20261128);
    const name = () => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.next() < 0.5 ? rng.pick(GIVEN) : ""}`;
    const staffOf = new Map<string, [string, string]>();
    const staff = (orgCode: string) => {
      if (!staffOf.has(orgCode)) staffOf.set(orgCode, [name(), name()]);
      return staffOf.get(orgCode)!;
    };
    const counters = new Map<string, number>();
    const next = (kind: string, day: string) => {
      const n = (counters.get(`${kind}:${day}`) ?? 0) + 1;
      counters.set(`${kind}:${day}`, n);
      return n;
    };
    const deadline = (from: string, days: number) => DEFAULT_WORK_CALENDAR.deadlineOrNull(from, days);
    const items = (
      await trx
        .selectFrom("catalogue_items as i")
        .innerJoin("orgs as o", "o.id", "i.org_id")
        .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
        .select(["i.id", "i.published_version_id", "i.org_id", "i.region_code", "o.code as org_code", sql<string>`v.content ->> 'name'`.as("item_name")])
        .where("o.kind", "=", "department")
        .where("i.region_code", "in", ACTIVITY_DISTRICTS)
        .orderBy("i.impl_code")
        .execute()
    ).slice(0, 60);
    const workflowId = await promiseWorkflowId(trx);

    const apps: Array<Row<"applications">> = [];
    const events: Array<Row<"application_events">> = [];
    const pauses: Array<Row<"application_pauses">> = [];
    const ratings: Array<Row<"ratings"> & { id: string }> = [];
    const cases: Array<Row<"rating_cases"> & { id: string }> = [];
    const caseEvents: Array<Row<"rating_case_events">> = [];
    let ids = 0;
    const uuid = () => seedUuid(`activity:${++ids}`);
    const callerMobile = (mobile: string) => ({ citizen_mobile_enc: cipher.encrypt(mobile), citizen_mobile_hash: cipher.blindIndex("mobile", mobile) });

    const rate = (a: { id: string; channel: string; item_id: string; item_name: string; org_id: string; region_code: string; applicant: string }, kind: "application_accepted" | "application_completed", step: { key: string; name: string; staff: string; at: number }, badChance: number, badTags: RatingTag[]) => {
      const bad = rng.next() < badChance;
      const level = bad ? (rng.next() < 0.5 ? 1 : 2) : rng.pick([5, 5, 5, 4, 4, 3]);
      const set: IndicatorSet = a.channel === "window" ? "onsite" : "online";
      const indicators = Object.fromEntries(Object.keys(INDICATORS[set]).map((k) => [k, Math.min(5, Math.max(1, level + rng.int(-1, 1)))]));
      const good = (Object.keys(RATING_TAGS) as RatingTag[]).filter((k) => RATING_TAGS[k].good);
      const tags = bad ? badTags.filter(() => rng.next() < 0.8) : good.filter(() => rng.next() < 0.3);
      const at = step.at + rng.int(2, 72) * HOUR;
      if (at > now.getTime()) return;
      const id = uuid();
      ratings.push({ id, event_kind: kind, event_id: a.id, round: 1, channel: a.channel === "window" ? "window" : "web", indicator_set: set, level, indicators: JSON.stringify(indicators), tags: JSON.stringify(tags), comment: bad ? rng.pick(["材料要求前后不一致，来回跑了两次", "等了很久也没有消息", "指南写得不清楚", "办事人员解释不耐烦"]) : null, rater_name: a.applicant, item_id: a.item_id, item_name: a.item_name, org_id: a.org_id, staff_name: step.staff, step_key: step.key, step_name: step.name, application_id: a.id, region_code: a.region_code, created_at: new Date(at) });
      if (bad) openCase(id, a.org_id, a.region_code, at, level);
    };

    const openCase = (ratingId: string, orgId: string, region: string, at: number, level: number) => {
      const opened = todayInChina(new Date(at));
      const id = uuid();
      const age = (now.getTime() - at) / DAY;
      const respond = deadline(opened, 1);
      const rectify = deadline(opened, 15);
      const steps: Array<[string, string, string | null, number]> = [["open", "verifying", `${level === 1 ? "非常不满意" : "不满意"}，自动生成差评工单`, 0]];
      let state = "verifying";
      const c: Row<"rating_cases"> & { id: string } = { id, number: `CP${opened.replaceAll("-", "")}${String(next("CP", opened)).padStart(4, "0")}`, rating_id: ratingId, org_id: orgId, state, opened_on: opened, respond_deadline: respond, rectify_deadline: rectify, region_code: region, created_at: new Date(at) };
      if (age > 20 && rng.next() < 0.15) {
        c.appeal_reason = "评价人所述情况与办件记录不符";
        c.appeal_decision = "经调阅办件记录，申诉成立";
        steps.push(["appeal", "appealed", c.appeal_reason, 0.5], ["uphold_appeal", "voided", c.appeal_decision, 3]);
        state = "voided";
      } else if (age > 1.5) {
        c.verification = "经核实，情况属实";
        steps.push(["verify", "rectifying", c.verification, 0.6]);
        state = "rectifying";
        if (age > 6) {
          c.rectification = rng.pick(["已在办事指南中补充材料样表并统一一次性告知口径", "已调整审查岗人员配置，压缩审查时间", "已对窗口人员开展服务规范培训"]);
          steps.push(["rectify", "replying", c.rectification, 5]);
          c.rectified_on = todayInChina(new Date(at + 5 * DAY));
          state = "replying";
        }
        if (age > 8) {
          c.reply = "已电话联系评价人说明整改情况并致歉";
          c.replied_at = new Date(at + 6 * DAY);
          steps.push(["reply", "replied", c.reply, 6]);
          state = "replied";
        }
        if (age > 20) {
          steps.push(["close", "closed", null, 12]);
          state = "closed";
        }
      } else if (age > 1 && respond && respond < todayInChina(now)) {
        c.escalations = JSON.stringify(["respond"]);
        steps.push(["escalate", "verifying", `逾期未核实（期限 ${respond}），已提请效能监督督办`, 1.2]);
      }
      c.state = state;
      cases.push(c);
      let from: string | null = null;
      for (const [action, to, note, days] of steps) {
        caseEvents.push({ case_id: id, action, from_state: from, to_state: to, actor_account_id: null, actor_name: action === "open" || action === "escalate" ? "系统" : action === "uphold_appeal" ? "效能监督" : "承办人员", note, created_at: new Date(at + days * DAY) });
        from = to;
      }
      if (state === "voided") ratings.find((r) => r.id === ratingId)!.status = "excluded";
    };

    for (let g = 0; g < 240; g++) {
      const item = items[g % items.length]!;
      const [reviewer, approver] = staff(item.org_code);
      const slow = /-(AMR|HOUSING|PLAN)$/.test(item.org_code);
      const t0 = now.getTime() - rng.int(10, 150) * DAY - rng.int(0, 8) * HOUR;
      const channel = rng.next() < 0.6 ? "online" : "window";
      const supplement = rng.next() < (slow ? 0.5 : 0.2);
      const approved = rng.next() < 0.9;
      const id = uuid();
      const applicant = name();
      const start = todayInChina(new Date(t0));
      const seq = next("D", `${item.region_code}`);
      const app: Row<"applications"> = { id, number: `D${item.region_code}-${String(seq).padStart(6, "0")}`, item_id: item.id, version_id: item.published_version_id!, workflow_id: workflowId, channel, handling_org_id: item.org_id, region_code: item.region_code, state: approved ? "approved" : "denied", outcome: approved ? "approved" : "denied", form_data: "{}", submitted_at: new Date(t0), start_date: start, committed_days: 7, legal_days: 20, committed_deadline: deadline(start, 7), legal_deadline: deadline(start, 20), applicant_name: applicant };
      apps.push(app);
      const paused: Pause[] = [];
      const ev = (action: string, from: string | null, to: string, at: number, actor: string, org: boolean, opinion: string | null = null) => events.push({ application_id: id, action, from_state: from, to_state: to, actor_account_id: null, actor_name: actor, org_id: org ? item.org_id : null, opinion, details: "{}", region_code: item.region_code, created_at: new Date(at) });
      let at = t0;
      ev("submit", null, "submitted", at, applicant, false);
      at += rng.int(1, 8) * HOUR;
      const a = { id, channel, item_id: item.id, item_name: item.item_name, org_id: item.org_id, region_code: item.region_code, applicant };
      if (supplement) {
        ev("request_supplement", "submitted", "supplement", at, reviewer, true, "材料不齐，请补充");
        rate(a, "application_accepted", { key: "request_supplement", name: "一次性告知补正", staff: reviewer, at }, 0.55, ["repeated_materials", "unclear_guide", "many_visits"]);
        const asked = todayInChina(new Date(at));
        at += rng.int(24, 120) * HOUR;
        ev("resubmit", "supplement", "reviewing", at, applicant, false);
        // The clock stood still while the applicant supplemented: the deadlines move by the pause.
        paused.push({ from: asked, to: todayInChina(new Date(at)) });
        pauses.push({ application_id: id, reason: "补正", from_date: asked, to_date: todayInChina(new Date(at)), region_code: item.region_code });
        app.committed_deadline = DEFAULT_WORK_CALENDAR.deadlineOrNull(start, 7, paused);
        app.legal_deadline = DEFAULT_WORK_CALENDAR.deadlineOrNull(start, 20, paused);
      } else {
        ev("accept", "submitted", "reviewing", at, reviewer, true);
      }
      const wait = slow ? rng.int(48, 200) : rng.int(4, 48);
      at += wait * HOUR;
      ev("pass_review", "reviewing", "deciding", at, reviewer, true);
      at += rng.int(4, 30) * HOUR;
      ev(approved ? "approve" : "deny", "deciding", approved ? "approved" : "denied", at, approver, true, approved ? null : "不符合许可条件");
      app.decided_at = new Date(at);
      app.decided_working_days = DEFAULT_WORK_CALENDAR.workingDaysBetween(start, todayInChina(new Date(at)), paused);
      if (rng.next() < 0.75) rate(a, "application_completed", { key: approved ? "approve" : "deny", name: approved ? "准予" : "不予", staff: approver, at }, approved ? (wait > 120 ? 0.3 : 0.05) : 0.5, wait > 120 ? ["long_wait"] : ["poor_attitude", "hard_to_use"]);
    }

    // —— Open applications past or near their committed deadline (the 电子监察 lights) ——
    // Their own generator, so that the history above stays as it was.
    const late = new Prng(20261207);
    const slowItems = items.filter((i) => /-(AMR|HOUSING|PLAN)$/.test(i.org_code));
    for (let g = 0; g < 16 && slowItems.length; g++) {
      const item = slowItems[g % slowItems.length]!;
      const [reviewer] = staff(item.org_code);
      const t0 = now.getTime() - (g < 12 ? late.int(12, 24) : 8) * DAY - late.int(0, 8) * HOUR;
      const id = uuid();
      const applicant = `${late.pick(SURNAMES)}${late.pick(GIVEN)}${late.pick(GIVEN)}`;
      const start = todayInChina(new Date(t0));
      const seq = next("D", `${item.region_code}`);
      apps.push({ id, number: `D${item.region_code}-${String(seq).padStart(6, "0")}`, item_id: item.id, version_id: item.published_version_id!, workflow_id: workflowId, channel: late.next() < 0.6 ? "online" : "window", handling_org_id: item.org_id, region_code: item.region_code, state: "reviewing", outcome: null, form_data: "{}", submitted_at: new Date(t0), start_date: start, committed_days: 7, legal_days: 20, committed_deadline: deadline(start, 7), legal_deadline: deadline(start, 20), applicant_name: applicant });
      events.push({ application_id: id, action: "submit", from_state: null, to_state: "submitted", actor_account_id: null, actor_name: applicant, org_id: null, opinion: null, details: "{}", region_code: item.region_code, created_at: new Date(t0) });
      events.push({ application_id: id, action: "accept", from_state: "submitted", to_state: "reviewing", actor_account_id: null, actor_name: reviewer, org_id: item.org_id, opinion: null, details: "{}", region_code: item.region_code, created_at: new Date(t0 + 3 * HOUR) });
    }

    // —— 12345 tickets ——
    const rules = await trx.selectFrom("dispatch_rules as d").innerJoin("orgs as o", "o.id", "d.org_id").select(["d.category_code", "d.division_prefix", "d.org_id", "o.name as org_name", "o.code as org_code"]).execute();
    const districts = await trx.selectFrom("orgs").select(["division_code", "name"]).where("kind", "=", "district").orderBy("code").execute();
    const leaves = APPEAL_CATEGORIES.filter((c) => !APPEAL_CATEGORIES.some((d) => d.code.startsWith(`${c.code}.`)));
    const weights: Record<string, number> = { "CITY.NOISE.LIFE": 6, "CITY.ENV": 4, "CITY.PARKING": 4, "HOUSING.PROPERTY": 5, "MARKET.CONSUMER": 4, "LABOUR.WAGE": 3, "GOV.GUIDE": 3, "GOV.EFFICIENCY": 2 };
    const weighted = leaves.flatMap((c) => Array<string>(weights[c.code] ?? 1).fill(c.code));
    const tickets: Array<Row<"tickets"> & { id: string }> = [];
    const ticketEvents: Array<Row<"ticket_events">> = [];
    const makeTicket = (ageDays: number, categoryCode: string, address: string, division: string, type: TicketType) => {
      const created = now.getTime() - ageDays * DAY - rng.int(0, 10) * HOUR;
      if (created > now.getTime() - HOUR) return;
      const day = todayInChina(new Date(created));
      const rule = bestRule(rules, categoryCode, division);
      const category = APPEAL_CATEGORIES.find((c) => c.code === categoryCode)!;
      const citizen = name();
      const id = uuid();
      const replyDays = { enquiry: 3, help: 5, complaint: 13, report: 15, suggestion: 15 }[type];
      const state = !rule ? "pending_dispatch" : ageDays > 14 ? "closed" : ageDays > 5 ? rng.pick(["replied", "handling"]) : rng.pick(["dispatched", "handling"]);
      const replyAt = created + rng.int(2, 5) * DAY;
      const t: Row<"tickets"> & { id: string } = {
        id,
        number: `${day.replaceAll("-", "")}${String(next("12345", day)).padStart(5, "0")}`,
        type,
        category_code: categoryCode,
        title: `${category.zh}问题反映`,
        content: `${address}附近的${category.zh}问题，希望有关部门尽快处理。`,
        address,
        division_code: division,
        location_source: "address_registry",
        channel: rng.next() < 0.7 ? "hotline" : "web",
        citizen_name: citizen,
        ...callerMobile(`139${String(rng.int(0, 99_999_999)).padStart(8, "0")}`),
        state,
        org_id: rule?.org_id ?? null,
        dispatched_at: rule ? new Date(created + HOUR) : null,
        sign_deadline: rule ? deadline(day, 1) : null,
        reply_deadline: deadline(day, replyDays),
        reply: state === "closed" || state === "replied" ? "经现场核查已处理，并向诉求人说明情况" : null,
        replied_at: state === "closed" || state === "replied" ? new Date(replyAt) : null,
        region_code: division.slice(0, 6),
        created_at: new Date(created),
      };
      tickets.push(t);
      const tev = (action: string, from: string | null, to: string, at: number, actor: string, note: string | null = null) => ticketEvents.push({ ticket_id: id, action, from_state: from, to_state: to, actor_account_id: null, actor_name: actor, org_id: action === "dispatch" || action === "sign" || action === "reply" ? (rule?.org_id ?? null) : null, note, created_at: new Date(at) });
      tev("create", null, "pending_dispatch", created, t.channel === "hotline" ? "12345 坐席" : citizen, t.channel === "hotline" ? "热线来电登记" : "网上提交");
      if (!rule) return;
      tev("dispatch", "pending_dispatch", "dispatched", created + HOUR, "系统", `按派单目录自动派至${rule.org_name}`);
      if (state === "dispatched") return;
      const handler = staff(rule.org_code)[0];
      tev("sign", "dispatched", "handling", created + 5 * HOUR, handler);
      if (state === "handling") return;
      tev("reply", "handling", "replied", replyAt, handler, t.reply);
      if (state !== "closed") return;
      const level = rng.next() < 0.15 ? rng.int(1, 2) : rng.pick([5, 5, 4, 4, 3]);
      const ratedAt = replyAt + rng.int(1, 3) * DAY;
      ratings.push({ id: uuid(), event_kind: "ticket", event_id: id, round: 1, channel: "hotline", indicator_set: "onsite", level, indicators: "{}", tags: "[]", rater_name: citizen, org_id: rule.org_id, staff_name: handler, step_key: "reply", step_name: "诉求答复", ticket_id: id, region_code: t.region_code, created_at: new Date(ratedAt) });
      tev("rate", "replied", "closed", ratedAt, "12345 坐席");
    };
    const districtAddress = () => {
      const d = rng.pick(districts);
      return { address: `上海市${d.name}${rng.pick(ROADS)}${rng.int(1, 999)}号`, division: d.division_code! };
    };
    for (let i = 0; i < 280; i++) {
      const category = rng.pick(weighted);
      const street = rng.next() < 0.35 ? rng.pick(DEMO_STREET_ADDRESSES) : null;
      const place = street ? { address: `${street[0]}${rng.int(1, 300)}号`, division: street[1] } : districtAddress();
      makeTicket(rng.int(8, 56), category, place.address, place.division, category.startsWith("GOV.GUIDE") ? "enquiry" : rng.pick<TicketType>(["complaint", "complaint", "help", "suggestion", "report"]));
    }
    // This week: neighbourhood noise rises in three streets, and 福州路 is complained about again and again.
    for (let i = 0; i < 14; i++) {
      const road = STREETS_OF_NOTE[i % STREETS_OF_NOTE.length]!;
      const division = DEMO_STREET_ADDRESSES.find(([r]) => r === road)![1];
      makeTicket(rng.int(0, 6), "CITY.NOISE.LIFE", `${road}${i % 2 === 0 ? 100 : rng.int(1, 300)}号`, division, "complaint");
    }
    for (let i = 0; i < 4; i++) makeTicket(7 + i * 5, "CITY.NOISE.LIFE", "上海市黄浦区福州路100号", "310101001", "complaint");

    const chunks = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
    };
    await chunks(apps, (p) => trx.insertInto("applications").values(p).execute());
    await chunks(events, (p) => trx.insertInto("application_events").values(p).execute());
    await chunks(pauses, (p) => trx.insertInto("application_pauses").values(p).execute());
    await chunks(tickets, (p) => trx.insertInto("tickets").values(p).execute());
    await chunks(ticketEvents, (p) => trx.insertInto("ticket_events").values(p).execute());
    await chunks(ratings, (p) => trx.insertInto("ratings").values(p).execute());
    await chunks(cases, (p) => trx.insertInto("rating_cases").values(p).execute());
    await chunks(caseEvents, (p) => trx.insertInto("rating_case_events").values(p).execute());
    // Live numbering continues after the demo's numbers of the same day.
    for (const [key, last] of counters) {
      const [kind, day] = key.split(":") as [string, string];
      if (kind === "D") continue;
      await sql`insert into application_counters (division_code, day, last) values (${kind}, ${day}, ${last})
        on conflict (division_code, day) do update set last = greatest(application_counters.last, excluded.last)`.execute(trx);
    }
    // 效能监督 reads a rollup: refreshed over the whole history just written (the job keeps today's current).
    const performance = new PerformanceRepository(trx);
    await performance.refresh(todayInChina(new Date(now.getTime() - 170 * DAY)), todayInChina(now));
    await performance.refreshOpen(todayInChina(now), DEFAULT_WORK_CALENDAR.deadlineOrNull(todayInChina(now), 1) ?? todayInChina(now));
    return { applications: apps.length, ratings: ratings.length, cases: cases.length, tickets: tickets.length };
  });
}
