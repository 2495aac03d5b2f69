import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

/**
 * How the app reaches a phone: compressed, its content-hashed assets kept by the browser for a year (a
 * repeat visit downloads none of them again), the page itself checked on every visit, and a citizen's
 * page not downloading the workbench, the charts or the form builder.
 */
test("the app comes compressed and cached for good; a citizen's page does not download the workbench", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const downloaded: Array<{ url: string; encoding: string; cacheControl: string; bytes: number }> = [];
  const sizes = new Map<string, number>();
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  const seen = new Map<string, { url: string; encoding: string; cacheControl: string }>();
  const fromCache = new Set<string>();
  cdp.on("Network.requestServedFromCache", (e) => fromCache.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    // Anything answered from the browser's own cache did not travel.
    if (!e.response.fromDiskCache && !e.response.fromPrefetchCache) seen.set(e.requestId, { url: e.response.url, encoding: headers["content-encoding"] ?? "", cacheControl: headers["cache-control"] ?? "" });
  });
  const settle = async () => {
    await page.waitForLoadState("networkidle");
    for (const [id, r] of seen) if (!fromCache.has(id)) downloaded.push({ ...r, bytes: sizes.get(id) ?? 0 });
    seen.clear();
  };

  const firstDocument = await page.goto("/");
  await expect(page.getByLabel("搜索办事事项").first()).toBeVisible();
  await settle();
  expect(firstDocument!.headers()["cache-control"]).toBe("no-cache");
  const scripts = downloaded.filter((r) => /\/assets\/.+\.js$/.test(r.url));
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) {
    expect(["br", "gzip"], s.url).toContain(s.encoding);
    expect(s.cacheControl, s.url).toBe("public, max-age=31536000, immutable");
  }
  // The workbench, the catalogue editor and the charts are other pages' downloads.
  expect(scripts.map((s) => s.url).filter((u) => /(Workbench|Inbox|ItemEditor|CatalogueAdmin|Trace|HotTopics|Chart)[A-Za-z]*-/.test(u))).toEqual([]);
  const homeKb = scripts.reduce((n, s) => n + s.bytes, 0) / 1024;
  console.log(`home page: ${scripts.length} scripts, ${homeKb.toFixed(0)} KB of JavaScript transferred`);

  // A repeat visit: the page is asked for again, no asset is.
  downloaded.length = 0;
  await page.goto("/");
  await expect(page.getByLabel("搜索办事事项").first()).toBeVisible();
  await settle();
  expect(downloaded.filter((r) => r.url.includes("/assets/")).map((r) => r.url)).toEqual([]);

  // Opening a guide downloads its own page's script, compressed and cached like the rest.
  downloaded.length = 0;
  await page.goto("/search?q=" + encodeURIComponent("出生登记"));
  await page.getByRole("main").getByRole("link", { name: /出生登记/ }).first().click();
  await expect(page).toHaveURL(/\/items\//);
  await settle();
  expect(downloaded.some((r) => /\/assets\/GuidePage-.+\.js$/.test(r.url) && ["br", "gzip"].includes(r.encoding))).toBe(true);
});

test("a page whose download fails says so in plain words and comes back with a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByLabel("搜索办事事项").first()).toBeVisible();
  // The connection drops just as the person opens the policy library.
  await page.route(/\/assets\/PoliciesPage-[^/]+\.js$/, (r) => r.abort("internetdisconnected"));
  await page.getByRole("navigation").getByRole("link", { name: "政策", exact: true }).click();
  await expect(page.getByText("页面没有加载成功")).toBeVisible();
  await expect(page.getByText("可能是网络不稳定，或平台刚刚更新，请刷新页面后再试。")).toBeVisible();
  await expect(page.getByRole("link", { name: "政策", exact: true }).first()).toBeVisible(); // the header stays: the person is not stranded
  await expectAccessible(page, "page that did not load");
  await page.unroute(/\/assets\/PoliciesPage-[^/]+\.js$/);
  await page.getByRole("button", { name: "刷新页面" }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await expect(page.getByText("页面没有加载成功")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("heading").first()).toBeVisible();
});
