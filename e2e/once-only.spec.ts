import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, switchTo, actOnApplication, tick } from "./helpers";


/** The 黄浦 implementation of a base item, by its basic code. */
async function huangpuItem(page: Page, basicCode: string): Promise<string> {
  const res = await page.request.get("/api/v1/catalogue/items?region=310101");
  const entry = ((await res.json()).items as Array<{ basicCode: string; implementations: Array<{ id: string; regionCode: string }> }>).find((e) => e.basicCode === basicCode)!;
  return entry.implementations.find((i) => i.regionCode === "310101")!.id;
}


test("once only: a mother registers her newborn uploading nothing; the household register issued is verified and used by the next item; she sees every read", async ({ page }) => {
  // 李雪梅 agrees to the use of her data on the 出生登记 form: fields and materials arrive by themselves.
  await switchTo(page, "13800000002", /\/me$/);
  await page.goto(`/items/${await huangpuItem(page, "QR00001001")}`);
  await page.getByRole("button", { name: "在线办理" }).click();
  await expect(page.getByText("授权使用您在政府部门的数据")).toBeVisible();
  await page.getByRole("button", { name: "同意并自动填写" }).click();
  await expect(page.getByText(/已为您预填 \d+ 项信息，4 份材料无需提交/)).toBeVisible();
  await expect(page.getByLabel("申请人姓名")).toHaveValue("李雪梅");
  await expect(page.getByLabel("申请人姓名")).toBeDisabled();
  await expect(page.getByLabel("新生儿姓名")).toHaveValue("张子涵");
  await expect(page.getByText("来自 人口库 · 上海市公安局黄浦分局").first()).toBeVisible();
  // The registry still holds her old number: shown, not hidden.
  await expect(page.getByText(/人口库 · 上海市公安局黄浦分局 记录的是“13917260835”/)).toBeVisible();
  await expect(page.getByText("已由政府部门共享，无需提交")).toHaveCount(4);
  await expectAccessible(page, "guide with consented prefill");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeFocused();
  await expect(page.getByRole("link", { name: "查看办理进度" })).toBeVisible();
  const number = (await page.getByText(/办件编号：/).textContent())!.replace("办件编号：", "").trim();

  // The reviewer sees the shared evidence instead of uploads, and passes it; the approver approves.
  await switchTo(page, "review.psb.huangpu", /workbench$/);
  await page.goto("/workbench/inbox");
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByText("免提交材料（4 份）")).toBeVisible();
  await expect(page.getByText(/居民户口簿：居民户口簿/)).toBeVisible();
  await expect(page.getByText(/结婚证：结婚证/)).toBeVisible();
  await expect(page.getByText(/申请人授权预填 \d+ 项信息/)).toBeVisible();
  // Beside a prefilled field, the registry its value came from.
  await expect(page.getByText(/✔ 取自(人口库|实名账户|电子证照库)（经申请人授权共享）/).first()).toBeVisible();
  await expectAccessible(page, "application with shared evidence");
  await actOnApplication(page, number, "待受理", /^受\s?理$/);
  await expect(page.getByText("待审查").first()).toBeVisible();
  await actOnApplication(page, number, "待审查", /审查通过/);
  await switchTo(page, "approve.psb.huangpu", /workbench$/);
  await actOnApplication(page, number, "待决定", /^准\s?予$/);
  await expect(page.getByText("已颁发电子证照")).toBeVisible();

  // The new household register verifies for anyone; a modified copy does not.
  await switchTo(page, "13800000002", /\/me$/);
  const wallet = (await (await page.request.get("/api/v1/me/certificates")).json()) as { items?: unknown[] } | unknown[];
  const certs = (Array.isArray(wallet) ? wallet : wallet.items!) as Array<{ identifier: string; typeName: string; document: { payload: { data: Record<string, string> } } }>;
  const issued = certs.find((c) => c.typeName === "居民户口簿" && c.document.payload.data.members === "张子涵")!;
  await page.context().clearCookies();
  await page.goto(`/verify?id=${encodeURIComponent(issued.identifier)}`);
  await expect(page.getByText("证照真实有效")).toBeVisible();
  const tampered = { ...issued.document, payload: { ...issued.document.payload, data: { ...issued.document.payload.data, members: "张子涵、王小明" } } };
  await page.getByText("核验证照文件").click();
  await page.getByLabel("粘贴下载的证照文件内容").fill(JSON.stringify(tampered));
  await page.getByRole("button", { name: /^核\s?验$/ }).last().click();
  await expect(page.getByText(/电子印章验证失败/)).toBeVisible();

  // The next item (居民医保参保登记) takes the new household register as evidence.
  await switchTo(page, "13800000002", /\/me$/);
  const insuranceItem = (await (await page.request.get("/api/v1/catalogue/items?region=310101")).json()).items.find((e: { basicCode: string }) => e.basicCode === "GG00004001").implementations[0].id as string;
  await page.goto(`/items/${insuranceItem}`);
  await page.getByRole("button", { name: "在线办理" }).click();
  await page.getByRole("button", { name: "同意并自动填写" }).click();
  await expect(page.getByText(/份材料无需提交/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "居民户口簿" }).getByText("已由政府部门共享，无需提交")).toBeVisible();

  // 我的数据使用记录 lists the reads, with the department and the application they served.
  await page.goto("/me");
  await expect(page.getByRole("cell", { name: `办理申请 ${number}：出生登记（新生儿落户）` }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "预填申请表：出生登记（新生儿落户）" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "上海市公安局黄浦分局" }).first()).toBeVisible();
  await expectAccessible(page, "data-use log");
});

test("data administrators see the data-element dictionary and the sharing rules", async ({ page }) => {
  await switchTo(page, "data.admin", /workbench$/);
  await page.getByRole("link", { name: "数据元目录" }).click();
  await page.getByRole("searchbox", { name: "按编码或名称查找" }).fill("身份证");
  await expect(page.getByRole("cell", { name: "person.idNumber" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "敏感个人信息" }).first()).toBeVisible();
  await expectAccessible(page, "data elements");
  await page.goto("/workbench/sharing-rules");
  await page.getByRole("searchbox", { name: "事项基本编码" }).fill("QR00001001");
  await page.getByRole("searchbox", { name: "事项基本编码" }).press("Enter");
  await expect(page.getByRole("cell", { name: "上海市公安局黄浦分局" }).first()).toBeVisible();
  await expectAccessible(page, "sharing rules");

  // A file with a bad row imports nothing and says which row and column; the quality table shows each department.
  await page.goto("/workbench/registries");
  await expect(page.getByRole("cell", { name: "上海市公安局黄浦分局" }).first()).toBeVisible();
  await page.getByRole("combobox", { name: "数据来源部门" }).click();
  await page.locator(".ant-select-tree-switcher").first().click();
  await page.locator(".ant-select-tree-title", { hasText: "上海市公安局" }).first().click();
  const csv = "姓名,身份证号码,性别,出生日期,户籍地行政区划代码,居住地址,手机号码,婚姻状况,配偶身份证号码\n测试,310101199001011230,男,1990-01-01,310101,上海市黄浦区福州路1号,,,\n";
  await page.locator("input[type=file]").setInputFiles({ name: "population.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText(/文件有 \d+ 处错误，未导入任何数据/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "校验位不正确" })).toBeVisible();
  await expectAccessible(page, "registries and data quality");
});

test("亮证: a holder shares a certificate through a link that shows only what was ticked, then revokes it", async ({ page }) => {
  await switchTo(page, "13800000001", /\/me$/);
  await page.goto("/me/certificates");
  const card = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: "学历证书" }) });
  await card.getByRole("button", { name: /^亮\s?证$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("用途").fill("入职学历核验");
  await tick(dialog.getByRole("checkbox", { name: "学校" }));
  await dialog.getByRole("button", { name: "生成亮证链接" }).click();
  await expect(dialog.getByText(/链接已生成/)).toBeVisible();
  await expectAccessible(page, "share dialog");
  const url = (await dialog.locator(".ant-typography").filter({ hasText: "/shared/" }).first().textContent())!.trim();

  await page.context().clearCookies();
  await page.goto(url);
  await expect(page.getByText("证照真实有效")).toBeVisible();
  await expect(page.getByText("华东师范大学")).toBeVisible();
  await expect(page.getByText("计算机科学与技术")).toHaveCount(0);
  await expect(page.getByText("张*明")).toBeVisible();
  await expectAccessible(page, "shared certificate");

  await switchTo(page, "13800000001", /\/me$/);
  await page.goto("/me/certificates");
  await card.getByRole("button", { name: /^亮\s?证$/ }).click();
  await expect(page.getByRole("dialog").getByRole("cell", { name: "入职学历核验" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: /^撤\s?销$/ }).click();
  await expect(page.getByText("已撤销，该链接立即失效")).toBeVisible();
  await page.context().clearCookies();
  await page.goto(url);
  await expect(page.getByText("亮证链接已过期或已被持证人撤销")).toBeVisible();
});

test("administrators see an organisation's seal keys and rotate them", async ({ page }) => {
  await switchTo(page, "admin.huangpu", /workbench$/);
  await page.getByRole("link", { name: "电子印章密钥" }).click();
  await page.getByRole("combobox", { name: "机构" }).click();
  await page.locator(".ant-select-tree-switcher").first().click();
  await page.locator(".ant-select-tree-title", { hasText: "黄浦区市场监督管理局" }).click();
  await expect(page.getByText("使用中")).toBeVisible();
  // The organisation picker has closed (checked mid-fade, its items read as low contrast).
  await expect(page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).toHaveCount(0);
  await expectAccessible(page, "seal keys");
  await page.getByRole("button", { name: "轮换密钥" }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: "轮换密钥" }).click();
  await expect(page.getByText("已停用").first()).toBeVisible();
  await expect(page.getByText("使用中")).toHaveCount(1);
});
