import { expect, test } from "@playwright/test";
import { demoPersons } from "../src/server/seed/demo-people";
import { expectAccessible, loginAs } from "./helpers";

const huang = demoPersons().find((p) => p.key === "p12")!;

test("registration checks the ID number in the browser, then registers a real person", async ({ page }) => {
  await page.goto("/register");
  await expectAccessible(page, "register");
  await page.getByLabel("姓名").fill(huang.name);
  await page.getByLabel("身份证号码").fill(huang.idNumber.slice(0, 17) + (huang.idNumber[17] === "1" ? "2" : "1"));
  await page.getByLabel("手机号码").fill("13700000012");
  await page.getByLabel("密码", { exact: true }).fill("Secret123");
  await page.getByLabel("确认密码").fill("Secret123");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByText("身份证号码校验位不正确，请核对后重新输入")).toBeVisible();

  await page.getByLabel("身份证号码").fill(huang.idNumber);
  await page.getByLabel("姓名").fill("黄丽");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByText("姓名与身份证号码不一致")).toBeVisible();

  await page.getByLabel("姓名").fill(huang.name);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("实名核验").first()).toBeVisible();
  await expect(page.getByText("实名注册核验").first()).toBeVisible();
});

test("a citizen logs in, sees the personal centre and switches to act for an enterprise", async ({ page }) => {
  await loginAs(page, "13800000001");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("310101********")).toBeVisible();
  await expect(page.getByText("138****0001")).toBeVisible();
  await expectAccessible(page, "personal centre");
  // Keyboard only: focus the switcher, open it, choose the enterprise.
  await page.getByRole("combobox", { name: "切换办事身份" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.locator('.ant-select-item-option[title="上海明远科技有限公司"]').click();
  await expect(page.getByText("已切换办事身份")).toBeVisible();
  await expect(page.getByRole("banner").getByText("张伟明（上海明远科技有限公司）")).toBeVisible();
});

test("the legal representative authorises and revokes an agent", async ({ page }) => {
  const sun = demoPersons().find((p) => p.key === "p07")!;
  await loginAs(page, "13800000001");
  await page.getByRole("link", { name: "管理经办人" }).click();
  await expect(page.getByRole("cell", { name: "刘芳" })).toBeVisible();
  await expectAccessible(page, "agents");
  await page.getByLabel("被授权人姓名").fill(sun.name);
  await page.getByLabel("被授权人身份证号码").fill(sun.idNumber);
  await page.getByLabel("授权截止日期").click();
  await page.getByLabel("授权截止日期").fill("2027-06-30");
  await page.getByLabel("授权截止日期").press("Enter");
  await page.getByRole("button", { name: "确认授权" }).click();
  await expect(page.getByText("授权成功")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(sun.name) });
  await row.getByRole("button", { name: "撤 销" }).or(row.getByRole("button", { name: "撤销" })).first().click();
  await page.getByRole("button", { name: /确\s?定|OK/ }).click();
  await expect(row.getByText("已撤销")).toBeVisible();
});

test("a window clerk's look-up appears in the citizen's data-use records", async ({ page }) => {
  const li = demoPersons().find((p) => p.key === "p02")!;
  await loginAs(page, "window.huangpu");
  await expect(page).toHaveURL(/\/workbench$/);
  await page.getByRole("link", { name: "人口信息查询" }).click();
  await expectAccessible(page, "person lookup");
  await page.getByLabel("身份证号码").fill(li.idNumber);
  await page.getByLabel("查询用途").fill("窗口受理核验申请人身份");
  await page.getByRole("button", { name: /查\s?询/ }).click();
  await expect(page.getByText("李雪梅")).toBeVisible();

  await page.context().clearCookies();
  await loginAs(page, "13800000002");
  await expect(page.getByRole("cell", { name: "窗口受理核验申请人身份" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "沈晓燕" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /黄浦区政务服务中心/ })).toBeVisible();
});
