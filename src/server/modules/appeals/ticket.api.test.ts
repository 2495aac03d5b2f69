import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, messagesWithoutEnglish, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let clock = new Date("2026-11-16T02:00:00Z"); // Monday 16 Nov 2026, 10:00 in Shanghai
let agent: LoggedIn;
let street: LoggedIn;
let citizen: LoggedIn;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  agent = await login(t.app, "hotline.agent"); // 董小萌, 12345 centre
  street = await login(t.app, "street.nanjingdonglu"); // 钱立伟, 南京东路街道
  citizen = await login(t.app, "13800000002"); // 李雪梅
});
afterAll(() => t.close());

/** Every message queued so far has English, and one of this kind went out in both languages. */
async function toldInBothLanguages(kind: string) {
  expect(await messagesWithoutEnglish(t)).toEqual([]);
  const sent = await t.database.db.selectFrom("messages").select(["title", "title_en", "body_en"]).where("kind", "=", kind).execute();
  expect(sent.length, kind).toBeGreaterThan(0);
  for (const m of sent) expect(m.title_en, m.title).toMatch(/^[A-Za-z0-9]/);
  return sent;
}

const post = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: who?.headers ?? {}, payload: payload as object });
const put = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "PUT", url: `/api/v1${url}`, headers: who?.headers ?? {}, payload: payload as object });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });

async function act(who: LoggedIn, id: string, action: string, extra: Record<string, unknown> = {}) {
  const lockVersion = (await get(who, `/tickets/${id}`)).json().lockVersion;
  return post(who, `/tickets/${id}/actions`, { action, lockVersion, ...extra });
}

const NOISE = {
  type: "complaint",
  categoryCode: "CITY.NOISE.LIFE",
  title: "福州路一酒吧夜间噪声扰民",
  content: "福州路100弄旁的酒吧每晚营业到凌晨两点，音乐声很大，影响居民休息，希望尽快处理。",
  address: "上海市黄浦区福州路100弄",
};

describe("12345: enquiries answered from the knowledge base", () => {
  it("suggests answers and services; a citizen who accepts one closes the enquiry at once", async () => {
    const s = (await post(null, "/appeals/suggestions", { text: "营业执照丢了怎么办" })).json().items;
    expect(s[0]).toMatchObject({ type: "answer", title: "营业执照丢了怎么办？" });
    expect(s[0].answer).toContain("补领");
    const res = await post(citizen, "/tickets", { type: "enquiry", categoryCode: "GOV.GUIDE", title: "营业执照丢了怎么办", content: "公司的营业执照原件找不到了，请问怎么补办？", acceptedAnswer: s[0].ref });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: "answered", stateName: "已按知识库答复", orgName: null, citizenName: "李雪梅", replyDeadline: null });
    expect(res.json().timeline.map((e: { label: string }) => e.label)).toEqual(["受理", "按知识库答复"]);
    // An enquiry submitted without accepting a suggestion waits for the desk, which sees suggestions and answers it.
    const open = (await post(citizen, "/tickets", { type: "enquiry", categoryCode: "GOV.GUIDE", title: "食品经营许可证有效期多久", content: "请问食品经营许可证的有效期是几年？到期怎么办？" })).json();
    expect(open.state).toBe("pending_dispatch");
    const desk = (await get(agent, `/tickets/${open.id}`)).json();
    expect(desk.suggestions[0]).toMatchObject({ type: "answer", title: "食品经营许可证有效期多久？" });
    expect(desk.actions.map((a: { action: string }) => a.action)).toContain("answer");
    const answered = (await act(agent, open.id, "answer", { note: desk.suggestions[0].answer })).json();
    expect(answered).toMatchObject({ state: "answered", reply: "食品经营许可证有效期为 5 年，到期前可申请延续。" });
    // Only an enquiry can be closed this way.
    const bad = await post(citizen, "/tickets", { ...NOISE, acceptedAnswer: s[0].ref });
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });
});

describe("12345: a hotline complaint about a street's noise follows the closed loop", () => {
  // One ticket's life is one story, so its steps are one test.
  it("the agent records the call and the catalogue dispatches it; only the street, the desk, supervisors above it and the citizen see it; the street signs and replies; the citizen reopens it once; the second reply is rated by phone", async () => {
    expect((await post(agent, "/tickets", NOISE)).json().error.code).toBe("VALIDATION_FAILED"); // the caller is required
    const located = (await post(agent, "/appeals/locate", { address: NOISE.address })).json();
    expect(located).toEqual({ divisionCode: "310101001", source: "address_registry", placeName: "南京东路街道" });
    const res = await post(agent, "/tickets", { ...NOISE, caller: { name: "李雪梅", mobile: "13800000002" } });
    expect(res.statusCode, res.body).toBe(201);
    const ticket = res.json();
    const id = ticket.id as string;
    expect(ticket).toMatchObject({ state: "dispatched", orgName: "南京东路街道", channel: "hotline", divisionCode: "310101001", signDeadline: "2026-11-17", replyDeadline: "2026-12-03", citizenName: "李雪梅", citizenMobile: "138****0002" });
    expect(ticket.number).toMatch(/^20261116\d{5}$/);
    expect(ticket.timeline[1]).toMatchObject({ action: "dispatch", actorName: "系统", orgName: "南京东路街道" });
    expect(ticket.timeline[1].note).toContain("按派单目录自动派至南京东路街道");
    // The caller has an account: the ticket is in her list too.
    expect((await get(citizen, "/tickets")).json().items.map((x: { id: string }) => x.id)).toContain(id);

    // Only the street, the desk, supervisors above it and the citizen see it.
    expect((await get(await login(t.app, "street.waitan"), `/tickets/${id}`)).statusCode).toBe(404);
    expect((await get(await login(t.app, "review.amr.huangpu"), `/tickets/${id}`)).statusCode).toBe(404);
    expect((await get(await login(t.app, "13800000001"), `/tickets/${id}`)).statusCode).toBe(404);
    expect((await get(await login(t.app, "supervisor.huangpu"), `/tickets/${id}`)).statusCode).toBe(200);
    const streetList = (await get(street, "/tickets?limit=100")).json().items as { id: string; orgName: string }[];
    expect(streetList.map((x) => x.id)).toContain(id);
    expect(new Set(streetList.map((x) => x.orgName))).toEqual(new Set(["南京东路街道"]));
    expect((await get(await login(t.app, "catalog.admin"), "/tickets")).statusCode).toBe(403);
    // The citizen cannot sign for it; the street cannot reply before signing.
    expect((await act(citizen, id, "sign")).statusCode).toBe(403);
    expect((await act(street, id, "reply", { note: "已处理" })).json().error.code).toBe("TICKET_ACTION_NOT_ALLOWED");

    // The street signs and replies; the citizen is unsatisfied and reopens it once; the second reply is rated by phone.
    expect((await act(street, id, "sign")).json().state).toBe("handling");
    expect((await act(street, id, "reply")).json().error.code).toBe("TICKET_NOTE_REQUIRED");
    const replied = (await act(street, id, "reply", { note: "已联合城管中队上门，责令酒吧22点后降低音量" })).json();
    expect(replied).toMatchObject({ state: "replied", reply: "已联合城管中队上门，责令酒吧22点后降低音量" });
    expect(replied.actions.map((a: { action: string }) => a.action)).toEqual([]);
    const mine = (await get(citizen, `/tickets/${id}`)).json();
    expect(mine.actions.map((a: { action: string }) => a.action)).toEqual(["rate"]);
    // Reopening needs an unsatisfied rating first.
    expect((await act(citizen, id, "reopen", { note: "还是很吵" })).json().error.code).toBe("TICKET_ACTION_NOT_ALLOWED");
    const rated = (await act(citizen, id, "rate", { rating: { level: 1, comment: "当晚依然很吵" } })).json();
    expect(rated).toMatchObject({ state: "closed", rating: { level: 1, levelName: "非常不满意", channel: "web" } });
    expect(rated.actions.map((a: { action: string }) => a.action)).toEqual(["reopen"]);
    const reopened = (await act(citizen, id, "reopen", { note: "酒吧依然营业到凌晨，音量没有降低" })).json();
    expect(reopened).toMatchObject({ state: "handling", reopened: true, orgName: "南京东路街道" });
    await act(street, id, "reply", { note: "已对酒吧立案处罚并加装隔音设施，夜间巡查一周" });
    await act(agent, id, "callback", { note: "电话回访李女士，反映噪声已明显改善" });
    const closed = (await act(agent, id, "rate", { rating: { level: 4, indicators: { service_efficiency: 4 } } })).json();
    expect(closed).toMatchObject({ state: "closed", rating: { level: 4, channel: "hotline" } });
    expect(closed.actions).toEqual([]);
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(["create", "dispatch", "sign", "reply", "rate", "reopen", "reply", "callback", "rate"]);
    // A ticket's 差评 is handled by reopening, not by a case; both ratings count for the street.
    expect(await t.database.db.selectFrom("rating_cases").select("id").execute()).toEqual([]);
    const ratings = await t.database.db.selectFrom("ratings as r").innerJoin("orgs as o", "o.id", "r.org_id").select(["o.name", "r.round", "r.level", "r.staff_name"]).where("r.ticket_id", "=", id).orderBy("r.round").execute();
    expect(ratings).toEqual([
      { name: "南京东路街道", round: 1, level: 1, staff_name: "钱立伟" },
      { name: "南京东路街道", round: 2, level: 4, staff_name: "钱立伟" },
    ]);
    // Dispatch, replies and the reopening were told in both languages.
    const told = await toldInBothLanguages("ticket");
    expect(told.find((m) => m.title === "您的诉求已答复")?.body_en).toMatch(/^Your request “.+” \(\w+\) has been answered: .+\. Please rate how it was handled\.$/);
  });
});

describe("12345: returns, reassignment, merging, urging and escalation", () => {
  it("a street returns a functional matter; the desk may not send it to another street and reassigns it to the department", async () => {
    const orgs = await t.database.db.selectFrom("orgs").select(["id", "code"]).where("code", "in", ["310101002", "310101-AMR", "310101-HUD"]).execute();
    const org = (code: string) => orgs.find((o) => o.code === code)!.id;
    // Filed as street noise, it is really construction noise.
    const created = (await post(agent, "/tickets", { ...NOISE, title: "九江路工地夜间施工", content: "九江路工地每天夜里十一点后仍在打桩施工，噪声很大。", address: "上海市黄浦区九江路50号", caller: { name: "周婷", mobile: "13800000008" } })).json();
    expect(created.orgName).toBe("南京东路街道");
    await act(street, created.id, "sign");
    expect((await act(street, created.id, "return")).json().error.code).toBe("TICKET_NOTE_REQUIRED");
    expect((await act(street, created.id, "return", { note: "属建筑施工噪声，应由区建管委处理" })).json().state).toBe("returned");
    const view = (await get(agent, `/tickets/${created.id}`)).json();
    expect(view.actions.map((a: { action: string }) => a.action)).toEqual(["reassign", "reject_return", "urge", "merge"]);
    // The desk reclassifies by reassigning; a street is refused for a functional matter.
    await t.database.db.updateTable("tickets").set({ category_code: "CITY.NOISE.BUILD" }).where("id", "=", created.id).execute();
    expect((await act(agent, created.id, "reassign", { note: "改派", orgId: org("310101002") })).json().error.code).toBe("DISPATCH_TO_STREET_FORBIDDEN");
    expect((await act(agent, created.id, "reassign", { orgId: org("310101-HUD") })).json().error.code).toBe("TICKET_NOTE_REQUIRED");
    const moved = (await act(agent, created.id, "reassign", { note: "属建筑施工噪声，改派区建管委", orgId: org("310101-HUD") })).json();
    expect(moved).toMatchObject({ state: "dispatched", orgName: "黄浦区建设和管理委员会" });
    expect((await get(street, `/tickets/${created.id}`)).statusCode).toBe(404);
  });

  it("duplicates are merged and answered together; supervisors urge; an overdue ticket escalates once", async () => {
    const first = (await post(agent, "/tickets", { ...NOISE, title: "宁海东路小区广场舞噪声", content: "宁海东路小区广场舞每天晚上九点后音响很响。", address: "上海市黄浦区宁海东路8号", caller: { name: "孙浩", mobile: "13800000007" } })).json();
    const second = (await post(citizen, "/tickets", { ...NOISE, title: "广场舞音响太吵", content: "宁海东路8号小区广场舞音响太吵，老人孩子都休息不好。", address: "上海市黄浦区宁海东路8号" })).json();
    const view = (await get(agent, `/tickets/${second.id}`)).json();
    expect(view.similar.map((s: { id: string }) => s.id)).toContain(first.id);
    expect((await act(agent, second.id, "merge", { targetId: second.id })).json().error.code).toBe("TICKET_MERGE_INVALID");
    expect((await act(agent, second.id, "merge", { targetId: first.id })).json()).toMatchObject({ state: "merged", mergedIntoNumber: first.number });
    const supervisor = await login(t.app, "supervisor.huangpu");
    expect((await act(supervisor, first.id, "urge", { note: "群众反映集中，请加快处理" })).json()).toMatchObject({ urgeCount: 1, state: "dispatched" });
    expect((await act(street, first.id, "urge", { note: "x" })).statusCode).toBe(403);
    await act(street, first.id, "sign");
    // Nothing is overdue yet; after the reply deadline it escalates once.
    expect(await t.services.tickets.escalateOverdue()).toBe(0);
    clock = new Date("2026-12-04T02:00:00Z");
    try {
      expect(await t.services.tickets.escalateOverdue()).toBeGreaterThanOrEqual(1);
      expect(await t.services.tickets.escalateOverdue()).toBe(0);
      street = await login(t.app, "street.nanjingdonglu");
      const late = (await get(street, `/tickets/${first.id}`)).json();
      expect(late).toMatchObject({ escalated: true, light: "red" });
      expect(late.timeline.at(-1).note).toContain("潘明");
      await act(street, first.id, "reply", { note: "已与小区物业约定音响音量和结束时间" });
      const merged = (await get(await login(t.app, "13800000002"), `/tickets/${second.id}`)).json();
      expect(merged).toMatchObject({ state: "replied" });
      expect(merged.reply).toBe("已与小区物业约定音响音量和结束时间");
      // The escalation and the merged duplicate's answer were told in both languages.
      await toldInBothLanguages("ticket_overdue");
      await toldInBothLanguages("ticket_reply");
    } finally {
      clock = new Date("2026-11-16T02:00:00Z");
      street = await login(t.app, "street.nanjingdonglu");
      citizen = await login(t.app, "13800000002");
    }
  });
});

describe("12345: reporters' privacy and the dispatch catalogue", () => {
  it("hides a reporter from the org; the desk reads the number for a call-back, which is logged", async () => {
    const report = (await post(agent, "/tickets", { type: "report", categoryCode: "MARKET.FOOD", title: "九江路小吃店使用过期食材", content: "九江路某小吃店后厨使用过期食材，卫生条件很差。", address: "上海市黄浦区九江路20号", caller: { name: "孙浩", mobile: "13800000007" } })).json();
    expect(report.orgName).toBe("黄浦区市场监督管理局");
    const amr = await login(t.app, "review.amr.huangpu");
    const seen = (await get(amr, `/tickets/${report.id}`)).json();
    expect(seen).toMatchObject({ citizenName: "举报人（信息保密）", citizenMobile: null });
    expect((await get(amr, "/tickets")).json().items.find((x: { id: string }) => x.id === report.id).citizenName).toBe("举报人（信息保密）");
    expect((await get(agent, `/tickets/${report.id}`)).json().citizenName).toBe("孙浩");
    expect((await post(amr, `/tickets/${report.id}/contact`, {})).statusCode).toBe(403);
    expect((await post(agent, `/tickets/${report.id}/contact`, {})).json()).toEqual({ name: "孙浩", mobile: "13800000007" });
    const sun = await login(t.app, "13800000007");
    const uses = (await get(sun, "/me/data-access")).json().items;
    expect(uses[0]).toMatchObject({ actorName: "董小萌" });
    expect(JSON.stringify(uses[0])).toContain("回访");
  });

  it("a reporter's name, mobile and ID number appear in nothing the handling org or its supervisors can fetch", async () => {
    const sun = await login(t.app, "13800000007"); // 孙浩, ID 310110199812035156
    const secrets = ["孙浩", "13800000007", "310110199812035156", "138 0000 0007"];
    const leaks = (label: string, body: string) => {
      for (const s of secrets) expect(body.includes(s), `${label} names the reporter (${s})`).toBe(false);
    };
    const created = await post(sun, "/tickets", {
      type: "report",
      categoryCode: "MARKET.FOOD",
      title: "举报九江路小吃店过期食材（举报人孙浩）",
      content: "我是孙浩，身份证310110199812035156，电话 138 0000 0007。九江路某小吃店后厨使用过期食材。",
      address: "上海市黄浦区九江路22号",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const amr = await login(t.app, "review.amr.huangpu");
    const seenBy: Array<[string, LoggedIn]> = [["review.amr.huangpu", amr], ["supervisor.huangpu", await login(t.app, "supervisor.huangpu")], ["supervisor", await login(t.app, "supervisor")]];
    const responses: Array<[string, string]> = [];
    const fetch = async (label: string, res: Promise<{ statusCode: number; body: string }>) => {
      const r = await res;
      responses.push([label, r.body]);
      return r;
    };
    expect((await fetch("sign", act(amr, id, "sign"))).statusCode).toBe(200);
    expect((await fetch("reply", act(amr, id, "reply", { note: "已对该店立案调查，责令整改" }))).statusCode).toBe(200);
    // The reporter rates the reply badly, naming themselves, and reopens it.
    expect((await act(sun, id, "rate", { rating: { level: 1, comment: "孙浩认为处理太慢，请回电13800000007" } })).statusCode).toBe(200);
    expect((await act(sun, id, "reopen", { note: "我孙浩还是看到他们在用过期食材" })).statusCode).toBe(200);
    for (const [who, session] of seenBy) {
      // Every 举报 in the list (other tickets may rightly name their callers).
      const list = await get(session, "/tickets?limit=100");
      responses.push([`${who} GET /tickets (reports)`, JSON.stringify(list.json().items.filter((x: { type: string }) => x.type === "report"))]);
      expect(list.json().items.some((x: { id: string }) => x.id === id), who).toBe(true);
      await fetch(`${who} GET /tickets/${id}`, get(session, `/tickets/${id}`));
      await fetch(`${who} GET /messages`, get(session, "/messages?limit=100"));
      await fetch(`${who} GET /rating-cases`, get(session, "/rating-cases?limit=100"));
      await fetch(`${who} GET /ratings/trace`, get(session, "/ratings/trace"));
    }
    const detail = JSON.parse(responses.find(([l]) => l === `review.amr.huangpu GET /tickets/${id}`)![1]);
    expect(detail.timeline.map((e: { actorName: string }) => e.actorName)).toContain("举报人（信息保密）");
    expect(detail.content).toContain("举报人（信息保密）");
    // The reporter's own rating (a ticket's rating is shown on the ticket; tickets open no 差评 case).
    expect(detail.rating.comment).toBe("举报人（信息保密）认为处理太慢，请回电举报人（信息保密）");
    for (const [label, body] of responses) leaks(label, body);
    // The desk and the reporter still see who it is.
    expect((await get(agent, `/tickets/${id}`)).json().citizenName).toBe("孙浩");
    expect((await get(sun, `/tickets/${id}`)).json().content).toContain("孙浩");
  });

  it("the desk maintains the catalogue; a functional matter cannot be routed to a street; others may not change it", async () => {
    const orgs = await t.database.db.selectFrom("orgs").select(["id", "code"]).where("code", "in", ["310101002", "310101-AMR"]).execute();
    const waitan = orgs.find((o) => o.code === "310101002")!.id;
    const rules = (await get(agent, "/dispatch-rules")).json().items;
    expect(rules.find((r: { categoryCode: string; divisionPrefix: string }) => r.categoryCode === "CITY.NOISE.LIFE" && r.divisionPrefix === "310101001")).toMatchObject({ orgName: "南京东路街道" });
    expect((await put(agent, "/dispatch-rules", { categoryCode: "MARKET.FOOD", divisionPrefix: "310101002", orgId: waitan })).json().error.code).toBe("DISPATCH_TO_STREET_FORBIDDEN");
    expect((await put(street, "/dispatch-rules", { categoryCode: "CITY.ENV", divisionPrefix: "310101002", orgId: waitan })).statusCode).toBe(403);
    expect((await put(agent, "/dispatch-rules", { categoryCode: "CITY.ENV", divisionPrefix: "3101", orgId: waitan })).statusCode).toBe(400);
    const saved = await put(agent, "/dispatch-rules", { categoryCode: "OTHER", divisionPrefix: "310101002", orgId: waitan });
    expect(saved.statusCode).toBe(200);
    const rule = saved.json().items.find((r: { categoryCode: string }) => r.categoryCode === "OTHER");
    expect(rule).toMatchObject({ orgName: "外滩街道", categoryName: "其他" });
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/dispatch-rules/${rule.id}`, headers: agent.headers })).statusCode).toBe(204);
  });

  it("a retried submission with the same Idempotency-Key returns the same ticket; the key with another request is refused", async () => {
    const body = { type: "help", categoryCode: "CITY.ENV", title: "九江路垃圾无人清理", content: "九江路口的垃圾已堆放三天无人清理。", address: "上海市黄浦区九江路1号" };
    const send = (b: object) => t.app.inject({ method: "POST", url: "/api/v1/tickets", headers: { ...citizen.headers, "idempotency-key": "ticket-retry-0001" }, payload: b });
    const first = await send(body);
    const again = await send(body);
    expect(again.json().id).toBe(first.json().id);
    expect((await send({ ...body, title: "另一件事情的标题" })).json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await t.database.db.selectFrom("tickets").select("id").where("title", "=", body.title).execute()).length).toBe(1);
  });

  it("an address no rule covers waits for the desk, which dispatches it by hand", async () => {
    const res = (await post(citizen, "/tickets", { type: "suggestion", categoryCode: "OTHER", title: "建议增加公共自行车点", content: "建议在外滩附近增加公共自行车租赁点，方便游客。", address: "上海市黄浦区中山东一路1号" })).json();
    expect(res).toMatchObject({ state: "pending_dispatch", orgName: null, divisionCode: "310101002" });
    expect((await get(street, `/tickets/${res.id}`)).statusCode).toBe(404);
    const waitan = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101002").executeTakeFirstOrThrow()).id;
    expect((await act(agent, res.id, "dispatch", { orgId: waitan })).json()).toMatchObject({ state: "dispatched", orgName: "外滩街道", signDeadline: "2026-11-17" });
  });
});

describe("12345: hot topics", () => {
  it("counts by category, district and week for the desk and supervisors; a district supervisor sees the district", async () => {
    // Three complaints about the same place this week: the category rises and the place repeats.
    for (const title of ["福州路酒吧又在放音乐", "福州路酒吧噪声没有改善", "福州路酒吧凌晨仍很吵"]) {
      expect((await post(citizen, "/tickets", { ...NOISE, title })).statusCode).toBe(201);
    }
    const all = (await get(agent, "/appeals/hot-topics")).json();
    expect(all.scope).toBe("全市");
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.byCategory[0]).toMatchObject({ code: "CITY", name: "城市管理" });
    expect(all.byDistrict[0]).toMatchObject({ code: "310101", name: "黄浦区" });
    expect(all.byWeek).toEqual([{ week: "2026-11-16", count: all.total }]);
    expect(all.rising).toContainEqual(expect.objectContaining({ categoryCode: "CITY.NOISE.LIFE", name: "城市管理 / 噪声扰民 / 社会生活噪声" }));
    expect(all.repeated).toContainEqual(expect.objectContaining({ categoryCode: "CITY.NOISE.LIFE", placeName: "南京东路街道" }));
    const district = (await get(await login(t.app, "supervisor.huangpu"), "/appeals/hot-topics")).json();
    expect(district.scope).toBe("黄浦区");
    expect((await get(street, "/appeals/hot-topics")).statusCode).toBe(403);
    expect((await get(citizen, "/appeals/hot-topics")).statusCode).toBe(403);
  });
});

