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
  // 收费与寄递: this item charges nothing through the platform.
  await page.getByRole("tab", { name: "收费与寄递" }).click();
  await expect(page.getByRole("switch", { name: "由平台收费" })).not.toBeChecked();
  await expect(page.getByLabel("邮寄费")).toHaveValue("0.00");
  await expectAccessible(page, "fees and postage");
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
  await expect(page.getByRole("term").filter({ hasText: /^承诺办结时限$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("5 个工作日");
  await expect(page.getByText("v2 ·")).toBeVisible();
  // The public sees what the new form asks; applying needs signing in.
  await expect(page.locator("#apply").getByText(/^营业时间/)).toBeVisible();
});

test("the catalogue round-trips through Excel; a bad workbook is refused with a report of each bad cell", async ({ page }) => {
  const ExcelJS = (await import("exceljs")).default;
  await loginAs(page, "catalog.admin.huangpu");
  await expect(page).toHaveURL(/workbench$/);
  await page.goto("/workbench/catalogue");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const download = await downloadPromise;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const items = wb.getWorksheet("实施清单")!;
  const headers = items.getRow(1).values as string[];
  items.getRow(2).getCell(headers.indexOf("网办深度（1-4）")).value = 9;
  const file = "tmp/e2e-bad-catalogue.xlsx";
  await wb.xlsx.writeFile(file);
  await page.locator("input[type=file]").setInputFiles(file);
  await expect(page.getByRole("dialog", { name: "导入检查报告" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "网办深度（1-4）" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "须为 1 到 4 之间的整数" })).toBeVisible();
  await expectAccessible(page, "import report");
});

test("the search vocabulary pages: synonyms and knowledge answers", async ({ page }) => {
  await loginAs(page, "catalog.admin");
  await expect(page).toHaveURL(/workbench$/);
  await page.goto("/workbench/synonyms");
  await expect(page.getByRole("cell", { name: "开公司", exact: true })).toBeVisible();
  await expectAccessible(page, "synonyms");
  await page.getByLabel("日常说法").fill("撸串摊");
  await page.getByRole("combobox", { name: "对应的规范说法", exact: true }).fill("食品经营许可");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: /添\s?加/ }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("开撸串摊")}`);
  await expect(page.getByRole("list", { name: "搜索结果" }).getByRole("listitem").first()).toContainText("食品经营许可");

  await page.goto("/workbench/answers");
  await expect(page.getByRole("cell", { name: "结婚登记要带什么？" })).toBeVisible();
  await expectAccessible(page, "answers");
});
