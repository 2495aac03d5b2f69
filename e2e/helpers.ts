import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "Haoban@2026";

/** Fails on serious or critical axe violations (WCAG 2.1 A/AA rules), listing them. */
export async function expectAccessible(page: Page, label: string) {
  // Colours are measured at rest: a toast fading in would otherwise be judged at half its opacity.
  // An animation may start a frame or two later (a closing dropdown, a button turning pressed): wait until none is left.
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let round = 0; round < 20; round++) {
      await frame();
      const running = document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

export async function loginAs(page: Page, identifier: string, password = PASSWORD) {
  await page.goto("/login");
  await page.locator("input#identifier").fill(identifier);
  await page.locator("input#password").fill(password);
  await page.locator("form button[type=submit]").click();
}

export async function logout(page: Page) {
  await page.context().clearCookies();
}

/** Logs out and in as someone else, and waits for their home page. */
export async function switchTo(page: Page, who: string, home: RegExp) {
  await page.context().clearCookies();
  await loginAs(page, who);
  await expect(page).toHaveURL(home);
}

/** A staff member opens an application from an inbox tab by its number and takes an action, confirming it. */
export async function actOnApplication(page: Page, number: string, tab: string, button: RegExp) {
  await page.goto("/workbench/inbox");
  await page.getByRole("tab", { name: tab }).click();
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("dialog").getByRole("button", { name: button }).click();
}

/** Calls the API as the logged-in user of the page (with the session's CSRF token); the call must succeed. */
export async function apiAs(page: Page, method: "GET" | "POST" | "PUT", path: string, data?: unknown) {
  const me = await (await page.request.get("/api/v1/me")).json();
  const res = await page.request.fetch(`/api/v1${path}`, { method, headers: { "x-csrf-token": me.csrfToken }, ...(data ? { data } : {}) });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

/**
 * Ticks a checkbox or radio of a controlled antd group: clicks it, then waits for the ticked state the
 * form renders (Playwright's check() reads the state at once and may see the render before it).
 */
export async function tick(box: Locator) {
  await box.click();
  await expect(box).toBeChecked();
}

/** Picks a division by name in an address picker (行政区划): the district, then a street or town when given. */
export async function pickDivision(page: Page, label: string, district: string, street?: string) {
  // The selector, not the input: a chosen value's label lies over the input.
  await page.getByRole("combobox", { name: label }).locator("xpath=ancestor::div[contains(@class,'ant-select-selector')][1]").click();
  const menu = page.locator(".ant-cascader-dropdown:not(.ant-select-dropdown-hidden)");
  await menu.locator(".ant-cascader-menu-item", { hasText: district }).click();
  if (street) await menu.locator(".ant-cascader-menu-item", { hasText: street }).click();
  else await page.keyboard.press("Escape");
}

/** Picks a street address from the address registry: district, street or town, road, door and (if any) room. */
export async function pickAddress(page: Page, label: string, path: string[]) {
  await page.getByRole("combobox", { name: label }).locator("xpath=ancestor::div[contains(@class,'ant-select-selector')][1]").click();
  const menu = page.locator(".ant-cascader-dropdown:not(.ant-select-dropdown-hidden)");
  for (const [i, part] of path.entries()) {
    const item = menu.locator(".ant-cascader-menu").nth(i).locator(".ant-cascader-menu-item-content").getByText(part, { exact: true });
    await item.click();
  }
  await expect(menu).toHaveCount(0);
}

/** Types a street address the registry lacks (the picker's free-text way), which is then checked. */
export async function typeAddress(page: Page, label: string, text: string, switchToTyping = true) {
  const item = page.locator(".ant-form-item").filter({ has: page.getByText(label, { exact: true }) });
  if (switchToTyping) await item.getByRole("button", { name: "地址库中没有？手动填写" }).click();
  await item.getByLabel(label).fill(text);
  await item.getByLabel(label).blur();
}

/** Nothing wider than the screen: no sideways scrolling. */
export async function fitsWidth(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} at ${page.viewportSize()!.width} px`).toBeLessThanOrEqual(1);
}

/**
 * The signed-in citizen renews their ID card in 黄浦 (居民身份证换领), through the API: a small PDF for each
 * material asked of everyone, and the form with `delivery` (pickup or post). Returns the receipt.
 */
export async function submitIdCardRenewal(page: Page, person: { name: string; idNumber: string; mobile: string }, delivery: "post" | "pickup" = "pickup"): Promise<{ id: string; number: string }> {
  const { samplePdf } = await import("../src/server/testing/sample-files");
  const entries = (await apiAs(page, "GET", "/catalogue/items?region=310101&kind=QR")).items as Array<{ basicCode: string; implementations: Array<{ id: string; regionCode: string }> }>;
  const item = entries.find((e) => e.basicCode === "QR00003002")!.implementations.find((i) => i.regionCode === "310101")!;
  const detail = await apiAs(page, "GET", `/catalogue/items/${item.id}`);
  const me = await (await page.request.get("/api/v1/me")).json();
  const materials = [];
  for (const m of detail.content.guide.materials as Array<{ key: string; name: string; situation?: string }>) {
    if (m.situation) continue;
    const res = await page.request.post("/api/v1/files", { headers: { "x-csrf-token": me.csrfToken, "content-type": "application/pdf", "x-file-name": encodeURIComponent(`${m.name}.pdf`) }, data: samplePdf(m.name) });
    expect(res.ok(), await res.text()).toBe(true);
    materials.push({ materialKey: m.key, fileId: (await res.json()).id });
  }
  return apiAs(page, "POST", "/applications", { itemId: item.id, formData: { name: person.name, idNumber: person.idNumber, mobile: person.mobile, reason: "expired", delivery }, materials });
}
