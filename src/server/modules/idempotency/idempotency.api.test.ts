import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

/**
 * One idempotency mechanism for every submitting route, under real concurrency (on the PostgreSQL
 * lane the requests run in parallel on the server): a double click files once.
 */
let t: TestApp;
let founder: LoggedIn;
let itemId: string;
beforeAll(async () => {
  t = await startTestApp();
  founder = await login(t.app, "13800000001");
  itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const post = (who: LoggedIn, url: string, payload: object, key: string) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: { ...who.headers, "idempotency-key": key }, payload });
const countOf = async (table: "applications" | "bundle_applications" | "tickets") => (await t.database.db.selectFrom(table).select("id").execute()).length;

describe("Idempotency-Key under concurrency", () => {
  it("20 concurrent submissions with one key and different bodies: one application, the same body gets its receipt, another body 422", async () => {
    const before = await countOf("applications");
    // The same files with each (a double click sends the same request; the others differ in the form).
    const same = await withMaterials(t, founder, { itemId, formData: FOOD_LICENCE_FORM });
    const bodies = Array.from({ length: 20 }, (_, i) => ({ ...same, formData: { ...FOOD_LICENCE_FORM, seats: i % 2 === 0 ? 40 : 40 + i } }));
    const results = await Promise.all(bodies.map((b) => post(founder, "/applications", b, "double-click-0001")));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500), JSON.stringify(results.map((r) => r.body))).toEqual([]);
    expect(await countOf("applications")).toBe(before + 1);
    const created = results.filter((r) => r.statusCode === 201);
    const ids = new Set(created.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    // Every request with the winner's body got the receipt; every other body was told the key was used.
    const winner = JSON.stringify(bodies[results.findIndex((r) => r.statusCode === 201)]);
    results.forEach((r, i) => {
      if (JSON.stringify(bodies[i]) === winner) expect(r.statusCode).toBe(201);
      else expect(r.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    });
  });

  it("10 identical bundle submissions at once create one bundle application and all get it", async () => {
    const plan = (await t.app.inject({ method: "POST", url: "/api/v1/bundles/START_BUSINESS/plan", payload: { answers: { seal: "no", invoice: "no", staff: "no", agent: "no" } } })).json();
    const form: Record<string, unknown> = {
      enterpriseName: "上海并发示范科技有限公司",
      enterpriseType: "llc",
      capital: 100,
      scope: "软件开发",
      division: "310101",
      address: "上海市黄浦区南京东路100号9楼",
      legalRep: "张伟明",
      legalRepId: "310101198503125034",
      investors: [{ investorName: "张伟明", investorId: "310101198503125034", amount: 100 }],
      contactMobile: "13800000001",
      contact: "张伟明",
      bankAccount: "31001234567890999",
      accountant: "王晓红",
      employees: 3,
    };
    const formData = Object.fromEntries(plan.fields.filter((f: { key: string }) => f.key in form).map((f: { key: string }) => [f.key, form[f.key]]));
    const body = { answers: { seal: "no", invoice: "no", staff: "no", agent: "no" }, formData, dataConsent: true };
    const before = await countOf("bundle_applications");
    const results = await Promise.all(Array.from({ length: 10 }, () => post(founder, "/bundles/START_BUSINESS/applications", body, "bundle-double-click-1")));
    expect(results.map((r) => r.statusCode), results[0]!.body).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await countOf("bundle_applications")).toBe(before + 1);
  });

  it("the key belongs to its route and target: another item's one-click with the same key is its own request", async () => {
    const elder = await login(t.app, "13800000010"); // 郑国华, just 80
    const itemOf = async (basicCode: string, orgCode: string) =>
      (await t.database.db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").innerJoin("orgs as o", "o.id", "i.org_id").select("i.id").where("b.basic_code", "=", basicCode).where("o.code", "=", orgCode).executeTakeFirstOrThrow()).id;
    const allowance = await itemOf("JF00003000", "310104001"); // 老年综合津贴 at his street
    const first = await post(elder, `/catalogue/items/${allowance}/one-click`, { consent: true }, "one-click-key-01");
    expect(first.statusCode, first.body).toBe(201);
    // Another item's one-click with the same key is a request of its own, never the allowance's receipt.
    const second = await post(elder, `/catalogue/items/${itemId}/one-click`, { consent: true }, "one-click-key-01");
    expect(second.statusCode).toBeLessThan(500);
    expect(second.json().id).not.toBe(first.json().id);
    // The same item again with the key: the same receipt.
    expect((await post(elder, `/catalogue/items/${allowance}/one-click`, { consent: true }, "one-click-key-01")).json().id).toBe(first.json().id);
    // Online submission and a ticket with that same key are different requests too.
    const ticket = await post(elder, "/tickets", { type: "suggestion", categoryCode: "OTHER", title: "建议增加公交班次", content: "希望增加早高峰公交班次。" }, "one-click-key-01");
    expect(ticket.statusCode, ticket.body).toBe(201);
  });

  it("tickets: five identical submissions at once file one ticket", async () => {
    const citizen = await login(t.app, "13800000002");
    const before = await countOf("tickets");
    const body = { type: "suggestion", categoryCode: "OTHER", title: "建议延长图书馆开放时间", content: "希望周末延长开放时间。" };
    const results = await Promise.all(Array.from({ length: 5 }, () => post(citizen, "/tickets", body, "ticket-double-click")));
    expect(results.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await countOf("tickets")).toBe(before + 1);
  });

  it("a failed request gives its key up: a corrected retry with the key runs", async () => {
    const bad = await post(founder, "/applications", { itemId, formData: { ...FOOD_LICENCE_FORM, area: -1 } }, "retry-after-error");
    expect(bad.json().error.code).toBe("FORM_DATA_INVALID");
    const again = await post(founder, "/applications", { itemId, formData: { ...FOOD_LICENCE_FORM, area: -1 } }, "retry-after-error");
    expect(again.json().error.code).toBe("FORM_DATA_INVALID");
    const rows = await t.database.db.selectFrom("idempotent_requests").selectAll().where("key", "=", "retry-after-error").execute();
    expect(rows).toEqual([]);
  });
});
