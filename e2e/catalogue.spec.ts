import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test("a citizen finds a service from everyday words, with suggestions, highlights and filters", async ({ page }) => {
  await page.goto("/");
  const box = page.getByLabel("搜索办事事项").first();
  await box.fill("居住");
  await expect(page.locator(".ant-select-item-option[title='上海市居住证办理']")).toBeVisible();
  await box.fill("开公司");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  // The life event comes first, the service itself right after it.
  const results = page.getByRole("list", { name: "搜索结果" }).getByRole("listitem");
  await expect(results.first()).toContainText("企业开办一件事");
  await expect(results.nth(1)).toContainText("企业设立登记");
  await expect(page.getByText("已为您同时搜索")).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await expectAccessible(page, "search results");

  await page.getByRole("navigation", { name: "结果类型" }).getByRole("link", { name: "政策文件" }).click();
  await expect(results.first()).toContainText("营商环境");

  await page.goto(`/search?q=${encodeURIComponent("yyzz")}`);
  await expect(results.first()).toContainText("企业设立登记");

  await page.goto(`/search?q=${encodeURIComponent("量子纠缠火箭")}`);
  await expect(page.getByText("暂未找到与“量子纠缠火箭”相关的内容")).toBeVisible();
});

test("browsing by theme leads to a complete, printable guide whose form validates like the server", async ({ page }) => {
  await page.goto("/personal");
  await expectAccessible(page, "personal catalogue");
  await page.getByText("生育", { exact: true }).click();
  await expect(page).toHaveURL(/theme=birth/);
  await page.getByRole("link", { name: "出生医学证明签发" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "出生医学证明签发" })).toBeVisible();
  // What a citizen wants first: how long, the cost, visits, online or not, what to bring — then the one action.
  const facts = page.getByRole("definition");
  await expect(page.getByRole("term").first()).toHaveText("办理时间");
  await expect(facts.first()).not.toBeEmpty();
  for (const term of ["费用", "跑动次数", "网上办理", "需要材料", "办理机构"]) await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  expect(headings).toEqual(["受理条件", "申请材料", "办理流程与时限", "收费标准", "办理地点与渠道", "常见问题", "相关政策", "申请表单（预览）", "事项信息"]);
  // Codes and the registry's record come last, never before the facts.
  const firstCode = await page.getByText("基本编码").boundingBox();
  const firstFact = await page.getByText("办理时间").first().boundingBox();
  expect(firstCode!.y).toBeGreaterThan(firstFact!.y);
  await expect(page.getByText("可由居民身份证替代").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "在线办理" })).toBeVisible();
  await expect(page.getByText("对应数据元")).toHaveCount(0);
  await expectAccessible(page, "guide");

  // Anonymous: applying sends the person to sign in, and back to this guide's form afterwards.
  const guideUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "在线办理" }).click();
  await page.waitForURL((u) => u.pathname === "/login" && u.searchParams.get("next") === `${guideUrl}?apply=1`);
  await page.locator("input#identifier").fill("13800000002");
  await page.locator("input#password").fill("Haoban@2026");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((u) => u.pathname === guideUrl && u.searchParams.get("apply") === "1");
  await expect(page.getByRole("heading", { name: "在线申请" })).toBeVisible();
  await expect(page.getByText("对应数据元")).toHaveCount(0);

  // A wrong answer: a summary at the top and the focus on the first field to change.
  await page.getByLabel("母亲身份证号码").fill("110105194912310021");
  await page.getByRole("button", { name: "提交申请" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "处需要修改" });
  await expect(summary).toContainText("“母亲身份证号码”不是有效的身份证号码");
  await expect(page.getByText("请填写“新生儿姓名”").first()).toBeVisible();
  const firstLink = summary.getByRole("link").first();
  const target = (await firstLink.getAttribute("href"))!.slice(1);
  await expect(page.locator(`[id="${target}"]`)).toBeFocused();
  await expectAccessible(page, "guide with form errors");
  await page.context().clearCookies();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "在线办理" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: /新生儿出生“一件事”工作方案/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("一件事");
  await expect(page.getByRole("heading", { name: "适用事项" })).toBeVisible();
});

test("the policy library searches full text, filters by status and shows the revision chain", async ({ page }) => {
  await page.goto("/policies");
  await expectAccessible(page, "policies");
  await page.getByRole("combobox", { name: "效力状态" }).click();
  await page.locator(".ant-select-item-option[title='已修订']").click();
  await page.getByRole("link", { name: /食品经营许可管理实施办法（旧版/ }).click();
  await expect(page.getByText("本文件已修订，请以新文件为准")).toBeVisible();
  await page.getByRole("alert").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "本文件取代的文件" })).toBeVisible();
  await expectAccessible(page, "policy");

  await page.goto("/policies");
  await page.getByLabel("搜索政策标题、文号或全文").fill("延迟退休");
  await page.getByLabel("搜索政策标题、文号或全文").press("Enter");
  await expect(page.getByRole("main").getByRole("listitem").first()).toContainText("渐进式延迟法定退休年龄");
});

test("the catalogue administrator's audit page shows real completeness and consistency findings", async ({ page }) => {
  const { loginAs } = await import("./helpers");
  await loginAs(page, "catalog.admin");
  await page.getByRole("link", { name: "目录质量审计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "目录质量审计" })).toBeVisible();
  await expect(page.getByRole("row", { name: /公章刻制备案.*办理时间.*投诉电话/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /XK00001001-3-310112-AMR.*公司设立登记.*待说明理由/ })).toBeVisible();
  await expect(page.getByText(/已说明：浦东新区/).first()).toBeVisible();
  await expectAccessible(page, "catalogue audit");
});
