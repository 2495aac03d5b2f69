import { expect, test, type Page } from "@playwright/test";
import { idNumberFor } from "../src/server/seed/demo-people";
import { pdfText } from "../src/server/testing/pdf-text";
import { expectAccessible, switchTo, actOnApplication, pickAddress, tick } from "./helpers";

/** The founder: 吴秀兰 (13800000009), who runs no enterprise yet; no other browser test uses her. */
const FOUNDER = { mobile: "13800000009", name: "吴秀兰", idNumber: idNumberFor("310107", "1976-05-30", 9, "F") };


async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: option }).first().click();
}

async function answer(page: Page, question: string, option: string) {
  await tick(page.getByRole("group", { name: question }).getByLabel(option, { exact: true }));
}


test("企业开办一件事: a founder (吴秀兰) answers a few questions, fills one form, and after the licence the other services start by themselves; one result page", async ({ page }) => {
  await switchTo(page, FOUNDER.mobile, /\/me$/);
  await page.goto("/bundles");
  await expect(page.getByRole("heading", { name: "一件事一次办" })).toBeVisible();
  await expect(page.getByText(/材料减少 \d+ 份，时限压缩 \d+ 个工作日，跑动 0 次/).first()).toBeVisible();
  await expectAccessible(page, "bundles");
  await page.getByRole("link", { name: "企业开办一件事" }).click();
  await expect(page.getByText("牵头部门：黄浦区市场监督管理局")).toBeVisible();

  await answer(page, "是否需要刻制印章（新办企业免费领取首套）？", "需要");
  await answer(page, "开业后是否需要开具发票？", "需要");
  await answer(page, "是否招用员工？", "招用员工");
  await answer(page, "是否委托他人代为办理？", "本人办理");
  await page.getByRole("button", { name: "查看办理方案" }).click();
  await expect(page.getByRole("heading", { name: "您的办理方案" })).toBeVisible();
  await expect(page.getByText("因为您在“是否招用员工？”中选择了“招用员工”，需要办理住房公积金单位缴存登记")).toBeVisible();
  await expect(page.getByText("“公章刻制备案”所需的“营业执照”由“企业设立登记”办结后自动提供")).toBeVisible();
  // The merged guide: the whole bundle's time limit, visits and fees.
  await expect(page.getByText(/\d+ 个工作日（无先后关系的事项并行办理）/)).toBeVisible();
  await expect(page.getByText("不收费")).toBeVisible();
  await expectAccessible(page, "bundle plan and merged form");

  // She lets the government's data fill what it can: her name and mobile as the contact, from her real-name account.
  await page.getByRole("button", { name: "同意并自动填写" }).click();
  await expect(page.getByText(/已为您预填 \d+ 项信息/)).toBeVisible();
  await expect(page.getByLabel("联系电话")).toHaveValue(FOUNDER.mobile);
  // One form: the company once, the contact once, for all six services.
  await page.getByLabel("拟设立企业名称").fill("上海好办一件事示范有限公司");
  await choose(page, "企业类型", "有限责任公司");
  await page.getByLabel("注册资本（万元）").fill("100");
  await page.getByLabel("经营范围").fill("软件开发；信息技术咨询服务");
  // The address is picked from the registry (its street fills 住所所在区 too).
  await pickAddress(page, "住所详细地址", ["黄浦区", "南京东路街道", "南京东路", "8弄1号", "101室"]);
  await expect(page.getByRole("combobox", { name: "住所所在区" }).locator("xpath=ancestor::div[contains(@class,'ant-select-selector')][1]")).toContainText("南京东路街道");
  // 本人担任: she is the legal representative and the only shareholder — two ticks instead of typing herself four times.
  const roles = page.getByRole("group", { name: "本人担任" });
  await expect(roles.getByRole("checkbox")).toHaveCount(4);
  await tick(roles.getByLabel("法定代表人"));
  await expect(page.getByLabel("法定代表人姓名")).toHaveValue(FOUNDER.name);
  await expect(page.getByLabel("法定代表人姓名")).toBeDisabled();
  await expect(page.getByLabel("法定代表人身份证号码")).toHaveValue(FOUNDER.idNumber);
  await tick(roles.getByLabel("股东"));
  await expect(page.getByLabel("姓名或名称")).toHaveValue(FOUNDER.name);
  await expect(page.getByLabel("姓名或名称")).toBeDisabled();
  await expect(page.getByLabel("证件号码")).toHaveValue(FOUNDER.idNumber);
  await expect(page.getByText("来自 实名账户 · 本人担任股东").first()).toBeVisible();
  // What she typed before a tick stays.
  await expect(page.getByLabel("拟设立企业名称")).toHaveValue("上海好办一件事示范有限公司");
  await expectAccessible(page, "本人担任 and the division picker");
  await page.getByLabel("认缴出资额（万元）").fill("100");
  await page.getByLabel("从业人数").fill("5");
  await page.getByLabel("联系电话").fill(FOUNDER.mobile);
  await page.getByLabel("经办人", { exact: true }).fill(FOUNDER.name);
  await choose(page, "刻制印章", "公章");
  await choose(page, "领取方式", "邮寄");
  // The company's bank account is not asked: it does not exist yet (the bank opens it after the licence).
  await expect(page.getByLabel("对公银行账号")).toHaveCount(0);
  await page.getByLabel("办税人员姓名").fill("王晓红");
  await choose(page, "发票种类", "数电发票（普通发票）");
  await page.getByLabel("预计月开票金额（元）").fill("50000");
  await page.getByLabel("缴存比例（%）").fill("7");
  await expect(page.getByLabel(/同意调取政府部门已有的电子证照和数据/)).toBeChecked();
  // 系统生成材料: the articles, the application form, the appointment and the invoice application are
  // generated from this one form — she reviews the articles before submitting instead of drafting them.
  const articles = page.getByRole("row", { name: /^公司章程/ });
  await expect(articles.getByText("系统生成，无需提交")).toBeVisible();
  const [preview] = await Promise.all([page.waitForResponse((r) => r.url().includes("/documents/licence__articles/preview")), articles.getByRole("button", { name: "预览公司章程" }).click()]);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  // The browser hands the PDF to its own tab; what the button asked for is asked again to read it here.
  const asked = preview.request();
  const again = await page.request.post(asked.url(), { headers: { "content-type": "application/json", "x-csrf-token": asked.headers()["x-csrf-token"]! }, data: asked.postData()! });
  const draft = await pdfText(await again.body());
  expect(draft.title).toBe("上海好办一件事示范有限公司章程");
  expect(draft.text).toContain("公司注册资本为人民币 100 万元");
  expect(draft.text).toContain(`为${FOUNDER.name}`);
  for (const tab of page.context().pages().filter((p) => p !== page)) await tab.close();
  await page.getByRole("button", { name: "一次提交" }).click();

  // One result page: the licence is with market regulation, the rest wait for it.
  await expect(page).toHaveURL(/\/me\/bundles\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: "企业开办一件事 · 办理结果" })).toBeVisible();
  const licenceRow = page.getByRole("row", { name: /企业设立登记/ });
  const number = (await licenceRow.getByRole("link").first().textContent())!.trim();
  await expect(page.getByRole("row", { name: /公章刻制备案/ })).toContainText("等待前序事项办结");
  await expectAccessible(page, "bundle result");
  const resultUrl = page.url();
  // The licence's application carries the documents generated at submission, sealed, for her and the department.
  await licenceRow.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "系统生成的材料（3 份）" })).toBeVisible();
  const download = await page.getByRole("listitem").filter({ hasText: "公司章程" }).getByRole("link", { name: "下载" }).getAttribute("href");
  const sealed = await page.request.get(download!);
  expect(sealed.headers()["content-type"]).toBe("application/pdf");
  const kept = await pdfText(await sealed.body());
  expect(kept.text).toContain("上海好办一件事示范有限公司");
  expect(kept.text).toContain("股东（签字）：吴秀兰");
  await page.getByRole("button", { name: "查看公司章程" }).click();
  await expect(page.getByTitle(/公司章程\.pdf$/)).toBeVisible();
  await expectAccessible(page, "generated documents");
  await page.keyboard.press("Escape");

  // The market-regulation reviewer accepts and passes it; the approver grants the licence.
  await switchTo(page, "review.amr.huangpu", /workbench$/);
  await actOnApplication(page, number, "待受理", /^受\s?理$/);
  await actOnApplication(page, number, "待审查", /审查通过/);
  await switchTo(page, "approve.amr.huangpu", /workbench$/);
  await actOnApplication(page, number, "待决定", /^准\s?予$/);
  await expect(page.getByText("已颁发电子证照")).toBeVisible();

  // The seal, tax, social-insurance and housing-fund services have started by themselves, the licence attached.
  await switchTo(page, FOUNDER.mobile, /\/me$/);
  await page.goto(resultUrl);
  await expect(page.getByRole("row", { name: /企业设立登记/ }).getByRole("link", { name: "营业执照" })).toBeVisible();
  for (const name of ["公章刻制备案", "新办纳税人涉税信息确认", "单位社会保险登记", "住房公积金单位缴存登记"]) {
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("待受理");
  }
  await expect(page.getByRole("row", { name: /发票领用/ })).toContainText("等待前序事项办结");
  await page.getByRole("row", { name: /公章刻制备案/ }).getByRole("link").first().click();
  // The seal office's application carries the new company and its credit code from the licence, which stands in for the 营业执照.
  await expect(page.getByRole("textbox", { name: "企业名称" })).toHaveValue("上海好办一件事示范有限公司");
  await expect(page.getByRole("textbox", { name: "统一社会信用代码" })).toHaveValue(/^91310101\w{10}$/);
  await expect(page.getByText(/营业执照：营业执照（\d+，黄浦区市场监督管理局）/)).toBeVisible();
  // The tax confirmation takes the basic account the bank opened for the new company (银行开户).
  await page.goBack();
  await page.getByRole("row", { name: /新办纳税人涉税信息确认/ }).getByRole("link").first().click();
  await expect(page.getByRole("textbox", { name: "对公银行账号" })).toHaveValue(/^31000101\d{12}$/);
  await page.goto("/me/bundles");
  await expect(page.getByRole("link", { name: "企业开办一件事" })).toBeVisible();
});

test("life events appear in unified search", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("生孩子")}`);
  await expect(page.getByRole("link", { name: "新生儿出生一件事" })).toBeVisible();
  await page.getByRole("link", { name: "新生儿出生一件事" }).click();
  await expect(page.getByRole("heading", { name: "新生儿出生一件事" })).toBeVisible();
  await expectAccessible(page, "bundle page");
});

test("a city catalogue administrator composes a bundle: a cycle is refused with the reason, a valid one previewed, saved and published", async ({ page }) => {
  await switchTo(page, "catalog.admin", /workbench$/);
  await page.getByRole("link", { name: "一件事管理" }).click();
  await expect(page.getByRole("cell", { name: "START_BUSINESS" })).toBeVisible();
  await page.getByRole("button", { name: "新建一件事" }).click();
  const definition = page.getByLabel("定义（JSON）");
  const draft = JSON.parse(await definition.inputValue());
  // first ← second ← first: refused, naming the cycle.
  draft.items[0].dependsOn = [{ item: "second", fields: {} }];
  await definition.fill(JSON.stringify(draft, null, 2));
  await page.getByRole("button", { name: "检查并预览" }).click();
  await expect(page.getByText(/事项依赖形成循环：(first|second) → .* → (first|second)/)).toBeVisible();
  await expectAccessible(page, "bundle administration with problems");
  draft.items[0].dependsOn = [];
  draft.code = "PENSION_E2E";
  draft.name = "养老金一件事（示例）";
  await definition.fill(JSON.stringify(draft, null, 2));
  await page.getByRole("button", { name: "检查并预览" }).click();
  await expect(page.getByText("定义正确，以下为按示例回答生成的办理方案")).toBeVisible();
  await expect(page.getByText(/← first/)).toBeVisible();
  await page.getByRole("button", { name: /^保\s?存$/ }).click();
  const row = page.getByRole("row", { name: /PENSION_E2E/ });
  await expect(row).toContainText("草稿");
  await row.getByRole("button", { name: "发布养老金一件事（示例）" }).click();
  await expect(row).toContainText("已发布");
  await page.goto("/bundles");
  await expect(page.getByRole("link", { name: "养老金一件事（示例）" })).toBeVisible();
});
