import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app";
import { act, withMaterials } from "../../testing/factories";
import { startWithPayments, idCardRenewalItem } from "../../testing/payment-sim";
import { login, type TestApp } from "../../testing/test-app";
import type { PaymentSimulator } from "../../../simulators/payment/server";
import { demoPersons } from "../../seed/demo-people";

let t: TestApp;
let sim: PaymentSimulator;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, sim, port, close } = await startWithPayments());
}, 60_000);
afterAll(async () => close());

it("settles exactly once when the platform was down between the payment and its notification", async () => {
  const citizen = await login(t.app, "13800000001");
  const zhang = demoPersons().find((p) => p.name === "张伟明")!;
  const itemId = await idCardRenewalItem(t);
  const payload = await withMaterials(t, citizen, { itemId, formData: { name: zhang.name, idNumber: zhang.idNumber, mobile: "13800000001", reason: "expired", delivery: "pickup" } });
  const id = (await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload })).json().id as string;
  expect((await act(t, await login(t.app, "review.psb.huangpu"), id, "accept")).statusCode).toBe(200);
  const order = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/payments`, headers: citizen.headers })).json().items[0];
  await t.app.inject({ method: "POST", url: `/api/v1/payments/${order.id}/checkout`, headers: citizen.headers });
  const orderRow = () => t.database.db.selectFrom("payment_orders").selectAll().where("id", "=", order.id).executeTakeFirstOrThrow();
  const provider = (await orderRow()).provider_order_no!;

  // The platform goes down; the payer pays meanwhile; the provider's notifications fail and are retried.
  await t.app.close();
  await fetch(`${sim.url}/sim/orders/${provider}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  await new Promise((r) => setTimeout(r, 300));
  expect(sim.notifications().find((x) => x.merchantNo === order.number)).toMatchObject({ delivered: false });
  expect((await orderRow()).status).toBe("pending");

  // It comes back on the same database and address: the retried notification settles the order once, and a query round finds nothing more to do.
  const { app, services } = await buildApp({ config: t.config, database: t.database, cipher: t.cipher, logger: false });
  await app.listen({ port, host: "127.0.0.1" });
  try {
    expect(await sim.settled()).toBe(true);
    await t.services.payments.idle();
    expect(sim.notifications().find((x) => x.merchantNo === order.number)).toMatchObject({ delivered: true });
    await services.payments.dispatch(200, 0);
    expect(await orderRow()).toMatchObject({ status: "paid", settled_by: "callback" });
    const settles = await t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "payment.settle").where("target_id", "=", order.id).execute();
    expect(settles).toHaveLength(1);
  } finally {
    await app.close();
  }
});
