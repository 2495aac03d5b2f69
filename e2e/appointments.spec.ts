import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, pickDivision } from "./helpers";

test("a citizen books a window visit from a guide, moves it; the centre's clerk sees it and it can be cancelled", async ({ page }) => {
  await loginAs(page, "13800000003");
  await expect(page).toHaveURL(/\/me$/);
  const list = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const item = list.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001").implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局");
  await page.goto(`/items/${item.id}`);
  await page.getByRole("button", { name: "预约到窗口" }).click();
  await expect(page).toHaveURL(/\/me\/appointments\?itemId=/);
  // Nearby first: the citizen's street's centre, then the district's, then the city's.
  await pickDivision(page, "就近选择：您所在的区、街道（镇）", "黄浦区", "南京东路街道");
  await page.getByRole("combobox", { name: "服务中心" }).click();
  const offered = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option");
  await expect(offered.first()).toHaveText("南京东路街道社区事务受理服务中心");
  await expect(offered.nth(1)).toHaveText("黄浦区政务服务中心");
  await expect(offered.filter({ hasText: "徐汇区" })).toHaveCount(0);
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: "黄浦区政务服务中心" }).first().click();
  await page.getByRole("button", { name: /^09:00–10:00/ }).first().click();
  await expect(page.locator(".ant-modal-confirm-title")).toHaveText("预约成功");
  const code = (await page.locator(".ant-modal-confirm-content").textContent())!.match(/预约码 ([2-9A-Z]{8})/)![1]!;
  await page.locator(".ant-modal-confirm-btns button").click();
  await expect(page.getByRole("cell", { name: code })).toBeVisible();
  await expect(page.locator(".ant-modal-confirm")).toHaveCount(0); // the confirmation has faded out
  await expectAccessible(page, "my appointments");

  await page.getByRole("button", { name: /^改\s?约$/ }).click();
  await page.getByRole("dialog").getByRole("combobox", { name: "服务中心" }).click();
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: "黄浦区政务服务中心" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: /^14:00–15:00/ }).first().click();
  await expect(page.locator(".ant-modal-confirm-title")).toHaveText("已改约");
  await page.locator(".ant-modal-confirm-btns button").click();
  await expect(page.getByRole("cell", { name: /14:00–15:00/ })).toBeVisible();
  const [day] = (await page.getByRole("cell", { name: /14:00–15:00/ }).textContent())!.split(" ");

  await page.context().clearCookies();
  await loginAs(page, "window.huangpu");
  await expect(page).toHaveURL(/workbench$/);
  await page.getByRole("link", { name: "预约管理" }).click();
  await page.getByLabel("日期", { exact: true }).click();
  await page.getByLabel("日期", { exact: true }).fill(day!);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("cell", { name: code })).toBeVisible();
  await page.getByRole("heading", { level: 1, name: "预约管理" }).click(); // closes the date picker
  await expect(page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)")).toHaveCount(0);
  await expectAccessible(page, "centre appointments");

  await page.context().clearCookies();
  await loginAs(page, "13800000003");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/appointments");
  await page.getByRole("button", { name: "取消预约" }).click();
  await expect(page.getByRole("cell", { name: "已取消" })).toBeVisible();
});

test("a city administrator reads the calendar; a catalogue administrator sees an item's workflow checked live", async ({ page }) => {
  await loginAs(page, "admin");
  await expect(page).toHaveURL(/workbench$/);
  await page.getByRole("link", { name: "工作日历" }).click();
  await expect(page.getByRole("cell", { name: /春节（9 天）/ })).toBeVisible();
  await expectAccessible(page, "calendar");

  await page.context().clearCookies();
  await loginAs(page, "catalog.admin.huangpu");
  await expect(page).toHaveURL(/workbench$/);
  const list = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const item = list.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001").implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局");
  await page.goto(`/workbench/catalogue/items/${item.id}`);
  await expect(page.getByRole("heading", { name: "办理流程" })).toBeVisible();
  await expect(page.getByText("流程定义检查通过")).toBeVisible();
  // Remove the decisions: the editor shows the dead end and will not save.
  const approveRow = page.locator("tr", { has: page.locator("input[value='approve']") });
  await approveRow.getByRole("button", { name: /^删\s?除$/ }).click();
  const denyRow = page.locator("tr", { has: page.locator("input[value='deny']") });
  await denyRow.getByRole("button", { name: /^删\s?除$/ }).click();
  await expect(page.getByText("从状态“待决定”出发无法办结（存在死路）")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存流程" })).toBeDisabled();
  await expectAccessible(page, "workflow editor");
});
