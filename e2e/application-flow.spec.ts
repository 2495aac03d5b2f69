import { expect, test, type Page } from "@playwright/test";
import { springPort } from "../playwright.config";
import { samplePng } from "../src/server/testing/sample-files";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { apiAs, expectAccessible, pickAddress, switchTo } from "./helpers";

// These journeys run on the server whose clock starts on Thursday 12 February 2026, before the Spring Festival.
// The browser is in UTC (a visitor abroad, a machine set to UTC): pages must still show China's dates and times.
test.use({ baseURL: `http://localhost:${springPort}`, timezoneId: "UTC" });

const form: Record<string, string> = {
  企业名称: "上海明远科技有限公司",
  统一社会信用代码: "91310101MA00000078",
  法定代表人: "张伟明",
  经办人: "张伟明",
  经办人电话: "13800000001",
  "经营场所面积（平方米）": "120",
};

async function fillFoodLicenceForm(page: Page, values = form) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  // The premises are picked from the address registry (上海市黄浦区四川中路213号5楼, the company's registered address).
  await pickAddress(page, "经营场所地址", ["黄浦区", "外滩街道", "四川中路", "213号", "5楼"]);
  await page.getByRole("combobox", { name: "经营项目" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.locator(".ant-select-item-option[title='食品销售']").click();
}

async function implementationAt(page: Page, orgName: string): Promise<string> {
  const list = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const entry = list.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001");
  return entry.implementations.find((i: { orgName: string }) => i.orgName === orgName).id;
}


test("apply online with a material, a supplement is asked and answered, approved; deadlines count working days across the Spring Festival", async ({ page }) => {
  // The citizen applies for the 黄浦 food business licence, with a scanned layout plan.
  await switchTo(page, "13800000001", /\/me$/);
  await page.goto(`/items/${await implementationAt(page, "黄浦区市场监督管理局")}`);
  await expect(page.getByRole("heading", { level: 1, name: "食品经营许可" })).toBeVisible();
  await fillFoodLicenceForm(page);
  // Autosaved a moment after the last change (a loaded machine may take a while).
  await expect(page.getByRole("status").filter({ hasText: "草稿已自动保存" })).toBeVisible({ timeout: 30_000 });
  await page.locator(".ant-list-item", { hasText: "经营场所平面布局图" }).locator("input[type=file]").setInputFiles({ name: "平面布局图.png", mimeType: "image/png", buffer: samplePng() });
  await expect(page.getByRole("link", { name: "平面布局图.png" })).toBeVisible();
  // The layout plan is no longer among what is missing; the rest is named, and — 食品经营许可 accepting
  // a written promise (告知承诺制) — he promises to supply it.
  await expect(page.getByRole("status").filter({ hasText: /^还缺 \d+ 份材料/ })).not.toContainText("经营场所平面布局图");
  await page.getByRole("button", { name: "提交申请" }).click();
  const promise = page.getByRole("dialog").filter({ hasText: /还缺 \d+ 份材料/ });
  await expect(promise).toContainText("本事项实行告知承诺制");
  await promise.getByRole("button", { name: "承诺并提交" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeFocused();
  await expect(page.getByRole("link", { name: "查看办理进度" })).toBeVisible();
  const number = (await page.getByText(/办件编号：/).textContent())!.replace("办件编号：", "").trim();
  expect(number).toMatch(/^310101-20260212-\d{6}$/);
  // 7 working days from 12 Feb: 13 and 14 (a make-up Saturday), the holiday 15–23, then 24–27 and 28 (a make-up Saturday).
  await expect(page.getByText("承诺办结期限：2026-02-28", { exact: false })).toBeVisible();
  await page.getByRole("link", { name: "打印受理回执" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "受理回执" })).toBeVisible();
  await expect(page.getByText("承诺办结期限：2026年2月28日", { exact: false })).toBeVisible();
  await expect(page.locator(".ant-modal-confirm")).toHaveCount(0);
  await expectAccessible(page, "receipt");

  // The 黄浦 reviewer claims it, previews the material, accepts it and asks once for a supplement.
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await page.getByRole("link", { name: "待办件" }).click();
  await page.getByRole("button", { name: `认领 ${number}` }).click();
  await page.getByRole("tab", { name: "我认领的" }).click();
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("img", { name: "经营场所平面布局图及设备布局、工艺流程说明" })).toBeVisible();
  await expectAccessible(page, "application detail (staff)");
  await page.getByRole("button", { name: /^受\s?理$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^受\s?理$/ }).click();
  await expect(page.getByText("待审查").first()).toBeVisible();
  await page.getByRole("button", { name: "一次性告知补正" }).click();
  await page.getByRole("combobox", { name: "需补正的内容" }).click();
  await page.locator(".ant-select-item-option[title='经营场所面积（平方米）']").click();
  await page.getByLabel("理由（必填）").fill("请核实经营场所面积");
  await page.getByRole("dialog").getByRole("button", { name: "一次性告知补正" }).click();
  await expect(page.getByText("待补正").first()).toBeVisible();

  // The citizen is told, sees exactly what to fix, prints the notice and resubmits.
  await switchTo(page, "13800000001", /\/me$/);
  await page.goto("/messages");
  await expect(page.getByRole("link", { name: "申请需要补正" })).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, "message centre");
  await page.getByRole("link", { name: "申请需要补正" }).click();
  await expect(page.getByText("请核实经营场所面积", { exact: true })).toBeVisible();
  await expect(page.getByText(/需补正的内容：经营场所面积（平方米）/)).toBeVisible();
  await expectAccessible(page, "application detail (applicant)");
  await page.getByRole("button", { name: "补正告知书" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "补正材料告知书" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "经营场所面积（平方米）" })).toBeVisible();
  await page.goBack();
  await page.getByLabel("经营场所面积（平方米）", { exact: true }).fill("126");
  await page.getByRole("button", { name: "补正后提交" }).click();
  await expect(page.getByText("待审查").first()).toBeVisible();
  await expect(page.getByText("2026-02-28").first()).toBeVisible();

  // The reviewer passes it; the approver approves; the decision prints.
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await page.goto("/workbench/inbox");
  await page.getByRole("tab", { name: "待审查" }).click();
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: "审查通过" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "审查通过" }).click();
  await expect(page.getByText("待决定").first()).toBeVisible();
  await switchTo(page, "approve.amr.huangpu", /workbench$/);
  await page.goto("/workbench/inbox");
  await page.getByRole("tab", { name: "待决定" }).click();
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: /^准\s?予$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^准\s?予$/ }).click();
  await expect(page.getByText("准予许可").first()).toBeVisible();
  await expect(page.getByText("已颁发电子证照")).toBeVisible();
  await page.getByRole("button", { name: "决定书" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "准予行政许可决定书" })).toBeVisible();

  // The licence the approval issued is checked by anyone, without logging in.
  await page.goBack();
  const verifyHref = await page.getByRole("link", { name: "核验" }).getAttribute("href");
  await page.context().clearCookies();
  await page.goto(verifyHref!);
  await expect(page.getByText("证照真实有效")).toBeVisible();
  await expect(page.getByText("上海明远**有限公司")).toBeVisible();
  await expectAccessible(page, "certificate verification");
});

test("a walk-in at a 黄浦 window applies for a 浦东 item; it lands in 浦东's inbox and the person sees it online", async ({ page }) => {
  await switchTo(page, "window.huangpu", /workbench$/);
  await page.getByRole("link", { name: "窗口收件" }).click();
  // 刘芳, the authorised agent (经办人) of 上海明远科技有限公司, walks in for it.
  await page.getByLabel("证件号码").fill("310112199204185129");
  await page.getByRole("button", { name: "核验身份" }).click();
  await expect(page.getByText("310112********5129")).toBeVisible();
  await expectAccessible(page, "window intake");
  await page.getByRole("combobox", { name: "搜索事项名称" }).fill("食品经营许可");
  await page.locator(".ant-select-item-option", { hasText: "浦东新区市场监督管理局" }).first().click();
  await fillFoodLicenceForm(page, { ...form, 经办人: "刘芳", 经办人电话: "13800000006" });
  await page.getByRole("button", { name: "提交并打印回执" }).click();
  // A loaded machine may take a while (the generated documents are rendered after the submission, by the jobs).
  await expect(page.getByRole("heading", { level: 1, name: "受理回执" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("转浦东新区市场监督管理局办理", { exact: false })).toBeVisible();
  const number = (await page.locator(".doc-number").textContent())!.trim();
  expect(number).toMatch(/^310115-20260212-/);

  await switchTo(page, "review.amr.pudong", /workbench$/);
  await page.goto("/workbench/inbox");
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await page.goto("/workbench/inbox");
  await page.getByRole("tab", { name: "全部" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("link", { name: number })).toHaveCount(0);

  await switchTo(page, "13800000006", /\/me$/);
  await page.goto("/me/applications");
  await expect(page.getByRole("link", { name: number })).toBeVisible();
});

test("every date and time is China's: at 07:30 on 12 February in China (23:30 on the 11th in UTC) the number, dates and timeline say 12 February", async ({ page }) => {
  await switchTo(page, "13800000006", /\/me$/); // 刘芳, the company's authorised agent
  const receipt = await apiAs(page, "POST", "/applications", { itemId: await implementationAt(page, "黄浦区市场监督管理局"), formData: { ...FOOD_LICENCE_FORM, contact: "刘芳", contactMobile: "13800000006" }, promise: true });
  expect(receipt.number).toMatch(/^310101-20260212-/);
  await page.goto("/me/applications");
  const row = page.getByRole("row").filter({ hasText: receipt.number });
  await expect(row).toContainText("2026-02-12");
  await expect(row).not.toContainText("2026-02-11");
  await row.getByRole("link", { name: receipt.number }).click();
  await expect(page.getByText(/2026-02-12 0[78]:\d\d/).first()).toBeVisible();
  await expect(page.getByText(/2026-02-11/)).toHaveCount(0);
  await page.goto("/messages");
  await expect(page.getByText(/2026-02-12 0[78]:\d\d/).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/2026-02-11/)).toHaveCount(0);
});
