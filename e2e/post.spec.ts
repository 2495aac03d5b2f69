import { expect, test, type Page } from "@playwright/test";
import { demoPersons } from "../src/server/seed/demo-people";
import { apiAs, expectAccessible, switchTo, typeAddress, submitIdCardRenewal } from "./helpers";

/**
 * 统一物流 in the browser: 郑国华 (13800000010) renews his ID card in 黄浦 and has it posted; the carrier
 * (the local postal simulator, moved on by the test) carries it to 签收. A second card posted to a flat
 * the carrier cannot find comes back, and the centre's window hands it to him on the pick-up code and
 * his ID. No other browser test uses 郑国华's ID card.
 */
const ZHENG = demoPersons().find((p) => p.mobile === "13800000010")!;
/** The postal simulator of this test's server (its port + 60, as playwright.config.ts sets). */
const postUrl = () => `http://127.0.0.1:${Number(new URL(test.info().project.use.baseURL!).port) + 60}`;

async function submitIdCard(page: Page, delivery: "post" | "pickup") {
  await switchTo(page, ZHENG.mobile, /\/me$/);
  return submitIdCardRenewal(page, ZHENG, delivery);
}

/** Accepted, the fee paid at the payment simulator, reviewed and approved. */
async function issue(page: Page, id: string) {
  const act = async (username: string, action: string) => {
    await switchTo(page, username, /\/workbench/);
    const app = await apiAs(page, "GET", `/applications/${id}`);
    await apiAs(page, "POST", `/applications/${id}/actions`, { action, lockVersion: app.lockVersion });
  };
  await act("review.psb.huangpu", "accept");
  await switchTo(page, ZHENG.mobile, /\/me$/);
  const [order] = (await apiAs(page, "GET", `/applications/${id}/payments`)).items;
  const { cashierUrl } = await apiAs(page, "POST", `/payments/${order.id}/checkout`);
  await page.goto(cashierUrl);
  await page.getByRole("button", { name: "确认支付" }).click();
  await expect(page.getByText("缴费成功，申请将继续办理。")).toBeVisible();
  await act("review.psb.huangpu", "pass_review");
  await act("approve.psb.huangpu", "approve");
}

async function moveParcel(page: Page, waybill: string, to: string) {
  const res = await page.request.post(`${postUrl()}/sim/shipments/${waybill}/advance`, { data: { to } });
  expect(res.ok()).toBe(true);
}

test("a citizen has the result posted to an address picked on the application page, and follows it to 签收", async ({ page }) => {
  const app = await submitIdCard(page, "pickup");
  await page.goto(`/me/applications/${app.id}`);
  const card = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "领取方式" }) });
  await card.getByLabel("邮寄送达（邮寄免费）").check();
  await typeAddress(page, "邮寄地址", "上海市黄浦区福州路100号3楼");
  await card.getByRole("button", { name: "保存领取方式" }).click();
  await expect(page.getByText("已保存领取方式")).toBeVisible();
  await expect(card.getByText("上海市黄浦区福州路****").first()).toBeVisible();
  await expectAccessible(page, "delivery choice");

  await issue(page, app.id);
  await switchTo(page, ZHENG.mobile, /\/me$/);
  await page.goto(`/me/applications/${app.id}`);
  await expect(card.locator(".ant-tag", { hasText: "已寄出" })).toBeVisible();
  const waybill = (await card.getByText(/^11\d{13}$/).first().textContent())!;
  await moveParcel(page, waybill, "delivered");
  await expect(async () => {
    await page.reload();
    await expect(card.locator(".ant-tag", { hasText: "已签收" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(card.getByText("投递员正在派送，请保持电话畅通")).toBeVisible();
  await expectAccessible(page, "delivery tracked");
});

test("a returned parcel waits at the centre and the window hands it over on the pick-up code and the ID card", async ({ page }) => {
  const app = await submitIdCard(page, "pickup");
  await apiAs(page, "PUT", `/applications/${app.id}/delivery`, { method: "post", address: "上海市黄浦区福州路100号9999室" });
  await issue(page, app.id);
  await switchTo(page, ZHENG.mobile, /\/me$/);
  const [delivery] = (await apiAs(page, "GET", `/applications/${app.id}/delivery`)).items;
  await moveParcel(page, delivery.waybillNo, "returned");
  await page.goto(`/me/applications/${app.id}`);
  const card = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "领取方式" }) });
  await expect(async () => {
    await page.reload();
    await expect(card.getByText("取件码：")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const code = (await card.locator("strong").filter({ hasText: /^\d{6}$/ }).textContent())!;
  await expect(card.getByText("黄浦区政务服务中心").first()).toBeVisible();

  await switchTo(page, "window.huangpu", /\/workbench/);
  await page.goto("/workbench/window");
  const row = page.locator("tbody tr.ant-table-row", { hasText: app.number });
  await expect(row).toContainText("居民身份证换领");
  await expectAccessible(page, "window pick-ups");
  await row.getByRole("button", { name: /^交\s?付$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("取件码（6 位）").fill(code);
  await dialog.getByLabel("领取人身份证号码").fill(ZHENG.idNumber);
  await dialog.getByRole("button", { name: /^交\s?付$/ }).click();
  await expect(page.getByText(`已交付：申请人本人（${ZHENG.name}）`)).toBeVisible();
  await expect(row).toHaveCount(0);
});
