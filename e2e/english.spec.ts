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

test("in English, the platform's own words follow: guide facts and headings, popular searches, application states; catalogue text is marked Chinese", async ({ page, context }) => {
  await context.addCookies([{ name: "haoban_lang", value: "en", url: test.info().project.use.baseURL! }]);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Start a company" })).toHaveAttribute("href", `/search?q=${encodeURIComponent("开公司")}`);
  await page.goto(`/search?q=${encodeURIComponent("出生登记")}`);
  await page.getByRole("list", { name: "Results" }).getByRole("link", { name: /出生登记/ }).first().click();
  await expect(page.getByText("This service's guide is published in Chinese only")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("[lang='zh-CN']")).toContainText("出生登记");
  for (const heading of ["Conditions", "Materials", "Application form (preview)"]) await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  await expect(page.getByRole("term").first()).toHaveText("How long");
  await expectAccessible(page, "en guide");

  // 李雪梅 applied for her residence permit earlier in the run (application.spec.ts).
  await loginAs(page, "13800000002", "Haoban@2026");
  await expect(page).toHaveURL(/\/me$/);
  await page.goto("/me/applications");
  await expect(page.getByRole("cell", { name: "Awaiting acceptance" }).first()).toBeVisible();
  await expect(page.getByText("待受理")).toHaveCount(0);
  // An official document stays in Chinese, marked as such, with a note saying why.
  await page.getByRole("link", { name: /^\d{6}-\d{8}-\d{6}$/ }).first().click();
  await page.getByRole("button", { name: "Receipt" }).click();
  await expect(page.getByText("Official documents are issued in Chinese, the language in which they have legal effect.")).toBeVisible();
  await expect(page.locator("article[lang='zh-CN']").getByRole("heading", { level: 1 })).toHaveText("受理回执");
  await expectAccessible(page, "en document");
});
