import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fitsWidth, PASSWORD } from "./helpers";

/** Signs in on the sign-in page the app sent the person to (with its ?next=). */
async function signInHere(page: Page, who: string) {
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.locator("input#identifier").fill(who);
  await page.locator("input#password").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/login/);
}

const PUBLIC_PAGES = ["/", `/search?q=${encodeURIComponent("出生登记")}`, "/personal", "/enterprise", "/bundles", "/bundles/NEWBORN", "/departments", "/policies", "/login", "/register", "/ratings", "/performance", "/verify"];
const CITIZEN_PAGES = ["/me", "/me/applications", "/me/certificates", "/me/payments", "/me/benefits", "/me/ratings", "/me/appeals", "/appeals/new", "/me/appointments", "/messages", "/me/profile", "/me/bundles"];

test("on a phone the menu folds away, opens by tap or keyboard, and every target is at least 44 px", async ({ page }) => {
  await page.goto("/");
  const header = await page.getByRole("banner").boundingBox();
  expect(header!.height / page.viewportSize()!.height).toBeLessThan(0.2);
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  const menu = page.getByRole("button", { name: "菜单" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "一件事" }).click();
  await expect(page).toHaveURL(/\/bundles$/);
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await page.goto("/");
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("header a, header button, main a, main button, main input")]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ what: e.textContent?.trim() || e.getAttribute("aria-label") || e.tagName, ...e.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 && r.width > 0)
      .map((r) => `${r.what} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
});

test("出生登记 on a phone: from the home page, anonymous, through sign-in and back to the form, submitted with nothing typed", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  await page.getByLabel("搜索办事事项").first().fill("出生登记");
  await page.getByLabel("搜索办事事项").first().press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await page.getByRole("list", { name: "搜索结果" }).getByRole("link", { name: /出生登记/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /出生登记/ })).toBeVisible();
  await fitsWidth(page, "guide");
  await page.getByRole("button", { name: "在线办理" }).click();
  await signInHere(page, "13800000008");
  // Back on the same guide, at its form: the task was not lost.
  await expect(page).toHaveURL(/\/items\/[\w-]+\?apply=1$/);
  await expect(page.getByRole("heading", { name: "在线申请" })).toBeInViewport();
  await page.getByRole("button", { name: "同意并自动填写" }).click();
  await expect(page.getByLabel("新生儿姓名")).toHaveValue("吴思琪");
  await fitsWidth(page, "form");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeFocused();
  await fitsWidth(page, "receipt");
  await page.getByRole("link", { name: "查看办理进度" }).click();
  await expect(page).toHaveURL(/\/me\/applications\/[\w-]+$/);
  await expect(page.getByText("待受理").first()).toBeVisible();
  await fitsWidth(page, "application");
});

test("长辈模式 on a phone: large type, the services elders use, a help number; 郑国华 gets his 高龄津贴 in one click from the home page", async ({ page }) => {
  await page.goto("/");
  const elder = page.getByRole("button", { name: "长辈模式" });
  await expect(elder).toHaveAttribute("aria-pressed", "false");
  await elder.click();
  await expect(elder).toHaveAttribute("aria-pressed", "true");
  expect(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
  expect(parseFloat(await page.getByLabel("搜索办事事项").first().evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(18);
  for (const tile of ["养老金", "医保", "高龄津贴", "社保卡", "看病就医"]) await expect(page.getByRole("link", { name: tile, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "12345" })).toHaveAttribute("href", "tel:12345");
  await expect(page.getByText("热门搜索")).toHaveCount(0);
  await fitsWidth(page, "elder home");
  await expectAccessible(page, "elder home");
  // Remembered: the next visit is still in 长辈模式.
  await page.reload();
  await expect(page.getByRole("button", { name: "长辈模式" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "高龄津贴", exact: true }).click();
  await page.getByRole("list", { name: "搜索结果" }).getByRole("link", { name: /老年综合津贴/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /老年综合津贴/ })).toBeVisible();
  // What it pays is among the first facts, each band in its own section.
  await expect(page.getByText("每月 75 至 600 元，分 5 档")).toBeVisible();
  await expect(page.getByText("80 至 89 周岁：每月 180 元")).toBeVisible();
  await expectAccessible(page, "elder guide");
  await page.getByRole("button", { name: "在线办理" }).click();
  await signInHere(page, "13800000010");
  await expect(page).toHaveURL(/\?apply=1$/);
  // He lives in 徐汇: the guide offers the implementation of his own district.
  await expect(page.getByText("按您所在的区，可以由天平路街道办理")).toBeVisible();
  await page.getByRole("button", { name: "切换到这里" }).click();
  await expect(page.getByRole("combobox", { name: /办理地点/ })).toBeVisible();
  await expect(page.getByText("按您所在的区")).toHaveCount(0);
  await page.getByRole("button", { name: "同意并一键申请" }).click();
  await expect(page).toHaveURL(/\/me\/applications\/[\w-]+$/);
  await expect(page.getByText("准予给付").first()).toBeVisible();
  await expect(page.getByText("准予许可")).toHaveCount(0);
  await expect(page.getByText(/上海市敬老卡/).first()).toBeVisible();
  // The result says how much and when it is paid.
  await expect(page.getByText("待遇已核定")).toBeVisible();
  await expect(page.getByText(/^每月 180 元（80 至 89 周岁），首次于 \d{4}-\d{2}-\d{2} 发放至本人社会保障卡金融账户。$/)).toBeVisible();
  await expect(page.getByText(/符合自动审批条件（规则第 1 版）：年龄不小于 80 周岁（实际 80 周岁）：符合/).first()).toBeVisible();
  await fitsWidth(page, "elder application");
  await expectAccessible(page, "elder application");
});

test("every citizen page fits a 360 and a 390 px phone: no sideways scrolling, nothing cut off, axe clean (周婷, after her 出生登记)", async ({ page }) => {
  test.setTimeout(180_000);
  const guide = (await (await page.request.get(`/api/v1/search?type=item&q=${encodeURIComponent("出生登记")}&limit=1`)).json()).hits[0].id as string;
  const visit = async (paths: string[]) => {
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        await fitsWidth(page, path);
        if (width === 390) await expectAccessible(page, `${path} on a phone`);
      }
    }
  };
  await visit([...PUBLIC_PAGES, `/items/${guide}`]);
  await page.goto("/login");
  await page.locator("input#identifier").fill("13800000008");
  await page.locator("input#password").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/me$/);
  const mine = (await (await page.request.get("/api/v1/applications?limit=1")).json()).items as Array<{ id: string }>;
  await visit([...CITIZEN_PAGES, ...(mine[0] ? [`/me/applications/${mine[0].id}`] : [])]);
  // 我的办件 is a list of cards on a phone: the state and the deadline are on screen, not off to the right.
  await page.goto("/me/applications");
  const card = page.locator(".card-list > li").first();
  await expect(card.getByText("状态", { exact: true })).toBeInViewport();
  await expect(card.getByText("承诺期限", { exact: true })).toBeInViewport();
});
