import { expect, test } from "@playwright/test";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { apiAs, expectAccessible, switchTo } from "./helpers";

test("待办 at volume: a reviewer accepts five cases with the keyboard and 下一件 without going back to the inbox, then writes a 补正 from templates with a preview", async ({ page }) => {
  // 刘芳, the authorised agent of 上海明远, applies six times for its 黄浦 food business licence (告知承诺).
  await switchTo(page, "13800000006", /\/me$/);
  const items = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const itemId = items.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001").implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局").id;
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await apiAs(page, "POST", "/applications", { itemId, formData: { ...FOOD_LICENCE_FORM, contact: "刘芳", contactMobile: "13800000006" }, promise: true })).id);

  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await page.goto("/workbench/inbox");
  // The staff navigation: the sections of the reviewer's roles, with what waits in each, and the department.
  const staffNav = page.getByRole("navigation", { name: "工作台导航" });
  await expect(staffNav.getByRole("link", { name: /^待办件 \d+ ?件待办/ })).toBeVisible();
  await expect(staffNav.getByRole("link", { name: /^差评工单/ })).toBeVisible();
  await expect(staffNav).toContainText("黄浦区市场监督管理局");
  // The tabs are the workflow's states with their counts.
  const pending = page.getByRole("tab", { name: /^待受理 \d+$/ });
  await expect(pending).toBeVisible();
  await expect(page.getByRole("tab", { name: /^待补正 \d+$/ })).toBeVisible();
  await pending.click();
  await page.getByRole("searchbox", { name: "办件编号或申请人" }).fill("刘芳");
  await page.getByRole("searchbox", { name: "办件编号或申请人" }).press("Enter");
  const rows = page.locator("tbody tr.ant-table-row");
  await expect(rows.nth(5)).toBeVisible();
  await expectAccessible(page, "inbox with counts");
  await rows.first().getByRole("link").click();

  const urls: string[] = [];
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) urls.push(new URL(f.url()).pathname);
  });
  const seen = new Set<string>();
  for (let i = 0; i < 5; i++) {
    await expect(page).toHaveURL(/\/workbench\/applications\/[\w-]+$/);
    const id = page.url().split("/").pop()!;
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    const bar = page.getByRole("region", { name: "办理操作" });
    // The shortcut is shown on the button and announced as its key (aria-keyshortcuts).
    await expect(bar.getByRole("button", { name: /^受\s?理$/ })).toHaveAttribute("aria-keyshortcuts", "1");
    // The refusal stands apart, last.
    await expect(bar.getByRole("button").filter({ hasText: "不予受理" })).toHaveClass(/ant-btn-dangerous/);
    if (i === 0) await expectAccessible(page, "case page");
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    await page.keyboard.press("1");
    const dialog = page.getByRole("dialog", { name: "受理" });
    await expect(dialog.getByLabel("办理意见")).toBeFocused();
    await page.keyboard.type("材料齐全，予以受理");
    await page.keyboard.press("Control+Enter");
    await expect(dialog).toBeHidden();
    await expect(bar.getByRole("status")).toContainText("已办理");
    const next = bar.getByRole("button", { name: /下一件/ });
    await expect(next).toBeFocused();
    // Enter on the focused 下一件, or N from anywhere.
    await page.keyboard.press(i % 2 ? "Enter" : "n");
    await expect(page).not.toHaveURL(new RegExp(`${id}$`));
  }
  expect(urls.filter((u) => u === "/workbench/inbox")).toEqual([]);
  // The five are accepted.
  expect(seen.size).toBe(5);
  for (const id of seen) expect((await apiAs(page, "GET", `/applications/${id}`)).state).toBe("reviewing");

  // The sixth: a 补正 written from the templates, previewed as the applicant will read it.
  await expect(page).toHaveURL(/\/workbench\/applications\/[\w-]+$/);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("2");
  const supplement = page.getByRole("dialog", { name: "一次性告知补正" });
  // The keyboard is already in the list of items: type to find one, Enter to choose it.
  await expect(supplement.getByLabel("需补正的内容")).toBeFocused();
  await page.keyboard.type("营业执照");
  await page.keyboard.press("Enter");
  await supplement.getByText("常用补正理由（点击加入告知内容）").click();
  await supplement.getByRole("button", { name: /营业执照」不清晰/ }).click();
  const preview = supplement.getByRole("region", { name: "申请人将看到的补正告知" });
  await expect(preview).toContainText("请按以下要求补正后重新提交");
  await expect(preview).toContainText(/「营业执照[^」]*」不清晰，请重新上传清晰、完整的扫描件或照片/);
  await expect(preview).toContainText(/需补正的内容：营业执照/);
  await expectAccessible(page, "supplement with preview");
  await supplement.getByRole("button", { name: /一次性告知补正/ }).last().click();
  await expect(supplement).toBeHidden();
  await expect(page.getByRole("region", { name: "办理操作" }).getByRole("status")).toContainText("已办理");
});

test("12345 console: the caller's history by number, knowledge answers as the agent types, and the call-back queue", async ({ page }) => {
  // 张伟明 has applied for his company's food licence; later he calls 12345.
  await switchTo(page, "13800000001", /\/me$/);
  const items = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const itemId = items.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001").implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局").id;
  await apiAs(page, "POST", "/applications", { itemId, formData: FOOD_LICENCE_FORM, promise: true });
  await switchTo(page, "hotline.agent", /workbench$/);
  await page.goto("/workbench/hotline");
  const history = page.getByRole("region", { name: "来电人历史" });
  await expect(history).toContainText("输入来电号码后");
  await page.getByLabel("来电人姓名").fill("张先生");
  await page.getByLabel("来电号码").fill("13800000001");
  // The number belongs to 张伟明: masked, with his applications (the look-up is recorded for him).
  await expect(history).toContainText("已注册用户：张*明");
  await expect(history.getByRole("heading", { name: /^近期办件（[1-9]\d* 件）$/ })).toBeVisible();
  // Answers follow what the agent types, without a button.
  const answers = page.getByRole("region", { name: "知识库答复" });
  await page.getByLabel("标题").fill("营业执照丢了怎么办");
  await expect(answers).toContainText("营业执照丢了怎么办？");
  await expect(answers).toContainText("补领");
  await expect(page.getByRole("heading", { name: "回访队列" })).toBeVisible();
  await expectAccessible(page, "hotline console");
  // The person sees the look-up among the uses of their data.
  await switchTo(page, "13800000001", /\/me$/);
  await expect(page.getByText("12345 接听您的来电时查看您的诉求和办件记录").first()).toBeVisible();
});

test("一人多岗: a window clerk with two posts switches to the district centre's window, and the workbench follows", async ({ page }) => {
  await switchTo(page, "window.nanjingdonglu", /workbench$/);
  const post = page.getByRole("combobox", { name: "当前岗位" });
  const selector = post.locator("xpath=ancestor::div[contains(@class,'ant-select')][1]");
  await expect(selector).toContainText("南京东路街道社区事务受理服务中心综合受理一号窗口");
  await post.locator("xpath=ancestor::div[contains(@class,'ant-select-selector')][1]").click();
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: "黄浦区政务服务中心综合受理一号窗口" }).click();
  await expect(selector).toContainText("黄浦区政务服务中心综合受理一号窗口");
  await expectAccessible(page, "workbench with posts");
  // Every workbench page works in the post chosen, and says so in the staff navigation.
  await page.getByRole("link", { name: "窗口收件" }).click();
  const staffNav = page.getByRole("navigation", { name: "工作台导航" });
  await expect(staffNav.getByRole("combobox", { name: "当前岗位" }).locator("xpath=ancestor::div[contains(@class,'ant-select')][1]")).toContainText("黄浦区政务服务中心");
  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me.org.name).toBe("黄浦区政务服务中心综合受理一号窗口");
});
