import { afterAll, beforeAll, expect, it } from "vitest";
import type { PaymentSimulator } from "../../../simulators/payment/server";
import { startWithPayments } from "../../testing/payment-sim";
import { login, messagesWithoutEnglish, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let sim: PaymentSimulator;
let close: () => Promise<void>;
const call = (who: LoggedIn, method: "GET" | "POST", url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ({ t, sim, close } = await startWithPayments());
}, 60_000);
afterAll(async () => close());

/** 免申即享: the childcare subsidy offered to `mobile` and accepted; its application. */
async function granted(mobile: string) {
  await t.services.benefits.identify();
  const who = await login(t.app, mobile);
  const offer = (await call(who, "GET", "/me/benefits")).json().items.find((o: { itemName: string; status: string }) => o.itemName === "育儿补贴申领" && o.status === "offered");
  const grant = (await call(who, "POST", `/me/benefits/${offer.id}`, { accept: true })).json();
  expect(grant.status).toBe("granted");
  return { who, offerId: offer.id as string, applicationId: grant.applicationId as string, firstPayDate: grant.benefit.firstPayDate as string };
}

it("pays a granted benefit to the person's 社会保障卡金融账户 when its day comes, once a period, and stops at once on revocation", async () => {
  const li = await granted("13800000002");
  const plan = await t.database.db.selectFrom("payout_plans").selectAll().where("application_id", "=", li.applicationId).executeTakeFirstOrThrow();
  expect(plan).toMatchObject({ amount_fen: 360000, period: "yearly", next_pay_date: li.firstPayDate, status: "active" });
  // Not before its day; on its day one payout, the account read for the purpose and recorded.
  const dayBefore = new Date(Date.parse(`${li.firstPayDate}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  expect(await t.services.payouts.due(dayBefore)).toBe(0);
  expect(await t.services.payouts.due(li.firstPayDate)).toBe(1);
  expect(await t.services.payouts.due(li.firstPayDate)).toBe(0);
  const read = await t.database.db.selectFrom("audit_log").select(["purpose", "subject_person_id"]).where("action", "=", "person.read").where("subject_person_id", "=", plan.person_id).orderBy("seq", "desc").executeTakeFirstOrThrow();
  expect(read.purpose).toBe("待遇发放：育儿补贴申领");
  await t.services.payments.idle();
  expect(await sim.settled()).toBe(true);
  await t.services.payments.idle();
  const [paid] = (await call(li.who, "GET", `/applications/${li.applicationId}/payouts`)).json().items;
  expect(paid).toMatchObject({ amountFen: 360000, status: "succeeded", statusName: "已发放", bankName: "上海银行", accountMasked: expect.stringMatching(/^6231 \*{4} \*{4} \d{4}$/) });
  expect((await t.database.db.selectFrom("payout_plans").select("next_pay_date").where("application_id", "=", li.applicationId).executeTakeFirstOrThrow()).next_pay_date).toMatch(new RegExp(`^${Number(li.firstPayDate.slice(0, 4)) + 1}-`));
  // Another person does not see it.
  expect((await call(await login(t.app, "13800000001"), "GET", `/applications/${li.applicationId}/payouts`)).json().items).toEqual([]);

  // Revoked: nothing more is paid.
  expect((await call(await login(t.app, "supervisor"), "POST", `/benefit-offers/${li.offerId}/revoke`, { reason: "经核查，另一方已在外省市领取" })).statusCode).toBe(200);
  expect(await t.database.db.selectFrom("payout_plans").select(["status", "stop_reason"]).where("application_id", "=", li.applicationId).executeTakeFirstOrThrow()).toEqual({ status: "stopped", stop_reason: "经核查，另一方已在外省市领取" });
  await t.services.payouts.due(`${Number(li.firstPayDate.slice(0, 4)) + 2}-01-31`);
  expect(await t.database.db.selectFrom("payouts").select("id").where("application_id", "=", li.applicationId).execute()).toHaveLength(1);
  expect(await messagesWithoutEnglish(t)).toEqual([]);
});

it("returns a failed payout to the person and to staff, who send it again once the account is right", async () => {
  const zhou = await granted("13800000008");
  const plan = await t.database.db.selectFrom("payout_plans").selectAll().where("application_id", "=", zhou.applicationId).executeTakeFirstOrThrow();
  const good = await t.database.db.selectFrom("persons").select("payout_account_enc").where("id", "=", plan.person_id).executeTakeFirstOrThrow();
  // The registry holds a mistyped account (its check digit is wrong): the bank refuses it.
  const account = t.cipher.decrypt(good.payout_account_enc!);
  const wrong = account.slice(0, -1) + String((Number(account.at(-1)) + 1) % 10);
  await t.database.db.updateTable("persons").set({ payout_account_enc: t.cipher.encrypt(wrong) }).where("id", "=", plan.person_id).execute();
  expect(await t.services.payouts.due(zhou.firstPayDate)).toBe(1);
  await t.services.payments.idle();
  expect(await sim.settled()).toBe(true);
  await t.services.payments.idle();
  const finance = await login(t.app, "finance");
  const failed = (await call(finance, "GET", "/payouts?status=failed")).json().items.find((p: { applicationId: string }) => p.applicationId === zhou.applicationId);
  expect(failed).toMatchObject({ status: "failed", failure: "收款账号有误" });
  await messagesWithoutEnglish(t);
  const told = await t.database.db.selectFrom("messages").select("body").where("kind", "=", "payout_failed").where("link", "=", `/me/applications/${zhou.applicationId}`).executeTakeFirstOrThrow();
  expect(told.body).toContain("收款账号有误");
  // Not sent again while the account is still wrong? Staff put it right first (the registry), then send it again.
  expect((await call(await login(t.app, "review.psb.huangpu"), "POST", `/payouts/${failed.id}/retry`)).statusCode).toBe(403);
  await t.database.db.updateTable("persons").set({ payout_account_enc: good.payout_account_enc }).where("id", "=", plan.person_id).execute();
  expect((await call(finance, "POST", `/payouts/${failed.id}/retry`)).statusCode).toBe(200);
  expect((await call(finance, "POST", `/payouts/${failed.id}/retry`)).json().error.code).toBe("PAYOUT_NOT_RETRYABLE");
  await t.services.payments.idle();
  expect(await sim.settled()).toBe(true);
  await t.services.payments.idle();
  const [again] = (await call(zhou.who, "GET", `/applications/${zhou.applicationId}/payouts`)).json().items;
  expect(again).toMatchObject({ status: "succeeded", number: `${failed.number}R1` });
});

it("lets city finance staff submit a payout batch for a pay day up to two months ahead, and no one else", async () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const finance = await login(t.app, "finance");
  expect((await call(finance, "POST", "/payouts/batches", { payDate: "2020-01-01" })).json().error.code).toBe("PAYOUT_BATCH_DATE");
  expect((await call(finance, "POST", "/payouts/batches", { payDate: `${Number(today.slice(0, 4)) + 1}-12-31` })).json().error.code).toBe("PAYOUT_BATCH_DATE");
  expect((await call(await login(t.app, "approve.psb.huangpu"), "POST", "/payouts/batches", { payDate: today })).statusCode).toBe(403);
  const res = await call(finance, "POST", "/payouts/batches", { payDate: today });
  expect(res.statusCode).toBe(200);
  expect(typeof res.json().made).toBe("number");
  expect(await t.database.db.selectFrom("audit_log").select("details").where("action", "=", "payout.batch").executeTakeFirstOrThrow()).toMatchObject({ details: { payDate: today } });
});
