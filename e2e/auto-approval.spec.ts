import { expect, test } from "@playwright/test";
import { expectAccessible, switchTo } from "./helpers";

test("秒批: a catalogue administrator sees an item's auto-approval rule and tests it against demo people", async ({ page }) => {
  await switchTo(page, "catalog.admin", /workbench$/);
  const items = await (await page.request.get("/api/v1/catalogue/items?department=CA&kind=JF")).json();
  const entry = items.items.find((e: { basicCode: string }) => e.basicCode === "JF00003000");
  const itemId = entry.implementations.find((i: { orgName: string }) => i.orgName === "江宁路街道").id;
  await page.goto(`/workbench/catalogue/items/${itemId}`);
  await expect(page.getByRole("heading", { name: "秒批（自动审批）规则" })).toBeVisible();
  await expect(page.getByLabel("规则（JSON）")).toHaveValue(/person\.age/);
  const subject = page.getByRole("textbox", { name: "测试对象：身份证号码或统一社会信用代码" });
  await subject.fill("310106194402085081"); // 赵秀英, 82
  await page.getByRole("button", { name: "测试规则" }).click();
  await expect(page.getByRole("status").filter({ hasText: "赵秀英" })).toContainText("符合");
  await expect(page.getByText("年龄不小于 80 周岁（实际 82 周岁）：符合")).toBeVisible();
  await subject.fill("310104196611155070"); // 王建国, 60
  await page.getByRole("button", { name: "测试规则" }).click();
  await expect(page.getByText("年龄不小于 80 周岁（实际 60 周岁）：不符合")).toBeVisible();
  await expectAccessible(page, "auto-approval rule");
});

test("为您推荐 and 我的画像: 赵秀英 is told of the elderly allowance with the reason, and sees what it is derived from", async ({ page }) => {
  await switchTo(page, "13800000004", /\/me$/);
  await expect(page.getByRole("heading", { name: "为您推荐" })).toBeVisible();
  await expect(page.getByText(/因为您已年满 8\d 周岁且为本市户籍，可以申领高龄津贴/)).toBeVisible();
  await expect(page.getByRole("link", { name: "老年综合津贴申领" })).toBeVisible();
  await expectAccessible(page, "personal centre with recommendations");
  await page.getByRole("link", { name: "我的画像" }).click();
  await expect(page.getByRole("heading", { name: "赵秀英的画像" })).toBeVisible();
  await expect(page.getByRole("row", { name: /年龄 8\d 人口库/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /持有的电子证照 .*居民身份证.* 电子证照库/ })).toBeVisible();
  await expectAccessible(page, "my profile");
});
