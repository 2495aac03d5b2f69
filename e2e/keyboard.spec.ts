import { expect, test, type Page } from "@playwright/test";
import { PASSWORD } from "./helpers";

/** Presses Tab until the focus is on `target` (at most `max` times); returns how many presses it took. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 30, key: "Tab" | "Shift+Tab" = "Tab"): Promise<number> {
  const path: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) return i;
    path.push(await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}.${document.activeElement?.className}:${document.activeElement?.textContent?.trim().slice(0, 8)}`));
  }
  throw new Error(`never reached by Tab; focus went: ${path.join(" → ")}`);
}

test("keyboard only: 登录 and 注册 are one stop each, sign-in returns to the page, the account menu opens with Enter and logs out", async ({ page }) => {
  await page.goto("/policies");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const login = page.getByRole("banner").getByRole("link", { name: "登录" });
  await tabTo(page, login);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("banner").getByRole("link", { name: "注册" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login\?next=%2Fpolicies$/);
  // The focus left the header for the page that opened.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
  await page.keyboard.press("Tab");
  await expect(page.locator("input#identifier")).toBeFocused();
  await page.keyboard.type("13800000003");
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/policies$/);

  const account = page.getByRole("button", { name: /王建国的账户菜单/ });
  await expect(account).toHaveAttribute("aria-expanded", "false");
  // From the page's content back up to the header's account menu.
  await tabTo(page, account, 60, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(account).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(account).toHaveAttribute("aria-expanded", "false");
  await expect(account).toBeFocused();
  await page.keyboard.press("Enter");
  const logout = page.getByRole("button", { name: "退出登录" });
  await tabTo(page, logout, 5);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
});

test("a search is one step back: Enter on a suggestion adds one history entry, and a 徐汇 resident is sent to 徐汇's 出生登记", async ({ page }) => {
  await page.goto("/login");
  await page.locator("input#identifier").fill("13800000003");
  await page.locator("input#password").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/");
  const box = page.getByLabel("搜索办事事项").first();
  await box.fill("出生登");
  await expect(page.locator(".ant-select-item-option").first()).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("list", { name: "搜索结果" })).toBeVisible();
  await page.goBack({ waitUntil: "commit", timeout: 10_000 });
  await expect(page).toHaveURL(/\/$/);

  await page.goto(`/search?q=${encodeURIComponent("出生登记")}`);
  const hit = page.getByRole("list", { name: "搜索结果" }).getByRole("listitem").filter({ hasText: "出生登记（新生儿落户）" });
  await expect(hit).toContainText("上海市公安局徐汇分局");
  await hit.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /出生登记/ })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^办理机构$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("上海市公安局徐汇分局");
  // Another place can be chosen, and the choice is remembered for the next search.
  await page.locator(".place-switch .ant-select-selector").click();
  await page.locator(".ant-select-item-option[title='上海市公安局闵行分局']").click();
  await expect(page.getByRole("term").filter({ hasText: /^办理机构$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("上海市公安局闵行分局");
  await expect(page.getByText("按您所在的区")).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent("出生登记")}`);
  await expect(hit).toContainText("上海市公安局闵行分局");
});
