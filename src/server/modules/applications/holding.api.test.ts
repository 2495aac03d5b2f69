import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

/** Items declare how often a subject may hold them; every channel honours it, whatever a rule says. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const call = (who: LoggedIn, method: "GET" | "POST", url: string, payload?: object, headers: Record<string, string> = {}) => t.app.inject({ method, url: `/api/v1${url}`, headers: { ...who.headers, ...headers }, ...(payload ? { payload } : {}) });
const itemOf = async (basicCode: string, orgCode: string) =>
  (await t.database.db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").innerJoin("orgs as o", "o.id", "i.org_id").select("i.id").where("b.basic_code", "=", basicCode).where("o.code", "=", orgCode).executeTakeFirstOrThrow()).id;
const applicationsOf = async (personName: string, itemId: string) => (await t.database.db.selectFrom("applications").select(["id", "outcome"]).where("applicant_name", "=", personName).where("item_id", "=", itemId).execute()).length;

describe("a benefit granted once", () => {
  it("郑国华 gets 老年综合津贴 once: a second application by any channel is refused, naming the first", async () => {
    const guohua = await login(t.app, "13800000010");
    const allowance = await itemOf("JF00003000", "310104001");
    const first = await call(guohua, "POST", `/catalogue/items/${allowance}/one-click`, { consent: true }, { "idempotency-key": "allowance-first" });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().outcome).toBe("approved");

    // Again in one click (a new key), online with the form, at a window, and at another street's office.
    const again = await call(guohua, "POST", `/catalogue/items/${allowance}/one-click`, { consent: true }, { "idempotency-key": "allowance-second" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "ALREADY_HELD", details: { limit: "once", existing: { number: first.json().number, granted: true } } });
    expect(again.json().error.message).toContain(first.json().number);
    expect(again.json().error.message).toContain("限享受一次");
    const form = { name: "郑国华", idNumber: "310104194611205219", mobile: "13800000010" };
    expect((await call(guohua, "POST", "/applications", { itemId: allowance, formData: form })).json().error.code).toBe("ALREADY_HELD");
    const clerk = await login(t.app, "window.huangpu");
    expect((await call(clerk, "POST", "/window/applications", { itemId: await itemOf("JF00003000", "310101001"), idNumber: "310104194611205219", formData: form })).json().error.code).toBe("ALREADY_HELD");
    expect(await applicationsOf("郑国华", allowance)).toBe(1);
    const cards = await t.database.db.selectFrom("certificates").select("id").where("type_code", "=", "senior_card").where("holder_name", "=", "郑国华").execute();
    expect(cards).toHaveLength(1);
  });

  it("concurrent applications with different keys: exactly one goes through", async () => {
    const xiuying = await login(t.app, "13800000004"); // 赵秀英, over 80
    const allowance = await itemOf("JF00003000", "310106001");
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => call(xiuying, "POST", `/catalogue/items/${allowance}/one-click`, { consent: true }, { "idempotency-key": `allowance-race-${i}` })));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join("\n")).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe("ALREADY_HELD");
  });

  it("once per child: a grant to the mother counts for the father too; a refused or withdrawn application does not hold", async () => {
    await t.services.benefits.identify();
    const li = await login(t.app, "13800000002"); // 李雪梅, mother of 张子涵
    const offer = ((await call(li, "GET", "/me/benefits")).json().items as Array<{ id: string; itemName: string }>).find((o) => o.itemName === "育儿补贴申领")!;
    expect(offer).toBeDefined();
    const granted = (await call(li, "POST", `/me/benefits/${offer.id}`, { accept: true })).json();
    expect(granted.status, JSON.stringify(granted)).toBe("granted");
    // The father applies for the same child in the same district: refused, naming her grant.
    const zhang = await login(t.app, "13800000001");
    const subsidy = (await t.database.db.selectFrom("applications").select("item_id").where("id", "=", granted.applicationId).executeTakeFirstOrThrow()).item_id;
    const form = { name: "张伟明", idNumber: "310101198503125034", mobile: "13800000001", childName: "张子涵" };
    const refused = await call(zhang, "POST", "/applications", { itemId: subsidy, formData: form });
    expect(refused.json().error).toMatchObject({ code: "ALREADY_HELD", details: { limit: "once_per_child" } });
    expect(refused.json().error.message).toContain("每名子女限享受一次");

    // Once the grant is revoked, the child no longer holds it: the father may apply.
    const supervisor = await login(t.app, "supervisor");
    expect((await call(supervisor, "POST", `/benefit-offers/${offer.id}/revoke`, { reason: "由父亲一方申领" })).statusCode).toBe(200);
    const applied = await call(zhang, "POST", "/applications", await withMaterials(t, zhang, { itemId: subsidy, formData: form }));
    expect(applied.statusCode, applied.body).toBe(201);
    // He withdraws it; then he may apply again.
    const detail = (await call(zhang, "GET", `/applications/${applied.json().id}`)).json();
    if (detail.outcome === null) {
      expect((await call(zhang, "POST", `/applications/${applied.json().id}/actions`, { action: "withdraw", lockVersion: detail.lockVersion })).statusCode).toBe(200);
      expect((await call(zhang, "POST", "/applications", await withMaterials(t, zhang, { itemId: subsidy, formData: form }))).statusCode).toBe(201);
    }
  });

  it("the daily offers skip whoever holds the item already, whatever the rule says", async () => {
    // Both hold the allowance (the same requests as above: a retried key returns the same receipt, or the holding refuses).
    expect((await call(await login(t.app, "13800000010"), "POST", `/catalogue/items/${await itemOf("JF00003000", "310104001")}/one-click`, { consent: true }, { "idempotency-key": "allowance-first" })).statusCode).toBe(201);
    const xiuying = await call(await login(t.app, "13800000004"), "POST", `/catalogue/items/${await itemOf("JF00003000", "310106001")}/one-click`, { consent: true }, { "idempotency-key": "allowance-race-0" });
    expect(xiuying.statusCode === 201 || xiuying.json().error.code === "ALREADY_HELD", xiuying.body).toBe(true);
    // Make 老年综合津贴 a benefit granted without applying: its rule alone would offer it to every 80-year-old again.
    const allowanceIds = (await t.database.db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").select("i.id").where("b.basic_code", "=", "JF00003000").execute()).map((r) => r.id);
    await t.database.db.updateTable("item_rules").set({ grant_mode: "consent" }).where("item_id", "in", allowanceIds).execute();
    await t.services.benefits.identify();
    const offered = await t.database.db
      .selectFrom("benefit_offers as o")
      .innerJoin("persons as p", "p.id", "o.person_id")
      .select("p.name")
      .where("o.item_id", "in", allowanceIds)
      .execute();
    expect(offered.map((o) => o.name)).not.toContain("郑国华");
    expect(offered.map((o) => o.name)).not.toContain("赵秀英");
  });
});
