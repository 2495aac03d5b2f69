import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs } from "./helpers";

const form: Record<string, string> = {
  企业名称: "上海明远科技有限公司",
  统一社会信用代码: "91310101MA00000078",
  法定代表人: "张伟明",
  经办人: "张伟明",
  经办人电话: "13800000001",
  "经营场所面积（平方米）": "120",
  经营场所地址: "上海市黄浦区四川中路213号",
};

test("apply online, the department asks for a supplement, the citizen fixes it, the department approves", async ({ page }) => {
  // The citizen applies for the 黄浦 food business licence.
  await loginAs(page, "13800000001");
  await expect(page).toHaveURL(/\/me$/);
  const list = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const entry = list.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001");
  const huangpu = entry.implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局");
  await page.goto(`/items/${huangpu.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "食品经营许可" })).toBeVisible();
  for (const [label, value] of Object.entries(form)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("combobox", { name: "经营项目" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.locator(".ant-select-item-option[title='食品销售']").click();
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.locator(".ant-modal-confirm-title")).toHaveText("申请已提交");
  const number = (await page.getByText(/办件编号：/).textContent())!.replace("办件编号：", "").trim();

  // The 黄浦 reviewer accepts it and asks for a supplement.
  await page.context().clearCookies();
  await loginAs(page, "review.amr.huangpu");
  await page.getByRole("link", { name: "待办件" }).click();
  await page.getByRole("link", { name: number }).click();
  await expectAccessible(page, "application detail (staff)");
  await page.getByRole("button", { name: /^受\s?理$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^受\s?理$/ }).click();
  await expect(page.getByText("待审查").first()).toBeVisible();
  await page.getByRole("button", { name: "一次性告知补正" }).click();
  await page.getByRole("combobox", { name: "需补正的内容" }).click();
  await page.locator(".ant-select-item-option[title='经营场所面积（平方米）']").click();
  await page.getByLabel("理由（必填）").fill("请补充经营场所平面布局图");
  await page.getByRole("dialog").getByRole("button", { name: "一次性告知补正" }).click();
  await expect(page.getByText("待补正").first()).toBeVisible();

  // The citizen sees exactly what to supply and resubmits.
  await page.context().clearCookies();
  await loginAs(page, "13800000001");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/applications");
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByText("请补充经营场所平面布局图", { exact: true })).toBeVisible();
  await expect(page.getByText(/需补正的内容：经营场所面积（平方米）/)).toBeVisible();
  await expectAccessible(page, "application detail (applicant)");
  await page.getByRole("button", { name: "补正后提交" }).click();
  await expect(page.getByText("待审查").first()).toBeVisible();

  // The reviewer passes it; the approver approves.
  await page.context().clearCookies();
  await loginAs(page, "review.amr.huangpu");
  await expect(page).toHaveURL(/workbench$/);
  await page.goto("/workbench/inbox");
  await page.getByRole("tab", { name: "待审查" }).click();
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: "审查通过" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "审查通过" }).click();
  await expect(page.getByText("待决定").first()).toBeVisible();
  await page.context().clearCookies();
  await loginAs(page, "approve.amr.huangpu");
  await expect(page).toHaveURL(/workbench$/);
  await page.goto("/workbench/inbox");
  await page.getByRole("tab", { name: "待决定" }).click();
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: /^准\s?予$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^准\s?予$/ }).click();
  await expect(page.getByText("准予许可").first()).toBeVisible();
});
