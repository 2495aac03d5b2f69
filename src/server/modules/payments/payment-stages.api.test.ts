import { afterAll, beforeAll, expect, it } from "vitest";
import { act, withMaterials } from "../../testing/factories";
import { startWithPayments, idCardRenewalItem } from "../../testing/payment-sim";
import { login, type LoggedIn, type TestApp } from "../../testing/test-app";
import { demoPersons } from "../../seed/demo-people";
import type { PaymentSimulator } from "../../../simulators/payment/server";

let t: TestApp;
let sim: PaymentSimulator;
let close: () => Promise<void>;
let citizen: LoggedIn;
let reviewer: LoggedIn;
let itemId: string;
const zhang = demoPersons().find((p) => p.name === "张伟明")!;

beforeAll(async () => {
  ({ t, sim, close } = await startWithPayments());
  // This file's 居民身份证换领, changed before anything reads it: paid on submission; 补领 after a loss costs
  // 20 元 more; a correction of registered details is free.
  itemId = await idCardRenewalItem(t);
  const version = (await t.database.db.selectFrom("catalogue_items").select("published_version_id").where("id", "=", itemId).executeTakeFirstOrThrow()).published_version_id!;
  const content = (await t.database.db.selectFrom("catalogue_item_versions").select("content").where("id", "=", version).executeTakeFirstOrThrow()).content as Record<string, unknown>;
  content.feeRules = {
    stage: "submission",
    payDays: 5,
    lines: [
      { kind: "fixed", name: "居民身份证工本费", amountFen: 2000 },
      { kind: "by_option", name: "补领加收", field: "reason", amounts: { lost: 2000 } },
    ],
    exemptions: [{ name: "登记项目更正免收", when: { fact: "form.reason", op: "eq", value: "changed" }, lines: [] }],
  };
  // And posting the card costs 15 元.
  content.postage = { feeFen: 1500 };
  await t.database.db.updateTable("catalogue_item_versions").set({ content: JSON.stringify(content) }).where("id", "=", version).execute();
  citizen = await login(t.app, "13800000001");
  reviewer = await login(t.app, "review.psb.huangpu");
}, 60_000);
afterAll(async () => close());

async function submit(reason: string, delivery = "pickup") {
  const payload = await withMaterials(t, citizen, { itemId, formData: { name: zhang.name, idNumber: zhang.idNumber, mobile: "13800000001", reason, delivery } });
  const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const paymentsOf = async (id: string) => (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/payments`, headers: citizen.headers })).json().items;

it("makes the order on submission where the item says so, by the options chosen; only a refusal goes past it", async () => {
  const lost = await submit("lost");
  const [order] = await paymentsOf(lost);
  expect(order).toMatchObject({ stage: "submission", amountFen: 4000, lines: [{ name: "居民身份证工本费", amountFen: 2000 }, { name: "补领加收", amountFen: 2000, detail: "按“丢失补领”收取" }] });
  const accept = await act(t, reviewer, lost, "accept");
  expect(accept.statusCode).toBe(409);
  expect(accept.json().error.code).toBe("PAYMENT_PENDING");
  expect((await act(t, reviewer, lost, "reject", { opinion: "非本市户籍，请到户籍地办理" })).statusCode).toBe(200);
  await t.services.payments.idle();
  expect((await paymentsOf(lost))[0]).toMatchObject({ status: "closed", closeReason: "申请不予受理，无需缴费" });
});

it("waives what an exemption covers: no order, the timeline says why, the work goes on", async () => {
  const changed = await submit("changed");
  expect(await paymentsOf(changed)).toEqual([]);
  const exempt = await t.database.db.selectFrom("application_events").select("opinion").where("application_id", "=", changed).where("action", "=", "fee_exempted").executeTakeFirstOrThrow();
  expect(exempt.opinion).toBe("免收：登记项目更正免收");
  expect((await act(t, reviewer, changed, "accept")).statusCode).toBe(200);
});

it("lets a catalogue administrator keep fee rules in a draft only when they fit the form", async () => {
  const admin = await login(t.app, "catalog.admin.huangpu");
  const call = (method: "GET" | "POST" | "PUT", url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });
  const draft = (await call("POST", `/admin/catalogue/items/${itemId}/drafts`)).json();
  const content = (await call("GET", `/admin/catalogue/versions/${draft.id}`)).json().content;
  const bad = structuredClone(content);
  bad.feeRules.lines.push({ kind: "per_unit", name: "加急", field: "reason", unitFen: 1000, unit: "次", freeUnits: 0 });
  bad.feeRules.exemptions[0].lines = ["不存在的项目"];
  const refused = await call("PUT", `/admin/catalogue/versions/${draft.id}`, { lockVersion: 0, content: bad });
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error.details.issues.map((i: { path: string; message: string }) => `${i.path} ${i.message}`)).toEqual(expect.arrayContaining(["feeRules.lines.2.field 按数量收费须对应数字字段，“reason”不是", "feeRules.exemptions.0.lines 没有收费项目“不存在的项目”"]));
  content.postage = { feeFen: 1200 };
  content.feeRules.lines[0].amountFen = 2500;
  expect((await call("PUT", `/admin/catalogue/versions/${draft.id}`, { lockVersion: 0, content })).statusCode).toBe(200);
  const saved = (await call("GET", `/admin/catalogue/versions/${draft.id}`)).json().content;
  expect(saved).toMatchObject({ postage: { feeFen: 1200 }, feeRules: { stage: "submission", lines: [{ amountFen: 2500 }, { name: "补领加收" }] } });
});

it("charges the item's postage when the result is to be posted, and posts it only once that is paid (the decision does not wait for it)", async () => {
  const id = await submit("expired", "post");
  const orders = await paymentsOf(id);
  expect(orders.map((o: { stageName: string; amountFen: number }) => [o.stageName, o.amountFen])).toEqual(expect.arrayContaining([["邮寄费", 1500], ["提交申请时缴费", 2000]]));
  const pay = async (o: { id: string }) => {
    await t.app.inject({ method: "POST", url: `/api/v1/payments/${o.id}/checkout`, headers: citizen.headers });
    const row = await t.database.db.selectFrom("payment_orders").select("provider_order_no").where("id", "=", o.id).executeTakeFirstOrThrow();
    await fetch(`${sim.url}/sim/orders/${row.provider_order_no}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
  };
  await pay(orders.find((o: { stageName: string }) => o.stageName !== "邮寄费"));
  for (const [who, action] of [["review.psb.huangpu", "accept"], ["review.psb.huangpu", "pass_review"], ["approve.psb.huangpu", "approve"]] as const) {
    expect((await act(t, await login(t.app, who), id, action)).statusCode).toBe(200);
  }
  await t.services.deliveries.idle();
  const delivery = async () => (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/delivery`, headers: citizen.headers })).json().items[0];
  expect((await delivery()).status).toBe("to_book");
  expect(await t.services.deliveries.dispatch()).toBe(0);
  // Paying the postage books it at once.
  await pay(orders.find((o: { stageName: string }) => o.stageName === "邮寄费"));
  await t.services.deliveries.idle();
  expect(await delivery()).toMatchObject({ status: "created", waybillNo: expect.any(String) });
});
