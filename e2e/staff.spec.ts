import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, tick } from "./helpers";

const ROLE_HOMES: Array<{ user: string; org: string; role: string; tools: string[]; not: string[] }> = [
  { user: "admin", org: "上海市", role: "系统管理员", tools: ["工作人员管理"], not: ["人口信息查询"] },
  { user: "catalog.admin", org: "上海市", role: "事项管理员", tools: ["目录质量审计"], not: ["工作人员管理"] },
  { user: "data.admin", org: "上海市大数据中心", role: "数据管理员", tools: ["人口信息查询"], not: ["工作人员管理"] },
  { user: "window.huangpu", org: "黄浦区政务服务中心综合受理一号窗口", role: "窗口人员", tools: ["人口信息查询"], not: ["工作人员管理"] },
  { user: "review.amr", org: "上海市市场监督管理局", role: "审核人员", tools: ["人口信息查询"], not: ["工作人员管理"] },
  { user: "hotline.agent", org: "上海市12345市民服务热线管理中心", role: "热线坐席", tools: ["人口信息查询"], not: ["工作人员管理"] },
  { user: "supervisor", org: "上海市人民政府办公厅", role: "效能监督", tools: ["目录质量审计"], not: ["工作人员管理", "人口信息查询"] },
];

for (const r of ROLE_HOMES) {
  test(`${r.user} lands on the workbench with org, role and the right tools`, async ({ page }) => {
    await loginAs(page, r.user);
    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByText(r.org, { exact: true })).toBeVisible();
    await expect(page.getByText(r.role, { exact: true }).first()).toBeVisible();
    for (const tool of r.tools) await expect(page.getByRole("heading", { name: tool })).toBeVisible();
    for (const tool of r.not) await expect(page.getByRole("heading", { name: tool })).toHaveCount(0);
    if (r.user === "admin") await expectAccessible(page, "workbench");
  });
}

test("a citizen cannot open the workbench; staff cannot open staff administration without the role", async ({ page }) => {
  await loginAs(page, "13800000003");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/workbench");
  await expect(page.getByText("您没有访问此页面的权限")).toBeVisible();
  await page.context().clearCookies();
  await loginAs(page, "window.huangpu");
  await expect(page).toHaveURL(/\/workbench$/);
  await page.goto("/workbench/staff");
  await expect(page.getByText("您没有访问此页面的权限")).toBeVisible();
});

test("Huangpu's administrator manages Huangpu staff only, and adds a window clerk", async ({ page }) => {
  await loginAs(page, "admin.huangpu");
  await page.getByRole("link", { name: "工作人员管理" }).click();
  await expect(page.getByRole("cell", { name: "window.huangpu", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "review.amr", exact: true })).toHaveCount(0);
  await expectAccessible(page, "staff admin");

  await page.getByRole("button", { name: "新增工作人员" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("用户名").fill("window.huangpu.e2e");
  await dialog.getByLabel("姓名").fill("测试窗口");
  await dialog.getByLabel("所属机构").click();
  await page.getByTitle("黄浦区", { exact: true }).click();
  await tick(dialog.getByLabel("窗口人员"));
  await dialog.getByLabel("初始密码").fill("Window2026");
  await dialog.getByRole("button", { name: /保\s?存/ }).click();
  await expect(page.getByText("已新增工作人员")).toBeVisible();
  await expect(page.getByRole("cell", { name: "window.huangpu.e2e", exact: true })).toBeVisible();
});

test("a supervisor opens the inbox of the whole city: overdue and due-soon applications, read-only", async ({ page }) => {
  await loginAs(page, "supervisor");
  await expect(page).toHaveURL(/workbench$/);
  await page.getByRole("link", { name: "待办件" }).first().click();
  await expect(page).toHaveURL(/\/workbench\/inbox$/);
  await expect(page.getByRole("tab", { name: "已超期" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "即将到期" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "待受理" })).toHaveCount(0);
  await expect(page.getByText("可查看和指派，不能办理")).toBeVisible();
  await page.getByRole("tab", { name: "全部" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("button", { name: /^认领/ })).toHaveCount(0);
  await expectAccessible(page, "supervisor inbox");
});
