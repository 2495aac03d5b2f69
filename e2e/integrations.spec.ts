import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, tick } from "./helpers";

test("部门业务系统接入: 黄浦's administrator registers a department system, sees its secret once, rotates and revokes secrets, and subscribes an address to events", async ({ page }) => {
  await loginAs(page, "admin.huangpu");
  await page.getByRole("link", { name: "部门业务系统接入" }).click();
  await expect(page.getByRole("heading", { name: "部门业务系统接入" })).toBeVisible();
  await expectAccessible(page, "integrations");

  await page.getByRole("button", { name: "登记接入系统" }).click();
  const dialog = page.getByRole("dialog", { name: "登记接入系统" });
  await dialog.getByLabel("系统名称").fill("黄浦区市场监管业务系统");
  await dialog.getByLabel("所属机构").click();
  await page.getByTitle("黄浦区", { exact: true }).click();
  await tick(dialog.getByLabel("办理本机构的办件（受理、补正、决定）"));
  await tick(dialog.getByLabel("管理本机构的事件订阅"));
  await expectAccessible(page, "register a system");
  await dialog.getByRole("button", { name: "登记接入系统" }).click();

  // The secret, once.
  const secret = page.getByRole("dialog", { name: "客户端密钥" });
  await expect(secret.getByText("关闭后将无法再次查看")).toBeVisible();
  await expect(secret.getByText(/^hbs_/)).toBeVisible();
  await expectAccessible(page, "secret once");
  await secret.getByRole("button", { name: "我已保存" }).click();
  await expect(page.getByRole("cell", { name: "黄浦区市场监管业务系统", exact: true }).first()).toBeVisible();

  // Rotate with an overlap: two secrets work; revoke the first at once.
  await page.getByRole("button", { name: "管理黄浦区市场监管业务系统" }).click();
  const drawer = page.getByRole("dialog", { name: "黄浦区市场监管业务系统" });
  await expect(drawer.getByText(/^hbc_/)).toBeVisible();
  await drawer.getByRole("button", { name: "轮换密钥" }).click();
  await page.getByRole("dialog", { name: "客户端密钥" }).getByRole("button", { name: "我已保存" }).click();
  await expect(drawer.locator("tbody tr.ant-table-row")).toHaveCount(2);
  await expectAccessible(page, "client drawer");
  await drawer.getByRole("button", { name: /^吊销密钥/ }).first().click();
  await page.getByRole("dialog").filter({ hasText: "确定吊销" }).getByRole("button", { name: /确\s?定|OK/ }).click();
  await expect(drawer.getByText("已失效")).toHaveCount(1);
  await drawer.getByRole("button", { name: "Close" }).or(drawer.locator(".ant-drawer-close")).first().click();

  // An event subscription, with its signing secret once and an empty delivery log.
  await page.getByRole("tab", { name: "事件订阅" }).click();
  await page.getByRole("button", { name: "新增订阅" }).click();
  const sub = page.getByRole("dialog", { name: "新增订阅" });
  await sub.getByLabel("接收地址").fill("https://scjg.huangpu.example.gov.cn/haoban/webhooks");
  await sub.getByLabel("所属机构").click();
  await page.getByTitle("黄浦区", { exact: true }).last().click();
  await tick(sub.getByLabel("已受理"));
  await sub.getByRole("button", { name: "新增订阅" }).click();
  await expect(page.getByRole("dialog", { name: "签名密钥" }).getByText(/^whsec_/)).toBeVisible();
  await page.getByRole("dialog", { name: "签名密钥" }).getByRole("button", { name: "我已保存" }).click();
  await expect(page.getByRole("cell", { name: "https://scjg.huangpu.example.gov.cn/haoban/webhooks", exact: true }).first()).toBeVisible();
  await expectAccessible(page, "subscriptions");
  await page.getByRole("button", { name: /投递记录$/ }).first().click();
  await expect(page.getByText("暂无投递记录")).toBeVisible();
  await expectAccessible(page, "deliveries");
});
