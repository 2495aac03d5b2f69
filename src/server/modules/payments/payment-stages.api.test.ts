import { afterAll, beforeAll, expect, it } from "vitest";
import { act, withMaterials } from "../../testing/factories";
import { startWithPayments } from "../../testing/payment-sim";
import { login, type LoggedIn, type TestApp } from "../../testing/test-app";
import { demoPersons } from "../../seed/demo-people";

let t: TestApp;
let close: () => Promise<void>;
let citizen: LoggedIn;
let reviewer: LoggedIn;
let itemId: string;
const zhang = demoPersons().find((p) => p.name === "张伟明")!;

beforeAll(async () => {
  ({ t, close } = await startWithPayments());
  // This file's 居民身份证换领, changed before anything reads it: paid on submission; 补领 after a loss costs
  // 20 元 more; a correction of registered details is free.
  itemId = (await t.database.db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").select("i.id").where("b.basic_code", "=", "QR00003002").where("i.region_code", "=", "310101").executeTakeFirstOrThrow()).id;
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
  await t.database.db.updateTable("catalogue_item_versions").set({ content: JSON.stringify(content) }).where("id", "=", version).execute();
  citizen = await login(t.app, "13800000001");
  reviewer = await login(t.app, "review.psb.huangpu");
}, 60_000);
afterAll(async () => close());

async function submit(reason: string) {
  const payload = await withMaterials(t, citizen, { itemId, formData: { name: zhang.name, idNumber: zhang.idNumber, mobile: "13800000001", reason, delivery: "pickup" } });
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
