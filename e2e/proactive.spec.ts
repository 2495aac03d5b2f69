import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, switchTo } from "./helpers";

/** The proactive job runs when the server starts: wait for its message to reach the message centre. */
async function messageArrives(page: Page, title: string) {
  await expect(async () => {
    await page.goto("/messages");
    await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
}

// He applies in one click on a phone, in 长辈模式 (phone.spec.ts).
test("郑国华 turns 80: told of the 高龄 allowance, invited to apply in one click", async ({ page }) => {
  await switchTo(page, "13800000010", /\/me$/);
  await messageArrives(page, "您可能需要办理：老年综合津贴（高龄津贴）");
  await expect(page.getByText(/因为您已年满 80 周岁且为本市户籍，可以申领高龄津贴/)).toBeVisible();
  await expectAccessible(page, "messages with a proactive push");
  await page.getByRole("link", { name: "您可能需要办理：老年综合津贴（高龄津贴）" }).click();
  await expect(page).toHaveURL(/\/items\/[\w-]+\?oneclick=1$/);
  await expect(page.getByText("您可能需要办理此事项")).toBeVisible();
  await expectAccessible(page, "guide with one-click application");
  await expect(page.getByRole("button", { name: "同意并一键申请" })).toBeVisible();
});

test("an enterprise whose food licence expires next month is reminded, with the service to renew it", async ({ page }) => {
  await switchTo(page, "13800000005", /\/me$/);
  await messageArrives(page, "您可能需要办理：食品经营许可延续");
  await expect(page.getByText(/【浦东新区志强小吃店】因为企业的食品经营许可证将在 30 天内到期/)).toBeVisible();
});

test("政策找人: a district publishes a policy and sees the enterprises it applies to, with the conditions each met", async ({ page }) => {
  await switchTo(page, "catalog.admin.huangpu", /workbench$/);
  await page.getByRole("link", { name: "政策找人" }).click();
  await expect(page.getByRole("heading", { name: "政策找人" })).toBeVisible();
  const docNumber = `黄府办规〔2026〕${Date.now() % 100000}号`;
  await page.getByLabel("文号").fill(docNumber);
  await page.getByLabel("施行日期").fill("2026-12-01");
  await page.getByLabel("标题").fill("黄浦区支持软件和信息技术服务业发展若干措施");
  await page.getByLabel("正文").fill("为支持本区软件和信息技术服务业高质量发展，制定本措施。");
  await page.getByLabel("适用条件（规则 JSON）").fill(JSON.stringify({ all: [{ fact: "enterprise.district", op: "eq", value: "310101" }, { fact: "enterprise.industry", op: "eq", value: "软件和信息技术服务业" }] }));
  await page.getByLabel("告知内容").fill("贵企业可能符合黄浦区软件和信息技术服务业扶持政策，请查看政策详情并按要求申报。");
  await page.getByRole("button", { name: "发布政策" }).click();
  const row = page.getByRole("row").filter({ hasText: docNumber });
  await expect(async () => {
    await page.reload();
    await expect(row.getByText("已完成")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.locator(".ant-message-notice")).toHaveCount(0);
  await expectAccessible(page, "policy matching");
  await row.getByRole("link", { name: "黄浦区支持软件和信息技术服务业发展若干措施" }).click();
  const match = page.getByRole("row").filter({ hasText: "上海明远科技有限公司" });
  await expect(match).toContainText("行业为 软件和信息技术服务业（实际 软件和信息技术服务业）：符合");
  await expectAccessible(page, "policy matches");
});

test("免申即享: 李雪梅 is offered the childcare subsidy and consents; it is granted at once", async ({ page }) => {
  await switchTo(page, "13800000002", /\/me$/);
  await page.getByRole("link", { name: "我的待遇（免申即享）" }).click();
  const card = page.locator(".ant-card").filter({ hasText: "育儿补贴申领" });
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(card).toContainText(/最小子女月龄小于 36 个月（实际 \d+ 个月）：符合/);
  await expectAccessible(page, "my benefits");
  await card.getByRole("button", { name: "同意享受" }).click();
  await expect(card.getByText("已享受", { exact: true })).toBeVisible();
  // The result says how much and when it is paid; every check she met reads 符合.
  await expect(card).toContainText(/待遇已核定每年 3600 元（每名 3 周岁以下婴幼儿），首次于 \d{4}-\d{2}-\d{2} 发放至本人社会保障卡金融账户/);
  await expect(card).toContainText("已享受的待遇不包含 育儿补贴申领（实际 无）：符合");
  await expect(card.getByText(/：不符合/)).toHaveCount(0);
  await expect(card.getByRole("link", { name: /^办件 / })).toBeVisible();
  await switchTo(page, "supervisor", /workbench$/);
  await page.goto("/workbench/benefits");
  await expect(page.getByRole("row").filter({ hasText: "李雪梅" })).toContainText("已享受");
  await expectAccessible(page, "benefit grants");
  await page.goto("/workbench/auto-checks");
  await expect(page.getByRole("heading", { name: "秒批抽检" })).toBeVisible();
  // The supervisor's switch per item: 育儿补贴 among the items with a rule.
  await expect(page.getByRole("row").filter({ hasText: "育儿补贴申领" }).getByRole("switch")).toBeChecked();
  await expectAccessible(page, "auto-approval re-checks");
});
