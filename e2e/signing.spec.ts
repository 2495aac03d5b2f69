import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../src/server/testing/pdf-text";
import { samplePng } from "../src/server/testing/sample-files";
import { expectAccessible, fitsWidth, pickDivision, switchTo, tick, typeAddress } from "./helpers";

/**
 * Two shareholders: 吴秀兰 (13800000009) founds the company; 李雪梅 (13800000002) is the second
 * shareholder and signs online in her own account. No other browser test founds a company with them.
 */
const FOUNDER = "13800000009";
const PARTNER = { mobile: "13800000002", name: "李雪梅", idNumber: "310101198706205042" };

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: option }).first().click();
}

/** 企业开办一件事 with the least: no seal, no invoices, no staff; she is the legal representative and first shareholder. */
async function applyForCompany(page: Page, company: string, throughAgent = false) {
  await page.goto("/bundles/START_BUSINESS");
  for (const [q, a] of [["是否需要刻制印章（新办企业免费领取首套）？", "不需要"], ["开业后是否需要开具发票？", "暂不需要"], ["是否招用员工？", "暂不招用"], ["是否委托他人代为办理？", throughAgent ? "委托他人" : "本人办理"]] as const) {
    await tick(page.getByRole("group", { name: q }).getByLabel(a, { exact: true }));
  }
  await page.getByRole("button", { name: "查看办理方案" }).click();
  await page.getByRole("button", { name: "同意并自动填写" }).click();
  await expect(page.getByText(/已为您预填 \d+ 项信息/)).toBeVisible();
  if (throughAgent) {
    // What can be neither shared nor generated is uploaded right in the bundle's plan.
    await expect(page.getByRole("status").filter({ hasText: "还缺 1 份材料：授权委托书及经办人身份证件" })).toBeVisible();
    await page.getByRole("row", { name: /^授权委托书及经办人身份证件/ }).locator("input[type=file]").setInputFiles({ name: "授权委托书.png", mimeType: "image/png", buffer: samplePng() });
    await expect(page.getByRole("link", { name: "授权委托书.png" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "所需材料已齐全" })).toBeVisible();
  }
  await page.getByLabel("拟设立企业名称").fill(company);
  await choose(page, "企业类型", "有限责任公司");
  await page.getByLabel("注册资本（万元）").fill("200");
  await page.getByLabel("经营范围").fill("文化艺术交流活动策划");
  await pickDivision(page, "住所所在区", "黄浦区");
  // An address the registry lacks is typed, and checked: first without a door, then whole.
  await typeAddress(page, "住所详细地址", "淮海中路");
  await expect(page.getByRole("alert").filter({ hasText: "该地址须写明路（街、巷、村）名和门牌号" })).toBeVisible();
  await typeAddress(page, "住所详细地址", "淮海中路200号3楼", false);
  await expect(page.getByText("标准地址库中暂无该地址，提交后由承办部门核实")).toBeVisible();
  const roles = page.getByRole("group", { name: "本人担任" });
  await tick(roles.getByLabel("法定代表人"));
  await tick(roles.getByLabel("股东"));
  await page.getByLabel("认缴出资额（万元）").first().fill("120");
  // The second shareholder is typed once: her name and ID number, and her share.
  await page.getByRole("button", { name: "添加股东（出资人）" }).click();
  await page.getByLabel("姓名或名称").nth(1).fill(PARTNER.name);
  await page.getByLabel("证件号码").nth(1).fill(PARTNER.idNumber);
  await page.getByLabel("认缴出资额（万元）").nth(1).fill("80");
  await page.getByLabel("从业人数").fill("2");
  await page.getByLabel("经办人", { exact: true }).fill("吴秀兰");
  await page.getByLabel("办税人员姓名").fill("吴秀兰");
  await page.getByRole("button", { name: "一次提交" }).click();
  // Not submitted yet: the second shareholder signs first.
  const dialog = page.getByRole("dialog").filter({ hasText: "需要其他人员在线签署" });
  await expect(dialog).toContainText("李雪梅（股东）");
  await dialog.getByRole("button", { name: "发起签署" }).click();
  await expect(page).toHaveURL(/\/me\/signing\/[0-9a-f-]+$/);
  await expect(page.getByRole("status")).toHaveText("还差 1 人签署：李雪梅");
  return page.url();
}

test("two shareholders: the second signs online in her own account — a refusal stops it, a reminder reaches her, her signature submits it", async ({ page }) => {
  test.setTimeout(120_000);
  // — the first attempt: she refuses, with her reason, and nothing reaches the department
  await switchTo(page, FOUNDER, /\/me$/);
  const first = await applyForCompany(page, "上海双签示范文化有限公司");
  await expectAccessible(page, "signing request (applicant)");
  await switchTo(page, PARTNER.mobile, /\/me$/);
  await page.goto("/messages");
  await page.getByRole("link", { name: /请在线签署“企业开办一件事：上海双签示范文化有限公司”/ }).first().click();
  await expect(page).toHaveURL(first);
  await expect(page.getByText("您是本申请的股东，请查看材料后签署或拒签。")).toBeVisible();
  await page.getByRole("button", { name: /^拒\s?签$/ }).click();
  await page.getByRole("dialog").getByLabel("拒签理由").fill("出资比例尚未商定");
  await page.getByRole("dialog").getByRole("button", { name: /^拒\s?签$/ }).click();
  await expect(page.getByText("原因：李雪梅拒绝签署：出资比例尚未商定")).toBeVisible();
  await switchTo(page, FOUNDER, /\/me$/);
  await page.goto(first);
  await expect(page.getByText("已拒签").first()).toBeVisible();
  await expect(page.getByText("原因：李雪梅拒绝签署：出资比例尚未商定")).toBeVisible();

  // — the second attempt: the founder reminds her; she reads the articles and signs; it is submitted
  const second = await applyForCompany(page, "上海双签再议文化有限公司", true);
  await page.getByRole("button", { name: "提醒签署" }).click();
  await expect(page.getByText("已提醒未签署的人员")).toBeVisible();
  await switchTo(page, PARTNER.mobile, /\/me$/);
  await page.goto("/messages");
  await expect(page.getByText("提醒：请在线签署“企业开办一件事：上海双签再议文化有限公司”")).toBeVisible();
  await page.goto("/me/signing");
  await page.getByRole("link", { name: "企业开办一件事：上海双签再议文化有限公司" }).click();
  await expect(page).toHaveURL(second);
  // On a 360 or 390 px phone and in 长辈模式 (large type) her list and the request fit the screen, axe clean.
  const desktop = page.viewportSize()!;
  await page.evaluate(() => localStorage.setItem("haoban_elder", "1"));
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/me/signing", second]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      await fitsWidth(page, `${path} in 长辈模式`);
    }
  }
  expect(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
  await expectAccessible(page, "signing request on a phone in 长辈模式");
  await page.evaluate(() => localStorage.removeItem("haoban_elder"));
  await page.setViewportSize(desktop);
  await page.goto(second);
  // What she signs is what she reads: the articles name both shareholders and their shares.
  const articles = await page.request.get(`/api/v1/signing-requests/${second.split("/").pop()}/documents/licence.articles`);
  const { title, text } = await pdfText(await articles.body());
  expect(title).toBe("上海双签再议文化有限公司章程");
  expect(text).toContain("股东会由全体股东组成");
  expect(text).toContain("股东（签字）：李雪梅");
  await page.getByRole("button", { name: "查看公司章程" }).click();
  await expect(page.getByTitle("公司章程")).toBeVisible();
  await expectAccessible(page, "signing request (signer, a document open)");
  // The PDF viewer keeps the keyboard: the dialog is closed by its button.
  await page.getByRole("dialog", { name: "公司章程" }).locator(".ant-modal-close").click();
  await expect(page.getByRole("dialog", { name: "公司章程" })).toBeHidden();
  const sign = page.getByRole("button", { name: /^签\s?署$/ });
  await expect(sign).toBeDisabled();
  await tick(page.getByLabel("我已阅读上述全部材料，同意签署"));
  await sign.click();
  await expect(page.getByText(/全部签署完成，申请已提交（编号 310101-YJS-\d{8}-\d{6}）。/)).toBeVisible();

  // The founder is told, and follows it to the bundle's result: the licence is with market regulation.
  await switchTo(page, FOUNDER, /\/me$/);
  await page.goto(second);
  await page.getByRole("link", { name: "查看办理进度" }).click();
  await expect(page.getByRole("heading", { name: "企业开办一件事 · 办理结果" })).toBeVisible();
  await expect(page.getByRole("row", { name: /企业设立登记/ })).toContainText("待受理");
  // The authorisation uploaded in the bundle is among the licence's materials.
  await page.getByRole("row", { name: /企业设立登记/ }).getByRole("link").first().click();
  await expect(page.getByRole("link", { name: "授权委托书.png" })).toBeVisible();
  // The address typed outside the registry is marked where it is read, for the department to verify.
  await expect(page.getByText("标准地址库中暂无该地址，由承办部门核实")).toBeVisible();
});
