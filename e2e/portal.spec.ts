import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test("the portal home speaks Chinese, offers search and the four entries, and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("一网好办");
  await expect(page.getByRole("searchbox", { name: "搜索办事事项" }).or(page.getByLabel("搜索办事事项")).first()).toBeVisible();
  for (const entry of ["个人办事", "法人办事", "一件事", "部门"]) await expect(page.getByRole("main").getByText(entry, { exact: true }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expectAccessible(page, "home zh");
});

test("switches to English and back; the choice reaches server error messages", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("One network");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page, "home en");
  await page.goto("/login");
  await page.getByLabel("Mobile / ID number / staff username").fill("13800000001");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password1");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByRole("alert")).toContainText("Wrong account or password");
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
});

test("departments list the city and district departments and link to their services", async ({ page }) => {
  await page.goto("/departments");
  await expect(page.getByText("上海市市场监督管理局")).toBeVisible();
  await expect(page.getByText("黄浦区市场监督管理局")).toBeVisible();
  await expectAccessible(page, "departments");
  await page.getByRole("listitem").filter({ hasText: "上海市市场监督管理局" }).getByRole("link", { name: "查看事项" }).click();
  await expect(page.getByRole("link", { name: "企业设立登记" }).first()).toBeVisible();
});

test("the API reference is browsable", async ({ page }) => {
  await page.goto("/api/docs/");
  await expect(page.getByText("Haoban (好办) API").first()).toBeVisible();
});
