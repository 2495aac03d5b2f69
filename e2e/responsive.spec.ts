import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs } from "./helpers";

test("the home page and personal centre fit a phone screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectAccessible(page, "home phone");
  await loginAs(page, "13800000005");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("我的数据使用记录").first()).toBeVisible();
  const overflowMe = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflowMe).toBeLessThanOrEqual(1);
});
