import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs } from "./helpers";

test.use({ locale: "en-GB" });

test("every page works in English and passes axe", async ({ page, context }) => {
  await context.addCookies([{ name: "haoban_lang", value: "en", url: test.info().project.use.baseURL! }]);
  for (const [path, heading] of [
    ["/", "One network"],
    ["/personal", "Services for citizens"],
    ["/departments", "Departments"],
    ["/login", "Log in"],
    ["/register", "Register"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
    await expectAccessible(page, `en ${path}`);
  }
  await page.getByLabel("Name").fill("<b>x</b>");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByText("Enter your Resident ID number")).toBeVisible();

  await loginAs(page, "13800000006", "Haoban@2026");
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
  await expect(page.getByText("Agent", { exact: true })).toBeVisible();
  await expectAccessible(page, "en /me");

  await context.clearCookies();
  await context.addCookies([{ name: "haoban_lang", value: "en", url: test.info().project.use.baseURL! }]);
  await loginAs(page, "admin", "Haoban@2026");
  await expect(page.getByRole("heading", { name: "Workbench" })).toBeVisible();
  await page.getByRole("link", { name: "Staff administration" }).click();
  await expect(page.getByRole("heading", { name: "Staff administration" })).toBeVisible();
  await expectAccessible(page, "en staff admin");
});
