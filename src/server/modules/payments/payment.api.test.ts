import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payCodeValid } from "../../../shared/fees";
import { signedHeaders } from "../../../simulators/payment/sdk";
import { buildApp } from "../../app";
import { act, withMaterials } from "../../testing/factories";
import { startWithPayments, TEST_MERCHANT, TEST_PAYMENT_KEY, idCardRenewalItem } from "../../testing/payment-sim";
import { login, messagesWithoutEnglish, type LoggedIn, type TestApp } from "../../testing/test-app";
import type { PaymentSimulator } from "../../../simulators/payment/server";
import { demoPersons } from "../../seed/demo-people";

let t: TestApp;
let sim: PaymentSimulator;
let port: number;
let close: () => Promise<void>;
let citizen: LoggedIn;
let reviewer: LoggedIn;
const zhang = demoPersons().find((p) => p.name === "张伟明")!;

beforeAll(async () => {
  ({ t, sim, port, close } = await startWithPayments());
  citizen = await login(t.app, "13800000001");
  reviewer = await login(t.app, "review.psb.huangpu");
}, 60_000);
afterAll(async () => close());

/** 黄浦's 居民身份证换领: 20 元 after acceptance (demo fee rules). */
async function idCardItem(): Promise<string> {
  return idCardRenewalItem(t);
}

async function submitIdCard(formData: Record<string, unknown> = {}): Promise<string> {
  const payload = await withMaterials(t, citizen, { itemId: await idCardItem(), formData: { name: zhang.name, idNumber: zhang.idNumber, mobile: "13800000001", reason: "expired", delivery: "pickup", ...formData } });
  const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function acceptedWithFee() {
  const id = await submitIdCard();
  const before = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/payments`, headers: citizen.headers })).json();
  expect(before.items).toEqual([]);
  expect((await act(t, reviewer, id, "accept")).statusCode).toBe(200);
  const payments = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/payments`, headers: citizen.headers })).json().items;
  expect(payments).toHaveLength(1);
  return { id, order: payments[0] };
}

const settleAudits = async (orderId: string) => (await t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "payment.settle").where("target_id", "=", orderId).execute()).length;
const orderRow = (id: string) => t.database.db.selectFrom("payment_orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("统一支付: a fee at the step the item says, paid at the cashier, learnt by a signed notification", () => {
  it("holds the application at 待缴费 after acceptance, pays at the cashier, settles once with a receipt in the wallet", async () => {
    const { id, order } = await acceptedWithFee();
    expect(order).toMatchObject({ amountFen: 2000, status: "pending", statusName: "待缴费", stage: "acceptance", lines: [{ name: "居民身份证工本费", amountFen: 2000 }] });
    expect(payCodeValid(order.payCode)).toBe(true);
    // The department cannot go on while the fee is owed; the clock stands.
    const blocked = await act(t, reviewer, id, "pass_review");
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe("PAYMENT_PENDING");
    const pause = await t.database.db.selectFrom("application_pauses").selectAll().where("application_id", "=", id).executeTakeFirstOrThrow();
    expect(pause).toMatchObject({ reason: "缴费", to_date: null });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: citizen.headers })).json().stateName).toBe("待缴费");
    const mine = (await t.app.inject({ method: "GET", url: "/api/v1/applications?limit=50", headers: citizen.headers })).json().items;
    expect(mine.find((a: { id: string }) => a.id === id).stateName).toBe("待缴费");

    // To the cashier: the provider's page shows the amount; paying sends the payer back to the application.
    const checkout = await t.app.inject({ method: "POST", url: `/api/v1/payments/${order.id}/checkout`, headers: citizen.headers });
    expect(checkout.statusCode, checkout.body).toBe(200);
    const cashierUrl = checkout.json().cashierUrl as string;
    const page = await fetch(cashierUrl);
    expect(await page.text()).toContain("¥20.00");
    const paid = await fetch(`${cashierUrl}/pay`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "channel=wallet&outcome=pay", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://localhost:5173/me/applications/${id}?payment=${order.id}&paid=1`);
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();

    const after = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/payments`, headers: citizen.headers })).json().items[0];
    expect(after).toMatchObject({ status: "paid", channelName: "手机钱包", receiptCertificateId: expect.any(String) });
    expect((await orderRow(order.id)).settled_by).toBe("callback");
    // The receipt: a sealed 财政电子票据 in the payer's wallet, verifiable by anyone.
    const wallet = (await t.app.inject({ method: "GET", url: "/api/v1/me/certificates", headers: citizen.headers })).json();
    const receipt = (wallet.items ?? wallet).find((c: { id: string }) => c.id === after.receiptCertificateId);
    expect(receipt).toBeDefined();
    const identifier = (await t.database.db.selectFrom("certificates").select(["identifier", "payload"]).where("id", "=", after.receiptCertificateId).executeTakeFirstOrThrow());
    expect((identifier.payload as { data: Record<string, string> }).data).toMatchObject({ amount: "20.00", payCode: order.payCode, payer: "张伟明" });
    const verified = (await t.app.inject({ method: "GET", url: `/api/v1/certificates/verify?id=${encodeURIComponent(identifier.identifier)}` })).json();
    expect(verified).toMatchObject({ valid: true });
    // The clock runs again and the timeline says why; the department goes on.
    expect((await t.database.db.selectFrom("application_pauses").select("to_date").where("application_id", "=", id).executeTakeFirstOrThrow()).to_date).not.toBeNull();
    const events = await t.database.db.selectFrom("application_events").select("action").where("application_id", "=", id).orderBy("id").execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["payment_due", "payment_settled"]));
    expect((await act(t, reviewer, id, "pass_review")).statusCode).toBe(200);
    expect(await settleAudits(order.id)).toBe(1);
  });

  it("applies a notification once however often it comes, and refuses a forged or replayed one", async () => {
    const { order } = await acceptedWithFee();
    await t.app.inject({ method: "POST", url: `/api/v1/payments/${order.id}/checkout`, headers: citizen.headers });
    const provider = (await orderRow(order.id)).provider_order_no!;
    await fetch(`${sim.url}/sim/orders/${provider}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
    const n = sim.notifications().find((x) => x.merchantNo === order.number)!;
    // The same notification ten times at once: all acknowledged, one change.
    const repeated = await (await fetch(`${sim.url}/sim/notifications/${n.id}/repeat?times=10`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json();
    expect(repeated.statuses).toEqual(Array(10).fill(200));
    expect(await settleAudits(order.id)).toBe(1);
    expect((await t.database.db.selectFrom("certificates").select("id").where("type_code", "=", "fiscal_receipt").where("application_id", "=", order.applicationId).execute()).length).toBe(1);

    const path = "/api/v1/payments/notify";
    const body = JSON.stringify({ id: "EVT-forged", type: "payment.succeeded", createdAt: new Date().toISOString(), data: { merchantNo: order.number, providerNo: "P1", amountFen: 1, at: new Date().toISOString() } });
    const post = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    // Signed with another key, unsigned, or signed ten minutes ago (a captured message sent again): refused.
    expect((await post(signedHeaders(TEST_MERCHANT, "not-the-key", "POST", path, body))).status).toBe(401);
    expect((await post({})).status).toBe(401);
    const stale = await post(signedHeaders(TEST_MERCHANT, TEST_PAYMENT_KEY, "POST", path, body, Date.now() - 10 * 60_000));
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.code).toBe("PAYMENT_NOTIFICATION_INVALID");
    expect(await t.database.db.selectFrom("payment_notifications").select("id").where("id", "=", "EVT-forged").executeTakeFirst()).toBeUndefined();
  });

  it("settles by asking the provider when no notification comes, and the late notification then changes nothing", async () => {
    const { order } = await acceptedWithFee();
    await t.app.inject({ method: "POST", url: `/api/v1/payments/${order.id}/checkout`, headers: citizen.headers });
    const provider = (await orderRow(order.id)).provider_order_no!;
    await fetch(`${sim.url}/sim/notifications/hold`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ on: true }) });
    try {
      await fetch(`${sim.url}/sim/orders/${provider}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      // Asked at once, not after the usual wait.
      const round = await t.services.payments.dispatch(200, 0);
      expect(round.settledByQuery).toBeGreaterThanOrEqual(1);
      expect(await orderRow(order.id)).toMatchObject({ status: "paid", settled_by: "query" });
    } finally {
      await fetch(`${sim.url}/sim/notifications/hold`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ on: false }) });
    }
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
    expect(sim.notifications().find((x) => x.merchantNo === order.number)).toMatchObject({ delivered: true });
    expect(await settleAudits(order.id)).toBe(1);
  });

  it("refunds a paid fee when the application is refused, and closes an unpaid one when it is withdrawn", async () => {
    const paid = await acceptedWithFee();
    await t.app.inject({ method: "POST", url: `/api/v1/payments/${paid.order.id}/checkout`, headers: citizen.headers });
    await fetch(`${sim.url}/sim/orders/${(await orderRow(paid.order.id)).provider_order_no}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
    expect((await act(t, reviewer, paid.id, "pass_review")).statusCode).toBe(200);
    expect((await act(t, await login(t.app, "approve.psb.huangpu"), paid.id, "deny", { opinion: "相片不符合居民身份证相片标准" })).statusCode).toBe(200);
    await t.services.payments.idle();
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
    const refunded = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${paid.id}/payments`, headers: citizen.headers })).json().items[0];
    expect(refunded).toMatchObject({ status: "refunded", refundedFen: 2000, refunds: [{ amountFen: 2000, status: "succeeded", reason: "申请不予许可，退还已缴费用" }] });
    expect(await messagesWithoutEnglish(t)).toEqual([]);
    const kinds = (await t.database.db.selectFrom("messages as m").innerJoin("accounts as a", "a.id", "m.account_id").select("m.kind").where("m.link", "=", `/me/applications/${paid.id}`).execute()).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(["payment_due", "payment_settled", "refund_settled"]));

    const unpaid = await acceptedWithFee();
    await t.app.inject({ method: "POST", url: `/api/v1/payments/${unpaid.order.id}/checkout`, headers: citizen.headers });
    // Withdrawing is open while the fee is owed; the order closes at the provider too, so the cashier no longer takes it.
    expect((await act(t, citizen, unpaid.id, "withdraw")).statusCode).toBe(200);
    await t.services.payments.idle();
    expect(await orderRow(unpaid.order.id)).toMatchObject({ status: "closed", close_reason: "申请人撤回申请，无需缴费" });
    const late = await fetch(`${sim.url}/sim/orders/${(await orderRow(unpaid.order.id)).provider_order_no}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await late.json()).paid).toBe(false);
  });

  it("applies a notification once when two processes receive it at the same moment", async () => {
    const { order } = await acceptedWithFee();
    const other = await buildApp({ config: t.config, database: t.database, cipher: t.cipher, logger: false });
    try {
      const path = "/api/v1/payments/notify";
      const at = new Date().toISOString();
      const body = JSON.stringify({ id: `EVT-two-${order.id}`, type: "payment.succeeded", createdAt: at, data: { merchantNo: order.number, providerNo: "PTWO", amountFen: 2000, channel: "ebank", at } });
      const headers = signedHeaders(TEST_MERCHANT, TEST_PAYMENT_KEY, "POST", path, body);
      const results = await Promise.all([t.services.payments.notify(headers, path, body), other.services.payments.notify(headers, path, body), t.services.payments.notify(headers, path, body)]);
      expect(results.filter((r) => r.applied)).toHaveLength(1);
      await t.services.payments.idle();
      await other.services.payments.idle();
      expect(await settleAudits(order.id)).toBe(1);
      expect(await orderRow(order.id)).toMatchObject({ status: "paid", channel: "ebank" });
    } finally {
      await other.app.close();
    }
  });

  it("takes payment by 缴款码 at a bank counter, and holds an overdue fee until the applicant has it issued again", async () => {
    const { id, order } = await acceptedWithFee();
    // The 缴款码 works at the bank once the order is registered (reading the application's payments registers it).
    const mistyped = order.payCode.slice(0, -1) + String((Number(order.payCode.at(-1)) + 1) % 10);
    const refused = await fetch(`${sim.url}/bank/pay`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `code=${mistyped}` });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("缴款码有误");
    const paid = await fetch(`${sim.url}/bank/pay`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `code=${order.payCode.replace(/(\d{4})/g, "$1 ")}` });
    expect(await paid.text()).toContain("缴款成功");
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
    expect(await orderRow(order.id)).toMatchObject({ status: "paid", channel: "bank_counter", settled_by: "callback" });
    expect((await act(t, reviewer, id, "pass_review")).statusCode).toBe(200);

    // Another one is not paid by its day: it expires, the application stays held, and a new notice is issued on request.
    const late = await acceptedWithFee();
    await t.database.db.updateTable("payment_orders").set({ due_date: "2020-01-02" }).where("id", "=", late.order.id).execute();
    expect((await t.services.payments.dispatch()).expired).toBeGreaterThanOrEqual(1);
    expect(await orderRow(late.order.id)).toMatchObject({ status: "expired", close_reason: "逾期未缴费" });
    expect((await act(t, reviewer, late.id, "pass_review")).json().error.code).toBe("PAYMENT_PENDING");
    const renewed = await t.app.inject({ method: "POST", url: `/api/v1/payments/${late.order.id}/renew`, headers: citizen.headers });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ status: "pending", amountFen: 2000, applicationId: late.id });
    expect(renewed.json().number).not.toBe(late.order.number);
    expect(await orderRow(late.order.id)).toMatchObject({ status: "closed" });
    expect((await t.app.inject({ method: "POST", url: `/api/v1/payments/${late.order.id}/renew`, headers: citizen.headers })).json().error.code).toBe("PAYMENT_NOT_PAYABLE");
    expect((await t.app.inject({ method: "POST", url: `/api/v1/payments/${renewed.json().id}/renew`, headers: (await login(t.app, "13800000002")).headers })).json().error.code).toBe("PAYMENT_ORDER_NOT_FOUND");
  });
});
