import { expect, test, type Page } from "@playwright/test";
import { demoPersons } from "../src/server/seed/demo-people";
import { apiAs, expectAccessible, switchTo, submitIdCardRenewal } from "./helpers";

/**
 * 统一支付 in the browser: 孙浩 (13800000007) applies to renew his ID card in 黄浦; once accepted, the 20 元
 * fee is paid at the payment platform's cashier (the local simulator, another origin) and the receipt
 * lands in his wallet; a refused application's fee goes back; city finance staff reconcile a day and
 * resolve a finding. No other browser test uses 孙浩's ID card renewal.
 */
const SUN = demoPersons().find((p) => p.mobile === "13800000007")!;

async function submitIdCard(page: Page) {
  await switchTo(page, SUN.mobile, /\/me$/);
  return submitIdCardRenewal(page, SUN);
}

async function staffAct(page: Page, username: string, id: string, action: string, opinion?: string) {
  await switchTo(page, username, /\/workbench/);
  const app = await apiAs(page, "GET", `/applications/${id}`);
  await apiAs(page, "POST", `/applications/${id}/actions`, { action, lockVersion: app.lockVersion, ...(opinion ? { opinion } : {}) });
}

test("a citizen pays a fee at the cashier after acceptance and finds the e-receipt in the wallet", async ({ page }) => {
  const app = await submitIdCard(page);
  await staffAct(page, "review.psb.huangpu", app.id, "accept");

  await switchTo(page, SUN.mobile, /\/me$/);
  await page.goto(`/me/applications/${app.id}`);
  await expect(page.getByText("待缴费：20.00 元")).toBeVisible();
  await expect(page.getByText(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/)).toBeVisible();
  await expectAccessible(page, "application with a fee to pay");
  await page.getByRole("button", { name: /在线缴费/ }).click();
  // The payment platform's cashier (another site): the amount, a way to pay.
  await expect(page.getByRole("heading", { name: "统一支付收银台（模拟）" })).toBeVisible();
  await expect(page.getByText("¥20.00")).toBeVisible();
  await page.getByLabel("手机钱包").check();
  await page.getByRole("button", { name: "确认支付" }).click();
  // Back on the application: the notification arrives, the fee shows paid, the receipt is verifiable.
  await expect(page).toHaveURL(new RegExp(`/me/applications/${app.id}`));
  await expect(page.getByText("缴费成功，申请将继续办理。")).toBeVisible();
  await expect(page.locator(".ant-tag", { hasText: "已缴费" })).toBeVisible();
  await expect(page.getByText("手机钱包").first()).toBeVisible();
  await page.getByRole("link", { name: "查验票据" }).click();
  await expect(page.getByText("财政电子票据").first()).toBeVisible();
  await expect(page.getByText(/真实有效/).first()).toBeVisible();
  await page.goto("/me/certificates");
  await expect(page.getByText("财政电子票据").first()).toBeVisible();
});

test("a refused application's fee goes back where it came from", async ({ page }) => {
  const app = await submitIdCard(page);
  await staffAct(page, "review.psb.huangpu", app.id, "accept");
  await switchTo(page, SUN.mobile, /\/me$/);
  const [order] = (await apiAs(page, "GET", `/applications/${app.id}/payments`)).items;
  const { cashierUrl } = await apiAs(page, "POST", `/payments/${order.id}/checkout`);
  await page.goto(cashierUrl);
  await page.getByRole("button", { name: "确认支付" }).click();
  await expect(page.getByText("缴费成功，申请将继续办理。")).toBeVisible();
  await staffAct(page, "review.psb.huangpu", app.id, "pass_review");
  await staffAct(page, "approve.psb.huangpu", app.id, "deny", "相片不符合居民身份证相片标准");

  await switchTo(page, SUN.mobile, /\/me$/);
  await page.goto(`/me/applications/${app.id}`);
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".ant-tag", { hasText: "已退款" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("20.00 元：已退款（申请不予许可，退还已缴费用）")).toBeVisible();
});

test("city finance staff see the orders, reconcile a day with the platform's statement and resolve a finding", async ({ page }) => {
  // The payment platform's statement for yesterday lists a payment the platform never made.
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const port = Number(new URL(test.info().project.use.baseURL!).port) + 50;
  await page.request.post(`http://127.0.0.1:${port}/sim/statement-lines`, { data: { date: yesterday, type: "payment", merchantNo: "310101209912310000001", providerNo: "PSTRAY", amountFen: 5000, at: `${yesterday}T02:00:00.000Z` } });

  await switchTo(page, "finance", /\/workbench/);
  await page.getByRole("link", { name: "缴费与对账" }).first().click();
  await expect(page.getByRole("heading", { name: "缴费与对账" })).toBeVisible();
  await expect(page.locator("tbody tr.ant-table-row").first()).toBeVisible();
  await expectAccessible(page, "finance orders");
  await page.getByRole("tab", { name: "每日对账" }).click();
  await page.getByRole("button", { name: "重新对账" }).click();
  const row = page.locator("tbody tr.ant-table-row", { hasText: "310101209912310000001" });
  await expect(row).toContainText("平台无记录（支付平台有）");
  await row.getByRole("button", { name: /^处\s?理$/ }).click();
  await page.getByLabel("核实情况与处理结果（必填）").fill("支付平台测试数据，与本平台无关，已联系支付平台更正");
  await page.getByRole("dialog").getByRole("button", { name: /^处\s?理$/ }).click();
  await expect(row).toContainText("支付平台测试数据，与本平台无关");
  await expectAccessible(page, "reconciliation");
});

test("a 免申即享 grant is paid out to the social security card account in finance's batch, and stopped by revocation", async ({ page }) => {
  // 周婷 (13800000008) consents to the childcare subsidy offered to her.
  await switchTo(page, "13800000008", /\/me$/);
  await page.goto("/me/benefits");
  const card = page.locator(".ant-card").filter({ hasText: "育儿补贴申领" });
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await card.getByRole("button", { name: "同意享受" }).click();
  await expect(card.getByText("已享受", { exact: true })).toBeVisible();
  const firstPay = (await card.textContent())!.match(/首次于 (\d{4}-\d{2}-\d{2})/)![1]!;
  const offer = ((await apiAs(page, "GET", "/me/benefits")).items as Array<{ id: string; itemName: string; applicationId: string }>).find((o) => o.itemName === "育儿补贴申领")!;

  // City finance submits the batch for that pay day; the payment platform pays it.
  await switchTo(page, "finance", /\/workbench/);
  await page.goto("/workbench/finance");
  await page.getByRole("tab", { name: "待遇发放" }).click();
  await page.getByLabel("发放日").fill(firstPay);
  await page.getByLabel("发放日").press("Enter");
  await page.getByRole("button", { name: "提交代发批次" }).click();
  await expect(page.getByText(/已提交 \d+ 笔发放/)).toBeVisible();
  const row = page.locator("tbody tr.ant-table-row", { hasText: "周婷" });
  await expect(async () => {
    await page.reload();
    await page.getByRole("tab", { name: "待遇发放" }).click();
    await expect(row.locator(".ant-tag", { hasText: "已发放" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText("3600.00 元");
  await expectAccessible(page, "payouts");

  // She sees where the money went; then the grant is revoked and it stops.
  await switchTo(page, "13800000008", /\/me$/);
  await page.goto(`/me/applications/${offer.applicationId}`);
  const payouts = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "待遇发放" }) });
  await expect(payouts.locator(".ant-tag", { hasText: "已发放" })).toBeVisible();
  await expect(payouts).toContainText(/发放至上海银行社会保障卡金融账户 6231 \*{4} \*{4} \d{4}/);
  await switchTo(page, "supervisor", /\/workbench/);
  await apiAs(page, "POST", `/benefit-offers/${offer.id}/revoke`, { reason: "经核查，已在外省市领取同类补贴" });
  await switchTo(page, "13800000008", /\/me$/);
  await page.goto(`/me/applications/${offer.applicationId}`);
  await expect(page.getByText("该待遇已停发。")).toBeVisible();
});
