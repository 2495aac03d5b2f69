import { expect, test, type Page } from "@playwright/test";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { apiAs, expectAccessible, switchTo, tick } from "./helpers";

/** Calls the API with the browser's session (the CSRF token comes from /me). */
/** Chooses a level on a five-star scale with the keyboard (each → is one level up). */
async function stars(page: Page, group: string, level: number) {
  const scale = page.getByRole("group", { name: group }).getByRole("list", { name: group });
  await scale.focus();
  for (let i = 0; i < level; i++) await page.keyboard.press("ArrowRight");
  await expect(scale.getByRole("radio", { checked: true })).toHaveCount(level);
}

test("差评 closed loop: 非常不满意 after a supplement request → a case for the department, traced to the step → rectified and replied → re-rated", async ({ page }) => {
  // 张伟明 applies for the 黄浦 food licence; the reviewer asks once for a supplement.
  await switchTo(page, "13800000001", /\/me$/);
  const items = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const itemId = items.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001").implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局").id;
  const app = await apiAs(page, "POST", "/applications", { itemId, formData: FOOD_LICENCE_FORM, promise: true });
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  const lockVersion = (await apiAs(page, "GET", `/applications/${app.id}`)).lockVersion;
  await apiAs(page, "POST", `/applications/${app.id}/actions`, { action: "request_supplement", opinion: "请补充经营场所平面图", lockVersion });

  // The applicant rates the step on the application's page: 非常不满意, with tags and a comment.
  await switchTo(page, "13800000001", /\/me$/);
  await page.goto(`/me/applications/${app.id}`);
  await page.getByRole("button", { name: "评价“受理环节”" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("黄浦区市场监督管理局 · 办理环节：一次性告知补正")).toBeVisible();
  await stars(page, "总体满意度", 1);
  await stars(page, "办事效率", 1);
  await tick(dialog.getByLabel("材料反复要求"));
  await dialog.getByLabel("意见建议").fill("指南里没有写要平面图，白跑一趟");
  await expectAccessible(page, "rating dialog");
  await dialog.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText(/已生成差评工单 CP\d{12}/)).toBeVisible();

  // The department's reviewer finds the case traced to the step and to himself.
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await page.getByRole("link", { name: "差评工单" }).click();
  await expect(page.getByRole("heading", { name: "差评工单" })).toBeVisible();
  await expectAccessible(page, "rating cases");
  const row = page.getByRole("row", { name: /一次性告知补正/ }).first();
  await expect(row).toContainText("曹磊");
  await expect(row).toContainText("非常不满意");
  await row.getByRole("link").click();
  await expect(page.getByText("指南里没有写要平面图，白跑一趟")).toBeVisible();
  await expectAccessible(page, "rating case");
  await page.getByRole("button", { name: "核实属实" }).click();
  await page.getByLabel("核实情况").fill("属实：办事指南未列明经营场所平面图");
  await page.getByRole("button", { name: "办理：核实属实" }).click();
  await expect(page.getByText("整改中")).toBeVisible();
  await page.getByRole("button", { name: "完成整改" }).click();
  await page.getByLabel("整改措施").fill("已在办事指南申请材料中增加“经营场所平面图”及样表");
  await page.getByRole("button", { name: "办理：完成整改" }).click();
  await expect(page.getByText("待回访")).toBeVisible();
  await page.getByRole("button", { name: "回访答复" }).click();
  await page.getByLabel("回访答复").fill("已电话联系致歉，并说明指南已更新");
  await page.getByRole("button", { name: "办理：回访答复" }).click();
  await expect(page.getByText("已回访，待评价人确认")).toBeVisible();

  // The citizen sees the rectification and the reply, and rates again.
  await switchTo(page, "13800000001", /\/me$/);
  await page.getByRole("link", { name: "我的评价" }).click();
  await expect(page.getByText("已电话联系致歉，并说明指南已更新")).toBeVisible();
  await expect(page.getByText("已在办事指南申请材料中增加“经营场所平面图”及样表")).toBeVisible();
  await expectAccessible(page, "my ratings");
  await page.getByRole("button", { name: "重新评价" }).click();
  await stars(page, "总体满意度", 4);
  await page.getByRole("dialog").getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("已办结").first()).toBeVisible();

  // The department's tracing shows where the 差评 came from; the public page counts it.
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await page.goto("/workbench/ratings/trace");
  await expect(page.getByRole("img", { name: /差评按办理环节：一次性告知补正 1/ })).toBeVisible();
  await expectAccessible(page, "service tracing");
  await page.goto("/ratings");
  await page.getByRole("searchbox", { name: "查找部门或事项" }).fill("黄浦区市场监督管理局");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("row", { name: /黄浦区市场监督管理局/ }).first()).toBeVisible();
  await expectAccessible(page, "public ratings");
});

test("12345: a hotline agent records a complaint about a street's noise; it lands with the street and follows the closed loop", async ({ page }) => {
  const title = `福州路酒吧夜间噪声扰民 ${Date.now() % 100000}`;
  await switchTo(page, "hotline.agent", /workbench$/);
  await page.getByRole("link", { name: "热线坐席" }).click();
  await page.getByLabel("来电人姓名").fill("孙浩");
  await page.getByLabel("来电号码").fill("13800000007");
  // The console starts on 投诉, the commonest kind of call.
  await expect(page.getByRole("combobox", { name: "诉求类型" }).locator("..").locator("..")).toContainText("投诉");
  await page.locator(".ant-select", { has: page.locator("#ticket-category") }).click();
  for (const level of ["城市管理", "噪声扰民", "社会生活噪声"]) await page.locator(`.ant-cascader-menu-item[title='${level}']`).click();
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("具体内容").fill("福州路100弄旁的酒吧每晚营业到凌晨两点，音乐声很大，影响居民休息。");
  await page.getByLabel("事发地址").fill("上海市黄浦区福州路100弄");
  await page.getByRole("button", { name: /^定\s?位$/ }).click();
  await expect(page.getByText("已定位：南京东路街道（310101001）")).toBeVisible();
  await expectAccessible(page, "hotline console");
  await page.getByRole("button", { name: "登记工单" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("待签收").first()).toBeVisible();
  await expect(page.getByText("按派单目录自动派至南京东路街道", { exact: false })).toBeVisible();
  await expectAccessible(page, "ticket (desk)");

  // The street signs for it and replies.
  await switchTo(page, "street.nanjingdonglu", /workbench$/);
  await page.getByRole("link", { name: "12345 工单" }).click();
  await page.getByRole("row", { name: new RegExp(title) }).getByRole("link").click();
  await expect(page.getByText("孙浩")).toBeVisible();
  await page.getByRole("button", { name: /^签\s?收$/ }).click();
  await expect(page.getByText("办理中").first()).toBeVisible();
  await page.getByRole("button", { name: /^答\s?复$/ }).click();
  await page.getByLabel("答复内容").fill("已联合城管中队上门，责令酒吧22点后降低音量");
  await page.getByRole("button", { name: /办理：答\s?复/ }).click();
  await expect(page.getByText("已答复，待回访评价").first()).toBeVisible();

  // The caller has an account: unsatisfied, he rates it and reopens it once.
  await switchTo(page, "13800000007", /\/me$/);
  await page.getByRole("link", { name: "我的诉求" }).click();
  await page.getByRole("row", { name: new RegExp(title) }).getByRole("link").click();
  await expect(page.getByText("已联合城管中队上门，责令酒吧22点后降低音量", { exact: true })).toBeVisible();
  await stars(page, "总体满意度", 1);
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("对答复不满意可申请重新办理一次")).toBeVisible();
  // (after the fading "done" toast: axe would measure it half transparent)
  await expect(page.locator(".ant-message-notice")).toHaveCount(0);
  await expectAccessible(page, "ticket (citizen)");
  await page.getByRole("button", { name: "重新办理" }).click();
  await page.getByLabel("不满意的原因").fill("酒吧依然营业到凌晨，音量没有降低");
  await page.getByRole("button", { name: "办理：重新办理" }).click();
  await expect(page.getByText("办理中").first()).toBeVisible();

  // The street replies again; the desk calls back and records the rating.
  await switchTo(page, "street.nanjingdonglu", /workbench$/);
  await page.goto("/workbench/tickets");
  await page.getByRole("row", { name: new RegExp(title) }).getByRole("link").click();
  await page.getByRole("button", { name: /^答\s?复$/ }).click();
  await page.getByLabel("答复内容").fill("已对酒吧立案处罚并加装隔音设施，夜间巡查一周");
  await page.getByRole("button", { name: /办理：答\s?复/ }).click();
  await expect(page.getByText("已答复，待回访评价").first()).toBeVisible();
  await switchTo(page, "hotline.agent", /workbench$/);
  await page.goto("/workbench/tickets");
  await page.getByRole("row", { name: new RegExp(title) }).getByRole("link").click();
  await page.getByRole("button", { name: "查看完整号码（回访）" }).click();
  await expect(page.getByText("13800000007", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /^回\s?访$/ }).click();
  await page.getByLabel("回访记录").fill("电话回访孙先生，反映噪声已明显改善");
  await page.getByRole("button", { name: /办理：回\s?访/ }).click();
  await stars(page, "总体满意度", 4);
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("已办结").first()).toBeVisible();
  await expect(page.getByText(/满意/).first()).toBeVisible();

  // Supervisors see the hot topics.
  await switchTo(page, "supervisor.huangpu", /workbench$/);
  await page.getByRole("link", { name: "12345 热点分析" }).click();
  await expect(page.getByText(/范围：黄浦区，共 \d+ 件/)).toBeVisible();
  await expect(page.getByRole("img", { name: /按分类：城市管理/ })).toBeVisible();
  await expectAccessible(page, "hot topics");
});

test("窗口评价器: a window clerk hands the applicant a one-time rating page; it works once, without logging in", async ({ page, browser }) => {
  // 刘芳 applies at the 黄浦 window for the company she is authorised for; the department asks for a supplement.
  await switchTo(page, "window.huangpu", /workbench$/);
  const items = await (await page.request.get("/api/v1/catalogue/items?department=AMR&level=district")).json();
  const itemId = items.items.find((e: { basicCode: string }) => e.basicCode === "XK00002001").implementations.find((i: { orgName: string }) => i.orgName === "黄浦区市场监督管理局").id;
  const app = await apiAs(page, "POST", "/window/applications", { itemId, idNumber: "310112199204185129", formData: { ...FOOD_LICENCE_FORM, contact: "刘芳", contactMobile: "13800000006" } });
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  const lockVersion = (await apiAs(page, "GET", `/applications/${app.id}`)).lockVersion;
  await apiAs(page, "POST", `/applications/${app.id}/actions`, { action: "request_supplement", opinion: "请补充经营场所平面图", lockVersion });

  await switchTo(page, "window.huangpu", /workbench$/);
  await page.goto(`/workbench/applications/${app.id}`);
  await page.getByRole("button", { name: "请办事人评价" }).click();
  const link = (await page.getByRole("dialog").locator(".ant-typography-copy").locator("..").textContent())!.trim();
  expect(link).toMatch(/\/rate\/[\w-]{20,}$/);
  await expect(page.getByRole("img", { name: link })).toBeVisible();

  // The tablet: no session; the applicant's name is masked; on-site indicators.
  const tabletContext = await browser.newContext({ locale: "zh-CN", baseURL: new URL(page.url()).origin });
  const tablet = await tabletContext.newPage();
  await tablet.goto(link);
  await expect(tablet.getByText("刘*，您好！", { exact: false })).toBeVisible();
  await expect(tablet.getByRole("group", { name: "服务态度" })).toBeVisible();
  await expectAccessible(tablet, "window rating tablet");
  await stars(tablet, "总体满意度", 5);
  await stars(tablet, "服务态度", 5);
  await tablet.getByRole("button", { name: "提交评价" }).click();
  await expect(tablet.getByText("感谢您的评价")).toBeVisible();
  // Used up: opening it again says so.
  await tablet.reload();
  await expect(tablet.getByRole("alert")).toContainText("评价二维码已使用或已过期");
  await tabletContext.close();
});
