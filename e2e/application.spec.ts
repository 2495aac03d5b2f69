import { expect, test } from "@playwright/test";
import { samplePng } from "../src/server/testing/sample-files";
import { expectAccessible, loginAs, pickAddress } from "./helpers";

test("a citizen applies online from the guide and sees the application with its deadline", async ({ page }) => {
  await loginAs(page, "13800000002");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto(`/search?q=${encodeURIComponent("居住证办理")}`);
  await page.getByRole("link", { name: /上海市居住证办理/ }).first().click();
  await page.getByRole("button", { name: "在线办理" }).click();
  await page.getByLabel("申请人姓名").fill("李雪梅");
  await page.getByLabel("身份证号码").fill("310101198706205042");
  await page.getByLabel("联系电话").fill("13800000002");
  // The address is picked from the address registry, not typed; its street fills 居住地所在街镇 (by name, not as a code).
  await pickAddress(page, "居住地址", ["黄浦区", "南京东路街道", "福州路", "61弄1号", "101室"]);
  await expect(page.getByRole("combobox", { name: "居住地址" }).locator("xpath=ancestor::div[contains(@class,'ant-cascader')][1]")).toContainText("上海市黄浦区福州路61弄1号101室");
  await expect(page.getByRole("combobox", { name: "居住地所在街镇" }).locator("xpath=ancestor::div[contains(@class,'ant-cascader')][1]")).toContainText("黄浦区 / 南京东路街道");
  // She uploads nothing and declined nothing: the form names what is still missing before she submits.
  await expect(page.getByRole("status").filter({ hasText: /^还缺 4 份材料：申请人有效身份证件、合法稳定居住证明、就业证明、近期一寸免冠照片。/ })).toBeVisible();
  // Submitting without them is not possible here (this service takes no written promise): she is sent to upload them.
  await page.getByRole("button", { name: "提交申请" }).click();
  const missing = page.getByRole("dialog").filter({ hasText: "还缺 4 份材料" });
  await expect(missing).toContainText("这些材料须上传后才能提交");
  await missing.getByRole("button", { name: "去上传" }).click();
  for (const name of ["申请人有效身份证件", "合法稳定居住证明", "就业证明", "近期一寸免冠照片"]) {
    await page.locator(".ant-list-item", { hasText: name }).locator("input[type=file]").setInputFiles({ name: `${name}.png`, mimeType: "image/png", buffer: samplePng() });
    await expect(page.getByRole("link", { name: `${name}.png` })).toBeVisible();
  }
  await expect(page.getByRole("status").filter({ hasText: "所需材料已齐全" })).toBeVisible();
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeFocused();
  await expect(page.getByRole("link", { name: "查看办理进度" })).toBeVisible();
  const number = (await page.getByText(/办件编号：/).textContent())!.replace("办件编号：", "").trim();
  expect(number).toMatch(/^310101-\d{8}-\d{6}$/);
  await page.getByRole("link", { name: "打印受理回执" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "受理回执" })).toBeVisible();
  await expect(page.locator(".doc-number")).toHaveText(number);

  await page.goto("/me/applications");
  await expect(page.getByRole("cell", { name: number })).toBeVisible();
  await expect(page.getByRole("cell", { name: "待受理" })).toBeVisible();
  await expectAccessible(page, "my applications");

  await page.goto("/me/certificates");
  // Certificates she already held before using the platform: the ID card and the household register.
  await expect(page.getByText("居民身份证").first()).toBeVisible();
  await expectAccessible(page, "my certificates");
});
