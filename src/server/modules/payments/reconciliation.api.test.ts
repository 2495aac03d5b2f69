import { afterAll, beforeAll, expect, it } from "vitest";
import { chinaToday } from "../../../shared/china-time";
import type { PaymentSimulator } from "../../../simulators/payment/server";
import { act, withMaterials } from "../../testing/factories";
import { startWithPayments, idCardRenewalItem } from "../../testing/payment-sim";
import { login, type LoggedIn, type TestApp } from "../../testing/test-app";
import { demoPersons } from "../../seed/demo-people";

let t: TestApp;
let sim: PaymentSimulator;
let close: () => Promise<void>;
const call = (who: LoggedIn, method: "GET" | "POST", url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

// The platform's clock moves a day ahead after the payments, so that today's payments are yesterday's to reconcile.
let offset = 0;
beforeAll(async () => {
  ({ t, sim, close } = await startWithPayments({}, { now: () => new Date(Date.now() + offset) }));
}, 60_000);
afterAll(async () => close());

async function paidOrder() {
  const citizen = await login(t.app, "13800000001");
  const zhang = demoPersons().find((p) => p.name === "张伟明")!;
  const itemId = await idCardRenewalItem(t);
  const payload = await withMaterials(t, citizen, { itemId, formData: { name: zhang.name, idNumber: zhang.idNumber, mobile: "13800000001", reason: "expired", delivery: "pickup" } });
  const id = (await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload })).json().id as string;
  expect((await act(t, await login(t.app, "review.psb.huangpu"), id, "accept")).statusCode).toBe(200);
  const order = (await call(citizen, "GET", `/applications/${id}/payments`)).json().items[0];
  await call(citizen, "POST", `/payments/${order.id}/checkout`);
  const row = await t.database.db.selectFrom("payment_orders").select("provider_order_no").where("id", "=", order.id).executeTakeFirstOrThrow();
  await fetch(`${sim.url}/sim/orders/${row.provider_order_no}/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(await sim.settled()).toBe(true);
  await t.services.payments.idle();
  return order as { id: string; number: string };
}

it("matches a day's statement with the platform's records, raises each difference once, and finance staff resolve them with a reason", async () => {
  const day = chinaToday(new Date());
  const [a, b, c] = [await paidOrder(), await paidOrder(), await paidOrder()];
  // The platform's record of one says 30 元; the provider lists another twice and one we never made; one we hold as paid is not in its statement.
  await t.database.db.updateTable("payment_orders").set({ amount_fen: 3000 }).where("id", "=", b.id).execute();
  await fetch(`${sim.url}/sim/statement-lines`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ date: day, type: "payment", merchantNo: a.number, providerNo: "PDUP", amountFen: 2000, at: new Date().toISOString() }) });
  await fetch(`${sim.url}/sim/statement-lines`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ date: day, type: "payment", merchantNo: "31010120261206999", providerNo: "PUNKNOWN", amountFen: 5000, at: new Date().toISOString() }) });
  // And one order the platform knows under another number than the provider: missing on each side.
  const platformOnly = await t.database.db.selectFrom("payment_orders").select(["number", "amount_fen"]).where("id", "=", c.id).executeTakeFirstOrThrow();
  await t.database.db.updateTable("payment_orders").set({ number: `${platformOnly.number}9` }).where("id", "=", c.id).execute();

  offset = 86_400_000;
  const result = await t.services.reconciliation.run(day);
  const kinds = result.findings.map((f) => [f.kind, f.merchantNo]);
  expect(kinds).toEqual(expect.arrayContaining([["amount_mismatch", b.number], ["duplicate", a.number], ["missing_on_platform", "31010120261206999"], ["missing_on_platform", platformOnly.number], ["missing_at_provider", `${platformOnly.number}9`]]));
  expect(result.run).toMatchObject({ day, findings: result.findings.length, openFindings: result.findings.length });

  // Only the city's finance staff see and resolve it.
  expect((await call(await login(t.app, "approve.psb.huangpu"), "GET", `/reconciliation/${day}`)).statusCode).toBe(403);
  const finance = await login(t.app, "finance");
  const listed = (await call(finance, "GET", "/reconciliation")).json().items;
  expect(listed[0]).toMatchObject({ day, openFindings: result.findings.length });
  const mismatch = result.findings.find((f) => f.kind === "amount_mismatch")!;
  expect((await call(finance, "POST", `/reconciliation/findings/${mismatch.id}/resolve`, { reason: "  " })).statusCode).toBe(400);
  const resolved = (await call(finance, "POST", `/reconciliation/findings/${mismatch.id}/resolve`, { reason: "平台记录有误，已按支付平台金额 20 元核对更正" })).json();
  expect(resolved.findings.find((f: { id: string }) => f.id === mismatch.id)).toMatchObject({ status: "resolved", resolvedBy: "何晓芳" });
  expect((await call(finance, "POST", `/reconciliation/findings/${mismatch.id}/resolve`, { reason: "再次处理" })).json().error.code).toBe("FINDING_RESOLVED");
  // Run again: the resolved finding stays resolved and is not raised twice; the open ones are the same.
  const again = (await call(finance, "POST", `/reconciliation/${day}/run`)).json();
  expect(again.findings.filter((f: { kind: string; merchantNo: string }) => f.kind === "amount_mismatch" && f.merchantNo === b.number)).toEqual([expect.objectContaining({ status: "resolved" })]);
  expect(again.run.openFindings).toBe(result.findings.length - 1);
  // Today is not over: it cannot be reconciled yet.
  expect((await call(finance, "POST", `/reconciliation/${chinaToday(new Date(Date.now() + offset))}/run`)).json().error.code).toBe("RECONCILIATION_DAY_OPEN");
  const audits = await t.database.db.selectFrom("audit_log").select("action").where("action", "in", ["payment.reconcile", "payment.finding_resolve"]).execute();
  expect(audits.map((x) => x.action).sort()).toEqual(["payment.finding_resolve", "payment.reconcile", "payment.reconcile"]);
});
