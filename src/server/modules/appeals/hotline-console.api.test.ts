import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
/** Monday 16 November 2026, 10:00 in Shanghai. */
const clock = new Date("2026-11-16T02:00:00Z");
let agent: LoggedIn;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  agent = await login(t.app, "hotline.agent");
});
afterAll(() => t.close());

const post = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: who?.headers ?? {}, payload: payload as object });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });
async function act(who: LoggedIn, id: string, action: string, extra: Record<string, unknown> = {}) {
  const lockVersion = (await get(who, `/tickets/${id}`)).json().lockVersion;
  return post(who, `/tickets/${id}/actions`, { action, lockVersion, ...extra });
}

const NOISE = { type: "complaint", categoryCode: "CITY.NOISE.LIFE", title: "福州路一酒吧夜间噪声扰民", content: "福州路100弄旁的酒吧每晚营业到凌晨两点，音乐声很大，影响居民休息，希望尽快处理。", address: "上海市黄浦区福州路100弄" };

describe("12345 console: the caller's history by the number they call from", () => {
  it("shows a registered caller (name masked) with earlier tickets and applications, and records the read for them", async () => {
    const application = await submitApplication(t); // 张伟明's food licence
    const first = (await post(agent, "/tickets", { ...NOISE, caller: { name: "张伟明", mobile: "13800000001" } })).json();
    const second = (await post(agent, "/tickets", { ...NOISE, title: "福州路酒吧噪声仍未改善", caller: { name: "张先生", mobile: "13800000001" } })).json();
    const res = await post(agent, "/hotline/caller-history", { mobile: "13800000001" });
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h).toMatchObject({ registered: true, name: "张*明" });
    expect(h.tickets.map((x: { id: string }) => x.id).slice(0, 2)).toEqual([second.id, first.id]); // newest first
    expect(h.tickets[0]).toMatchObject({ typeName: "投诉", stateName: expect.any(String), orgName: "南京东路街道" });
    expect(h.applications.map((a: { id: string }) => a.id)).toContain(application);
    expect(h.applications[0]).toMatchObject({ itemName: expect.any(String), stateName: expect.any(String) });

    // The person sees the read among the uses of their data, in plain words.
    const citizen = await login(t.app, "13800000001");
    const uses = (await get(citizen, "/me/data-access?limit=50")).json().items;
    expect(uses.find((u: { action: string }) => u.action.includes("12345 接听您的来电"))).toMatchObject({ actorName: expect.any(String) });
  });

  it("finds an unregistered caller's tickets by the number alone", async () => {
    const created = (await post(agent, "/tickets", { ...NOISE, caller: { name: "陈女士", mobile: "13912345678" } })).json();
    const h = (await post(agent, "/hotline/caller-history", { mobile: "13912345678" })).json();
    expect(h).toMatchObject({ registered: false, name: null, applications: [] });
    expect(h.tickets.map((x: { id: string }) => x.id)).toEqual([created.id]);
    expect((await post(agent, "/hotline/caller-history", { mobile: "13900000000" })).json()).toMatchObject({ registered: false, tickets: [], applications: [] });
  });

  it("is for the desk only, with a valid number", async () => {
    expect((await post(agent, "/hotline/caller-history", { mobile: "12345" })).statusCode).toBe(400);
    expect((await post(await login(t.app, "review.amr.huangpu"), "/hotline/caller-history", { mobile: "13800000001" })).statusCode).toBe(403);
    expect((await post(await login(t.app, "13800000002"), "/hotline/caller-history", { mobile: "13800000001" })).statusCode).toBe(403);
    expect((await get(await login(t.app, "street.nanjingdonglu"), "/hotline/callbacks")).statusCode).toBe(403);
  });
});

describe("12345 console: the call-back queue", () => {
  it("lists replied tickets to call back, due two working days after the reply; called back ones go last", async () => {
    const street = await login(t.app, "street.nanjingdonglu");
    const a = (await post(agent, "/tickets", { ...NOISE, caller: { name: "王先生", mobile: "13911112222" } })).json();
    const b = (await post(agent, "/tickets", { ...NOISE, title: "福州路夜间施工噪声", caller: { name: "赵女士", mobile: "13933334444" } })).json();
    for (const id of [a.id, b.id]) {
      expect((await act(street, id, "sign")).statusCode).toBe(200);
      expect((await act(street, id, "reply", { note: "已约谈经营者，要求夜间十点后降低音量" })).statusCode).toBe(200);
    }
    const queue = (await get(agent, "/hotline/callbacks")).json().items;
    const mine = queue.filter((x: { id: string }) => x.id === a.id || x.id === b.id);
    expect(mine).toHaveLength(2);
    // Replied on Monday 16 November: call back by Wednesday the 18th.
    expect(mine[0]).toMatchObject({ callbackDue: "2026-11-18", calledBack: false, light: "green", orgName: "南京东路街道" });
    expect((await act(agent, a.id, "callback", { note: "来电人表示噪声已明显减小" })).statusCode).toBe(200);
    const after = (await get(agent, "/hotline/callbacks")).json().items as Array<{ id: string; calledBack: boolean; light: string | null }>;
    const ia = after.findIndex((x) => x.id === a.id);
    const ib = after.findIndex((x) => x.id === b.id);
    expect(after[ia]).toMatchObject({ calledBack: true, light: null });
    expect(ib).toBeLessThan(ia);
  });
});
