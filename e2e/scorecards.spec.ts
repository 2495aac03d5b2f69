import { expect, test } from "@playwright/test";
import { expectAccessible, switchTo } from "./helpers";

test("督办: the city supervisor drills from a department's on-time rate to its overdue cases and sends the department an order", async ({ page }) => {
  await switchTo(page, "supervisor", /\/workbench$/);
  await page.getByRole("link", { name: "效能监督" }).click();
  const departments = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "各部门" }) });
  await expect(departments.locator("tbody tr.ant-table-row").first()).toBeVisible();
  // A department with cases overdue now, beside its on-time rate.
  const row = departments
    .locator("tbody tr.ant-table-row")
    .filter({ has: page.getByRole("button", { name: /当前超期 \d+：查看办件$/ }) })
    .filter({ hasText: "%" })
    .first();
  const orgName = (await row.getByRole("cell").first().textContent())!;
  await expect(row.getByRole("cell").nth(3)).toHaveText(/%$/);
  const overdue = row.getByRole("button", { name: new RegExp(`^${orgName}当前超期 \\d+：查看办件$`) });
  await overdue.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toContainText(new RegExp(`当前超期：${orgName}（共 [1-9]\\d* 件）`));
  const cases = await drawer.locator("tbody tr.ant-table-row").count();
  expect(cases).toBeGreaterThan(0);

  await drawer.getByRole("button", { name: "发送督办" }).click();
  const dialog = page.getByRole("dialog", { name: `向 ${orgName} 发送督办` });
  await expect(dialog.getByLabel("督办事由")).toHaveValue(new RegExp(`^${orgName}：当前超期办件 \\d+ 件$`));
  await expect(dialog).toContainText(`随附本页所列 ${cases} 件办件`);
  await dialog.getByLabel("整改期限（工作日）").fill("5");
  await expectAccessible(page, "send an order");
  await dialog.getByRole("button", { name: /发送督办|发\s?送/ }).last().click();

  // The order, followed like a 差评 case: the department, the cases, the deadline and what happens next.
  await expect(page).toHaveURL(/\/workbench\/orders\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^督办单 DB\d{12} 整改中$/ })).toBeVisible();
  await expect(page.getByText(orgName).first()).toBeVisible();
  await expect(page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "所涉办件" }) }).locator("tbody tr.ant-table-row")).toHaveCount(cases);
  await expect(page.getByText(/发出督办 · /)).toBeVisible();
  await expectAccessible(page, "order page");
  await page.goto("/workbench");
  await page.getByRole("link", { name: "督办单" }).click();
  await expect(page.getByRole("row").filter({ hasText: orgName }).first()).toContainText("整改中");
});

test("绩效考核: the city supervisor ranks last month's departments, opens a score's calculation and sees the rectification list", async ({ page }) => {
  await switchTo(page, "supervisor", /\/workbench$/);
  await page.getByRole("link", { name: "绩效考核" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "绩效考核" })).toBeVisible();
  const ranking = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "绩效考核" }) }).locator("tbody tr.ant-table-row");
  await expect(ranking.first()).toBeVisible();
  expect(await ranking.count()).toBeGreaterThan(3);
  await expect(ranking.first().getByRole("cell").nth(1)).toHaveText("1");
  // Scores fall down the ranking.
  const scores = await ranking.evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll("td")[3]?.textContent)));
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  // The first department's calculation: every indicator with its value, basis, thresholds, weight and points.
  await ranking.first().getByRole("button", { name: /展开行|Expand row/ }).click();
  const calc = page.getByRole("table", { name: /：计算过程$/ });
  await expect(calc.getByRole("row").filter({ hasText: "按承诺时限办结率（越高越好）" })).toBeVisible();
  await expect(calc.getByRole("row").filter({ hasText: "补正率（越低越好）" })).toBeVisible();
  await expectAccessible(page, "scorecard");
  await expect(page.getByRole("heading", { name: "本月整改清单" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "考核设置" })).toBeVisible();
  await expect(page.getByRole("button", { name: "调整考核设置" })).toBeVisible();
});
