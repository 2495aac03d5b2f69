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
