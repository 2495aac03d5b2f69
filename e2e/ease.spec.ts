import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { loginAs, pickAddress, switchTo, tick } from "./helpers";

/**
 * 少填、少交、少跑, counted (npm run ease:report): each journey is driven through the real UI on its
 * own fresh demo city (the "ease" project's server) and every action is counted as it is made — text
 * typed into a field, a choice, an upload, a click, a submission, a signature. Next to each, what
 * applying for the same items separately asks (the bundle plan's own comparison). The targets of the
 * platform's promise are asserted; the figures are written to tmp/ease-report.json for the report.
 */

interface Tally {
  typed: number;
  choices: number;
  uploads: number;
  clicks: number;
  submissions: number;
  signatures: number;
}
interface Row extends Tally {
  journey: string;
  visits: number;
  days: number | null;
  separate: { fields: number; materials: number; visits: number; days: number } | null;
  bundle: { fields: number; materials: number; visits: number; days: number } | null;
}
const rows: Row[] = [];

function counted(page: Page) {
  const n: Tally = { typed: 0, choices: 0, uploads: 0, clicks: 0, submissions: 0, signatures: 0 };
  return {
    n,
    type: async (field: Locator, value: string) => {
      await field.fill(value);
      n.typed++;
    },
    choose: async (label: string, option: string) => {
      await page.getByRole("combobox", { name: label, exact: true }).click();
      await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", { hasText: option }).first().click();
      // The next choice must not find this list still closing.
      await expect(page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).toHaveCount(0);
      n.choices++;
      n.clicks += 2;
    },
    answer: async (question: string, option: string) => {
      await tick(page.getByRole("group", { name: question }).getByLabel(option, { exact: true }));
      n.choices++;
      n.clicks++;
    },
    tick: async (box: Locator) => {
      await tick(box);
      n.choices++;
      n.clicks++;
    },
    address: async (label: string, path: string[]) => {
      await pickAddress(page, label, path);
      n.choices++;
      n.clicks += path.length + 1;
    },
    click: async (target: Locator) => {
      await target.click();
      n.clicks++;
    },
    submit: async (target: Locator) => {
      await target.click();
      n.clicks++;
      n.submissions++;
    },
  };
}

/** The bundle's own comparison with applying for its items separately, for the answers given. */
async function planOf(page: Page, code: string, answers: Record<string, string>) {
  const res = await page.request.post(`/api/v1/bundles/${code}/plan`, { data: { answers } });
  return (await res.json()).reduction as { separate: Row["separate"] & object; bundle: Row["bundle"] & object };
}

/**
 * Submits a 一件事's one form; whatever the registries and certificates could not fill and the form still
 * requires (the form names it in its error summary) is then chosen or typed — and counted — and it is
 * submitted again (the first press only showed what was missing, so it is not counted as a submission).
 */
async function submitFillingWhatIsMissing(page: Page, c: ReturnType<typeof counted>) {
  await c.submit(page.getByRole("button", { name: "一次提交" }));
  const alert = page.getByRole("alert").filter({ hasText: "需要修改" });
  if (!(await alert.isVisible().catch(() => false))) return;
  for (const link of await alert.getByRole("link").all()) {
    const label = (await link.textContent())!.trim();
    const select = page.getByRole("combobox", { name: label, exact: true });
    const box = page.getByRole("textbox", { name: label, exact: true });
    if (await select.count()) await c.choose(label, label === "参保人员类别" ? "新生儿" : "");
    else if (await box.locator("xpath=ancestor::div[contains(@class,'ant-picker')]").count()) {
      // A date: typed as the picker takes it, then left (Enter would submit the form).
      await c.type(box, "2027-01-04");
      await box.press("Tab");
    } else await c.type(box, /账户|账号/.test(label) ? "6222020200112233445" : "示范");
  }
  await c.submit(page.getByRole("button", { name: "一次提交" }));
  c.n.submissions--;
}

/** A 一件事: its questions answered, its plan shown, and the government's data let fill the one form. */
async function openPlan(page: Page, c: ReturnType<typeof counted>, code: string, answers: Array<[question: string, option: string]>) {
  await page.goto(`/bundles/${code}`);
  for (const [question, option] of answers) await c.answer(question, option);
  await c.click(page.getByRole("button", { name: "查看办理方案" }));
  await c.click(page.getByRole("button", { name: "同意并自动填写" }));
  await expect(page.getByText(/已为您预填 \d+ 项信息/)).toBeVisible();
}

const FOUNDER = "13800000009"; // 吴秀兰
const PARTNER = { mobile: "13800000002", name: "李雪梅", idNumber: "310101198706205042" };
const COMPANY_ANSWERS = { seal: "no", invoice: "no", staff: "no", agent: "no" };

/** 企业开办一件事 as a founder fills it: only what the government cannot know is typed. */
async function foundCompany(page: Page, c: ReturnType<typeof counted>, name: string, partner: boolean) {
  await openPlan(page, c, "START_BUSINESS", [["是否需要刻制印章（新办企业免费领取首套）？", "不需要"], ["开业后是否需要开具发票？", "暂不需要"], ["是否招用员工？", "暂不招用"], ["是否委托他人代为办理？", "本人办理"]]);
  await c.type(page.getByLabel("拟设立企业名称"), name);
  await c.choose("企业类型", "有限责任公司");
  await c.type(page.getByLabel("注册资本（万元）"), "100");
  await c.type(page.getByLabel("经营范围"), "软件开发；信息技术咨询服务");
  // Picked from the address registry: one choice, and its street fills 住所所在区.
  await c.address("住所详细地址", ["黄浦区", "南京东路街道", "南京东路", "8弄1号", "101室"]);
  const roles = page.getByRole("group", { name: "本人担任" });
  for (const role of ["法定代表人", "股东", "办税人员", "经办人（联系人）"]) await c.tick(roles.getByLabel(role));
  await c.type(page.getByLabel("认缴出资额（万元）").first(), partner ? "60" : "100");
  if (partner) {
    await c.click(page.getByRole("button", { name: "添加股东（出资人）" }));
    await c.type(page.getByLabel("姓名或名称").nth(1), PARTNER.name);
    await c.type(page.getByLabel("证件号码").nth(1), PARTNER.idNumber);
    await c.type(page.getByLabel("认缴出资额（万元）").nth(1), "40");
  }
  await c.type(page.getByLabel("从业人数"), "3");
  await c.submit(page.getByRole("button", { name: "一次提交" }));
}

test.describe.configure({ mode: "serial" });

test("企业开办, the founder alone: ≤ 10 typed fields, no upload, one submission, no visit", async ({ page }) => {
  await switchTo(page, FOUNDER, /\/me$/);
  const c = counted(page);
  await foundCompany(page, c, "上海少填示范科技有限公司", false);
  await expect(page).toHaveURL(/\/me\/bundles\/[0-9a-f-]+$/);
  const plan = await planOf(page, "START_BUSINESS", COMPANY_ANSWERS);
  rows.push({ journey: "企业开办（一人股东）", ...c.n, visits: plan.bundle.visits, days: plan.bundle.days, separate: plan.separate, bundle: plan.bundle });
  expect(c.n.typed).toBeLessThanOrEqual(10);
  expect(c.n).toMatchObject({ uploads: 0, submissions: 1 });
  expect(plan.bundle.visits).toBe(0);
});

test("企业开办 with two shareholders: the second signs once, nothing is typed twice", async ({ page }) => {
  await switchTo(page, FOUNDER, /\/me$/);
  const c = counted(page);
  await foundCompany(page, c, "上海少填合伙示范科技有限公司", true);
  await c.click(page.getByRole("dialog").filter({ hasText: "需要其他人员在线签署" }).getByRole("button", { name: "发起签署" }));
  await expect(page).toHaveURL(/\/me\/signing\/[0-9a-f-]+$/);
  const signing = page.url();
  // The second shareholder: log in, open the request, confirm, sign — she types nothing.
  await switchTo(page, PARTNER.mobile, /\/me$/);
  const typedBefore = c.n.typed;
  await page.goto(signing);
  await c.tick(page.getByLabel("我已阅读上述全部材料，同意签署"));
  await c.click(page.getByRole("button", { name: /^签\s?署$/ }));
  c.n.signatures++;
  await expect(page.getByText(/全部签署完成，申请已提交/)).toBeVisible();
  const plan = await planOf(page, "START_BUSINESS", COMPANY_ANSWERS);
  rows.push({ journey: "企业开办（两名股东）", ...c.n, visits: plan.bundle.visits, days: plan.bundle.days, separate: plan.separate, bundle: plan.bundle });
  expect(c.n.typed).toBe(typedBefore);
  expect(c.n.typed).toBeLessThanOrEqual(10 + 3); // the second shareholder's name, ID number and share, once
  expect(c.n).toMatchObject({ uploads: 0, submissions: 1, signatures: 1 });
});

test("新生儿出生一件事: ≤ 5 typed fields, no upload", async ({ page }) => {
  await switchTo(page, PARTNER.mobile, /\/me$/); // 李雪梅, mother of 张子涵 (born 8 October 2026)
  const c = counted(page);
  const answers = { birth_cert: "yes", hukou: "yes", vaccination: "yes" };
  await openPlan(page, c, "NEWBORN", [["是否已领取《出生医学证明》？", "已领取"], ["新生儿是否在本市落户？", "在本市落户"], ["是否同时办理预防接种证？", "同时办理"]]);
  await submitFillingWhatIsMissing(page, c);
  await expect(page).toHaveURL(/\/me\/bundles\/[0-9a-f-]+$/);
  const plan = await planOf(page, "NEWBORN", answers);
  rows.push({ journey: "新生儿出生一件事", ...c.n, visits: plan.bundle.visits, days: plan.bundle.days, separate: plan.separate, bundle: plan.bundle });
  expect(c.n.typed).toBeLessThanOrEqual(5);
  expect(c.n.uploads).toBe(0);
});

test("高龄津贴: nothing typed, ≤ 3 clicks after login", async ({ page }) => {
  await page.context().clearCookies();
  await loginAs(page, "13800000004"); // 赵秀英, over 80: told of it in 为您推荐
  await expect(page).toHaveURL(/\/me$/);
  const c = counted(page);
  await c.click(page.getByRole("link", { name: "老年综合津贴申领" }));
  await c.submit(page.getByRole("button", { name: "同意并一键申请" }));
  await expect(page).toHaveURL(/\/me\/applications\/[\w-]+$/);
  await expect(page.getByText("准予给付").first()).toBeVisible();
  rows.push({ journey: "高龄津贴（老年综合津贴）", ...c.n, visits: 0, days: 0, separate: null, bundle: null });
  expect(c.n.typed).toBe(0);
  expect(c.n.clicks).toBeLessThanOrEqual(3);
});

test("居住证签注: the permit about to expire is renewed in one click, nothing typed", async ({ page }) => {
  await page.context().clearCookies();
  await loginAs(page, "13800000007"); // 孙浩, from Nanjing, working in Yangpu: his 上海市居住证 expires within the month
  await expect(page).toHaveURL(/\/me$/);
  const c = counted(page);
  await c.click(page.getByRole("link", { name: "上海市居住证签注" }).first());
  await c.submit(page.getByRole("button", { name: "同意并一键申请" }));
  await expect(page).toHaveURL(/\/me\/applications\/[\w-]+$/);
  rows.push({ journey: "居住证签注", ...c.n, visits: 0, days: 0, separate: null, bundle: null });
  expect(c.n.typed).toBe(0);
  expect(c.n.uploads).toBe(0);
});

test("退休一件事: what the registries hold is not asked again, no upload, one submission", async ({ page }) => {
  await switchTo(page, "13800000003", /\/me$/); // 王建国, at retirement age
  const c = counted(page);
  const answers = { fund: "yes" };
  await openPlan(page, c, "RETIREMENT", [["是否同时提取住房公积金？", "同时提取"]]);
  await submitFillingWhatIsMissing(page, c);
  await expect(page).toHaveURL(/\/me\/bundles\/[0-9a-f-]+$/);
  const plan = await planOf(page, "RETIREMENT", answers);
  rows.push({ journey: "退休一件事", ...c.n, visits: plan.bundle.visits, days: plan.bundle.days, separate: plan.separate, bundle: plan.bundle });
  expect(c.n.uploads).toBe(0);
  expect(c.n.submissions).toBe(1);
  expect(plan.bundle.visits).toBe(0);
});

test("every 一件事: no visit and materials −80 % against applying for its items separately", async ({ page }) => {
  const bundles = (await (await page.request.get("/api/v1/bundles")).json()).items as Array<{ code: string; name: string }>;
  const reductions: Array<{ code: string; materials: number; separate: number; visits: number }> = [];
  for (const b of bundles) {
    const def = await (await page.request.get(`/api/v1/bundles/${b.code}`)).json();
    // The widest case: every question answered with the option that includes the most.
    const answers = Object.fromEntries((def.questions as Array<{ key: string; options: Array<{ value: string; includes?: string[]; excludes?: string[] }> }>).map((q) => [q.key, (q.options.find((o) => o.includes?.length) ?? q.options.find((o) => !o.excludes?.length) ?? q.options[0]!).value]));
    const plan = await planOf(page, b.code, answers);
    rows.push({ journey: `${b.name}（材料与跑动）`, typed: 0, choices: 0, uploads: 0, clicks: 0, submissions: 1, signatures: 0, visits: plan.bundle.visits, days: plan.bundle.days, separate: plan.separate, bundle: plan.bundle });
    reductions.push({ code: b.code, materials: plan.bundle.materials, separate: plan.separate.materials, visits: plan.bundle.visits });
  }
  for (const r of reductions) expect(r.visits, r.code).toBe(0);
  // Every bundle meets the −80 % target; the report prints each figure.
  for (const r of reductions) expect(r.materials, r.code).toBeLessThanOrEqual(Math.floor(r.separate * 0.2));
});

test.afterAll(() => {
  mkdirSync("tmp", { recursive: true });
  writeFileSync("tmp/ease-report.json", JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
});
