import { afterAll, beforeAll, expect, it } from "vitest";
import { signPost } from "../../../simulators/post/sdk";
import type { PaymentSimulator } from "../../../simulators/payment/server";
import type { PostSimulator } from "../../../simulators/post/server";
import { demoPersons } from "../../seed/demo-people";
import { act, withMaterials } from "../../testing/factories";
import { startWithPayments, TEST_MERCHANT, TEST_POST_KEY, idCardRenewalItem } from "../../testing/payment-sim";
import { login, messagesWithoutEnglish, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let sim: PaymentSimulator;
let post: PostSimulator;
let port: number;
let close: () => Promise<void>;
let citizen: LoggedIn;
const zhang = demoPersons().find((p) => p.name === "张伟明")!;
const call = (who: LoggedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ({ t, sim, post, port, close } = await startWithPayments());
  citizen = await login(t.app, "13800000001");
}, 60_000);
afterAll(async () => close());

/** 黄浦's 居民身份证换领 by 张伟明, with the way he wants the card. */
async function submit(delivery: "post" | "pickup") {
  const itemId = await idCardRenewalItem(t);
  const payload = await withMaterials(t, citizen, { itemId, formData: { name: zhang.name, idNumber: zhang.idNumber, mobile: "13800000001", reason: "expired", delivery } });
  const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Accepted, the fee paid, reviewed and approved. */
async function approve(id: string) {
  expect((await act(t, await login(t.app, "review.psb.huangpu"), id, "accept")).statusCode).toBe(200);
  const [order] = (await call(citizen, "GET", `/applications/${id}/payments`)).json().items;
  await call(citizen, "POST", `/payments/${order.id}/checkout`);
  const row = await t.database.db.selectFrom("payment_orders").select("provider_order_no").where("id", "=", order.id).executeTakeFirstOrThrow();
  await fetch(`${sim.url}/sim/orders/${row.provider_order_no}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(await sim.settled()).toBe(true);
  await t.services.payments.idle();
  expect((await act(t, await login(t.app, "review.psb.huangpu"), id, "pass_review")).statusCode).toBe(200);
  expect((await act(t, await login(t.app, "approve.psb.huangpu"), id, "approve")).statusCode).toBe(200);
  await t.services.deliveries.idle();
}

const panel = async (id: string, who = citizen) => (await call(who, "GET", `/applications/${id}/delivery`)).json();
const advance = (waybill: string, to: string) => fetch(`${post.url}/sim/shipments/${waybill}/advance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to }) });

it("posts the result chosen on submission to the registered address, and follows the carrier to 签收", async () => {
  const id = await submit("post");
  const chosen = await panel(id);
  expect(chosen.items[0]).toMatchObject({ direction: "outbound", method: "post", status: "chosen", address: expect.stringMatching(/\*{4}$/) });
  expect(chosen.offers.map((o: { method: string }) => o.method)).toEqual(["window", "post"]);
  await approve(id);
  const booked = (await panel(id)).items[0];
  expect(booked).toMatchObject({ status: "created", statusName: "已寄出", waybillNo: expect.stringMatching(/^11\d{13}$/) });
  expect((await advance(booked.waybillNo, "delivered")).ok).toBe(true);
  expect(await post.settled()).toBe(true);
  const done = (await panel(id)).items[0];
  expect(done.status).toBe("delivered");
  expect(done.events.map((e: { status: string }) => e.status)).toEqual(["chosen", "to_book", "created", "collected", "in_transit", "out_for_delivery", "delivered"]);
  expect(await messagesWithoutEnglish(t)).toEqual([]);
  const titles = (await t.database.db.selectFrom("messages").select("title").where("link", "=", `/me/applications/${id}`).where("kind", "=", "delivery").execute()).map((m) => m.title);
  // 邮件正在派送 too when its notification came before 签收's: the carrier's notifications may arrive in either order,
  // and a late one is kept for the track but moves nothing and tells no one.
  expect(titles).toEqual(expect.arrayContaining(["办理结果已寄出", "邮件已签收"]));
  // Another citizen sees nothing of it; the result cannot be re-routed once issued.
  expect((await call(await login(t.app, "13800000002"), "GET", `/applications/${id}/delivery`)).statusCode).toBe(404);
  expect((await call(citizen, "PUT", `/applications/${id}/delivery`, { method: "window" })).json().error.code).toBe("DELIVERY_LOCKED");
});

it("takes a returned parcel back to the centre, where the window hands it to the applicant's delegate on the code and their ID", async () => {
  const id = await submit("pickup");
  // Changed to post, to a flat the carrier will not find; a typed address must be whole, and the item offers no electronic-only result.
  expect((await call(citizen, "PUT", `/applications/${id}/delivery`, { method: "post", address: "上海市黄浦区" })).json().error.code).toBe("DELIVERY_ADDRESS_INVALID");
  expect((await call(citizen, "PUT", `/applications/${id}/delivery`, { method: "electronic" })).json().error.code).toBe("DELIVERY_METHOD_UNAVAILABLE");
  expect((await call(citizen, "PUT", `/applications/${id}/delivery`, { method: "post", address: "上海市黄浦区福州路100号9999室" })).statusCode).toBe(200);
  await approve(id);
  const booked = (await panel(id)).items[0];
  await advance(booked.waybillNo, "returned");
  expect(await post.settled()).toBe(true);
  const back = (await panel(id)).items[0];
  expect(back).toMatchObject({ method: "window", status: "ready", statusName: "待领取", pickupOrgName: "黄浦区政务服务中心", pickupCode: expect.stringMatching(/^\d{6}$/) });
  expect(back.events.map((e: { status: string }) => e.status)).toEqual(expect.arrayContaining(["returned", "ready"]));

  // The window of that centre sees it waiting; another district's does not.
  const window = await login(t.app, "window.huangpu");
  const waiting = (await call(window, "GET", "/window/pickups")).json().items.find((p: { applicationId: string }) => p.applicationId === id);
  expect(waiting).toMatchObject({ itemName: "居民身份证换领", pickupOrgName: "黄浦区政务服务中心" });
  expect((await call(await login(t.app, "window.pudong"), "GET", "/window/pickups")).json().items.map((p: { applicationId: string }) => p.applicationId)).not.toContain(id);
  expect((await call(await login(t.app, "window.pudong"), "POST", `/deliveries/${waiting.id}/hand-over`, { pickupCode: back.pickupCode, idNumber: zhang.idNumber })).json().error.code).toBe("DELIVERY_NOT_FOUND");
  const wrong = back.pickupCode === "000000" ? "111111" : "000000";
  expect((await call(window, "POST", `/deliveries/${waiting.id}/hand-over`, { pickupCode: wrong, idNumber: zhang.idNumber })).json().error.code).toBe("PICKUP_CODE_WRONG");
  const li = demoPersons().find((p) => p.name === "李雪梅")!;
  expect((await call(window, "POST", `/deliveries/${waiting.id}/hand-over`, { pickupCode: back.pickupCode, idNumber: li.idNumber })).json().error.code).toBe("COLLECTOR_REQUIRED");
  const handed = (await call(window, "POST", `/deliveries/${waiting.id}/hand-over`, { pickupCode: back.pickupCode, idNumber: li.idNumber, delegateName: "李雪梅" })).json();
  expect(handed.collector).toBe(`代领人 李雪梅（身份证号码尾号 ${li.idNumber.slice(-4)}）`);
  const after = (await panel(id)).items[0];
  expect(after).toMatchObject({ status: "handed_over", pickupCode: null, collector: handed.collector });
  expect((await call(window, "POST", `/deliveries/${waiting.id}/hand-over`, { pickupCode: back.pickupCode, idNumber: zhang.idNumber })).json().error.code).toBe("DELIVERY_NOT_FOUND");
  const audit = await t.database.db.selectFrom("audit_log").select("details").where("action", "=", "delivery.hand_over").where("target_id", "=", id).executeTakeFirstOrThrow();
  expect(audit.details).toMatchObject({ self: false, delegateIdTail: li.idNumber.slice(-4) });
});

it("books 上门取件 of original materials, and refuses a forged carrier notification", async () => {
  const id = await submit("pickup");
  expect((await panel(id)).canRequestPickup).toBe(true);
  const res = await call(citizen, "POST", `/applications/${id}/material-pickups`, { address: "上海市黄浦区福州路100号3楼" });
  expect(res.statusCode).toBe(201);
  await t.services.deliveries.idle();
  const inbound = (await panel(id)).items.find((d: { direction: string }) => d.direction === "inbound");
  expect(inbound).toMatchObject({ method: "post", status: "created", waybillNo: expect.any(String) });
  expect((await call(citizen, "POST", `/applications/${id}/material-pickups`, { address: "上海市黄浦区福州路100号3楼" })).json().error.code).toBe("DELIVERY_LOCKED");

  const path = "/api/v1/deliveries/notify";
  const body = JSON.stringify({ id: "PST-forged", type: "shipment.status", createdAt: new Date().toISOString(), data: { waybillNo: inbound.waybillNo, merchantShipmentNo: inbound.number, status: "delivered", at: new Date().toISOString(), note: "伪造" } });
  const send = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  expect((await send(signPost(TEST_MERCHANT, "wrong-key", "POST", path, body))).status).toBe(401);
  expect((await send(signPost(TEST_MERCHANT, TEST_POST_KEY, "POST", path, body, Date.now() - 600_000))).status).toBe(401);
  expect((await panel(id)).items.find((d: { direction: string }) => d.direction === "inbound").status).toBe("created");
  // Signed properly, the same notification twice: applied once.
  const first = await (await send(signPost(TEST_MERCHANT, TEST_POST_KEY, "POST", path, body))).json();
  const second = await (await send(signPost(TEST_MERCHANT, TEST_POST_KEY, "POST", path, body))).json();
  expect([first.applied, second.applied]).toEqual([true, false]);
  expect((await t.database.db.selectFrom("delivery_events").select("id").where("note", "=", "伪造").execute()).length).toBe(1);
});
