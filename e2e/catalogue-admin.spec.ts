import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs } from "./helpers";

test("an administrator edits a guide and its form, publishes through review, and the public sees the new version", async ({ page }) => {
  await loginAs(page, "catalog.admin.huangpu");
  await page.getByRole("link", { name: "事项管理" }).click();
  await page.getByLabel("按事项名称、编码或机构搜索").fill("食品经营许可");
  await page.getByLabel("按事项名称、编码或机构搜索").press("Enter");
  await page.getByRole("link", { name: "食品经营许可" }).click();
  await expectAccessible(page, "item versions");
  await page.getByRole("button", { name: "新建草稿" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("编辑草稿 v2");

  await page.getByRole("tab", { name: "办事指南" }).click();
  await page.getByLabel("承诺办结时限").fill("5");
  await page.getByRole("tab", { name: "表单设计" }).click();
  await page.getByRole("button", { name: "添加字段" }).click();
  const last = page.getByLabel(/^字段名称 \d+$/).last();
  await last.fill("营业时间");
  await page.getByLabel(/^标识 \d+$/).last().fill("openingHours");
  await expect(page.getByRole("main").getByText("营业时间", { exact: true }).last()).toBeVisible(); // live preview
  await expectAccessible(page, "form builder");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();

  await page.getByRole("tab", { name: "指南预览" }).click();
  await expect(page.getByText("这是草稿的预览，发布前公众看不到。")).toBeVisible();

  await page.getByRole("link", { name: "返回版本记录" }).click();
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交审核")).toBeVisible();
  await expect(page.getByRole("button", { name: "审核通过并发布" })).toBeVisible();
  await page.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(page.getByText("不能审核自己提交的版本")).toBeVisible();
  const url = page.url();

  await page.context().clearCookies();
  await loginAs(page, "catalog.admin");
  await expect(page).toHaveURL(/workbench$/);
  await page.goto(url);
  await page.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(page.getByText("已审核通过并发布")).toBeVisible();
  await expect(page.getByRole("cell", { name: "承诺时限（工作日）" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /表单字段：营业时间/ })).toBeVisible();

  await page.context().clearCookies();
  const itemId = url.split("/").pop()!;
  await page.goto(`/items/${itemId}`);
  await expect(page.getByRole("row", { name: /承诺办结时限\s*5 个工作日/ })).toBeVisible();
  await expect(page.getByText("v2 ·")).toBeVisible();
  await expect(page.getByLabel("营业时间")).toBeVisible();
});
