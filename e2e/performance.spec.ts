import { expect, test } from "@playwright/test";
import { expectAccessible, switchTo } from "./helpers";

test("效能监督: the city supervisor reads the months' figures, drills from the on-time rate to the late cases and opens one", async ({ page }) => {
  await switchTo(page, "supervisor", /\/workbench$/);
  await page.getByRole("link", { name: "效能监督" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "效能监督" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^数据更新于 \d{4}-\d{2}-\d{2}/ })).toBeVisible();
  // Months of history: figures, weekly charts and departments.
  const received = page.locator(".ant-statistic").filter({ hasText: "受理件数" }).locator(".ant-statistic-content-value");
  await expect(received).not.toHaveText("0");
  await expect(page.getByRole("img", { name: /^每周办结件数：/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "各部门" })).toBeVisible();
  const departments = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "各部门" }) }).locator("tbody tr.ant-table-row");
  expect(await departments.count()).toBeGreaterThan(3);
  await expectAccessible(page, "performance dashboard");

  // The cases behind the on-time rate: those decided after their committed deadline.
  await page.getByRole("button", { name: "按承诺时限办结率：查看办件" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toContainText(/超过承诺时限办结：全部（共 [1-9]\d* 件）/);
  const first = drawer.locator("tbody tr.ant-table-row").first();
  await expect(first.getByRole("cell").nth(3)).toHaveText(/^.\*+.?$|^.\*$/); // the applicant's name masked
  // Each was decided later than its limit allows: used working days exceed the committed limit.
  const [used, limit] = (await first.getByRole("cell").last().textContent())!.split(" / ").map(Number);
  expect(used!).toBeGreaterThan(limit!);
  await expectAccessible(page, "performance drill-down");
  const number = (await first.getByRole("link").textContent())!;
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/workbench\/applications\/[\w-]+$/);
  await expect(page.getByText(number).first()).toBeVisible();

  // The same figures download as a workbook for the chosen period.
  await page.goBack();
  const href = await page.getByRole("link", { name: "导出 Excel" }).getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/supervision\/performance\/export\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("spreadsheetml");
});

test("政务公开: anyone reads last month's figures per department and service, with no one's name, and downloads them", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "政务服务效能公开" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "政务服务效能公开" })).toBeVisible();
  // Last month, in China: a whole month of the demo's history.
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).split("-").map(Number) as [number, number];
  const last = m === 1 ? `${y - 1} 年 12 月` : `${y} 年 ${m - 1} 月`;
  // The selector, not the input: the chosen month's label lies over the input.
  await page.getByRole("combobox", { name: "月份" }).locator("xpath=ancestor::div[contains(@class,'ant-select-selector')][1]").click();
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: last }).click();
  await expect(page.getByRole("combobox", { name: "月份" }).locator("xpath=ancestor::div[contains(@class,'ant-select')][1]")).toContainText(last);
  const departments = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "各部门" }) }).locator("tbody tr.ant-table-row");
  await expect(departments.first()).toBeVisible();
  expect(await departments.count()).toBeGreaterThan(3);
  await expect(page.getByRole("columnheader", { name: "12345 按时答复率" })).toBeVisible();
  // Totals only: no applicant, no case number, no masked name.
  const text = (await page.locator("main").textContent())!;
  expect(text).not.toMatch(/\*|申请人|办件编号|D31\d{4}-/);
  await expectAccessible(page, "public performance");
  const csv = await page.request.get((await page.getByRole("link", { name: "下载 CSV" }).getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toContain("类别,部门,事项,受理件数");
});
