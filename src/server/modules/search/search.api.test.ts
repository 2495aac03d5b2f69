import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/test-app";
import { RELEVANCE_SET } from "./relevance-set";
import type { SearchResponse } from "../../../shared/schemas/search";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const search = async (query: string) => (await t.app.inject({ method: "GET", url: `/api/v1/search?${query}` })).json() as SearchResponse;

describe("unified search: the relevance test set", () => {
  it(`has at least 60 queries`, () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of RELEVANCE_SET) {
    it(`“${c.q}” finds ${c.expect} in the first three (${c.why})`, async () => {
      const res = await search(`q=${encodeURIComponent(c.q)}&limit=3`);
      const keys = res.hits.map((h) => (h.type === "item" ? h.basicCode : h.type === "policy" ? h.docNumber : h.title.map((s) => s.text).join("")));
      expect(keys).toContain(c.expect);
    });
  }
});

describe("search behaviour", () => {
  it("returns one hit per base item, with the other implementations listed", async () => {
    const res = await search("q=食品经营许可&type=item&limit=5");
    expect(res.hits[0]!.basicCode).toBe("XK00002001");
    expect(res.hits.filter((h) => h.basicCode === "XK00002001")).toHaveLength(1);
    expect(res.hits[0]!.alsoAt.length).toBe(3);
  });

  it("says where each implementation serves, and the guide lists every place of the same service", async () => {
    const hit = (await search("q=食品经营许可&type=item&limit=1")).hits[0]!;
    const codes = [hit.regionCode, ...hit.alsoAt.map((a) => a.regionCode)];
    expect(codes.every((c) => /^31\d{4}(\d{3})?$/.test(c ?? ""))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const guide = (await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${hit.id}` })).json() as { places: Array<{ id: string; orgName: string; regionCode: string }> };
    expect(guide.places.map((p) => p.id).sort()).toEqual([hit.id, ...hit.alsoAt.map((a) => a.id)].sort());
    expect(guide.places.find((p) => p.id === hit.id)).toMatchObject({ orgName: hit.orgName, regionCode: hit.regionCode });
  });

  it("highlights the matched words without HTML", async () => {
    const res = await search("q=开公司&limit=1");
    const title = res.hits[0]!.title;
    expect(title.some((s) => s.hit)).toBe(true);
    expect(JSON.stringify(res)).not.toContain("<em>");
    expect(res.understoodAs).toContain("企业设立登记");
  });

  it("filters by kind, level, department and audience", async () => {
    const district = await search("q=许可&level=district&limit=50");
    expect(district.hits.every((h) => h.level === "district")).toBe(true);
    const xk = await search("q=登记&kind=XK&limit=50");
    expect(xk.hits.length).toBeGreaterThan(0);
    expect(xk.hits.every((h) => h.kind === "XK")).toBe(true);
    const amr = await search("q=许可&department=AMR&limit=50");
    expect(amr.hits.every((h) => h.basicCode?.startsWith("XK0000"))).toBe(true);
    const policies = await search("q=居住证&type=policy&status=valid");
    expect(policies.hits.length).toBeGreaterThan(0);
    expect(policies.hits.every((h) => h.type === "policy" && h.status === "valid")).toBe(true);
  });

  it("answers a repeated question from the answer already computed: the same bytes, with the time computing it took", async () => {
    const url = `/api/v1/search?q=${encodeURIComponent("许可")}&limit=4`;
    const first = await t.app.inject({ method: "GET", url });
    const again = await t.app.inject({ method: "GET", url });
    expect(first.json().total).toBeGreaterThan(0);
    expect(first.json().tookMs).toBeGreaterThanOrEqual(0);
    expect(again.body).toBe(first.body);
    // Another page of the same question is another answer.
    const next = await t.app.inject({ method: "GET", url: `${url}&offset=4` });
    expect(next.body).not.toBe(first.body);
  });

  it("suggests while typing, by characters and by pinyin", async () => {
    const zh = (await t.app.inject({ method: "GET", url: `/api/v1/search/suggest?q=${encodeURIComponent("居住")}` })).json();
    expect(zh.suggestions).toContain("上海市居住证办理");
    const py = (await t.app.inject({ method: "GET", url: "/api/v1/search/suggest?q=shebao" })).json();
    expect(py.suggestions.some((s: string) => s.includes("社保"))).toBe(true);
  });

  it("answers nonsense with an empty result, and rejects an empty or over-long query", async () => {
    const none = await search(`q=${encodeURIComponent("量子纠缠火箭")}`);
    expect(none.total).toBe(0);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/search?q=" })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/search?q=${"长".repeat(51)}` })).statusCode).toBe(400);
    const sql = await search(`q=${encodeURIComponent("' or 1=1 --")}`);
    expect(sql.total).toBe(0);
  });
});

describe("catalogue browsing and guides", () => {
  it("lists services for businesses by theme, one entry per base item", async () => {
    const res = (await t.app.inject({ method: "GET", url: "/api/v1/catalogue/items?audience=enterprise&theme=start_business" })).json();
    const codes = res.items.map((i: { basicCode: string }) => i.basicCode);
    expect(codes).toEqual(expect.arrayContaining(["XK00001001", "BA00001000", "QT00001000", "QR00004001", "GG00005001"]));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("shows every element of a guide, with its policies", async () => {
    const list = (await t.app.inject({ method: "GET", url: "/api/v1/catalogue/items?level=city&department=AMR" })).json();
    const id = list.items[0].implementations[0].id;
    const item = (await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${id}` })).json();
    expect(item).toMatchObject({ basicCode: "XK00001001", level: "city", orgName: "上海市市场监督管理局", departmentName: "上海市市场监督管理局" });
    const g = item.content.guide;
    expect(g.conditions.length).toBeGreaterThan(0);
    expect(g.materials.every((m: { name: string; source: string; requirements: string }) => m.name && m.source && m.requirements)).toBe(true);
    expect(g.steps.length).toBeGreaterThan(0);
    expect(g.committedLimitDays).toBeLessThanOrEqual(g.legalLimitDays);
    expect(item.content.form.fields.length).toBeGreaterThan(5);
    expect(item.policies.map((p: { docNumber: string }) => p.docNumber)).toContain("国令第746号");
  });

  it("answers 404 for an unknown item and a policy page with its revision chain", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/catalogue/items/00000000-0000-4000-8000-000000000000" })).json().error.code).toBe("ITEM_NOT_FOUND");
    const list = (await t.app.inject({ method: "GET", url: "/api/v1/policies?status=revised" })).json();
    expect(list.items.length).toBeGreaterThan(0);
    const old = (await t.app.inject({ method: "GET", url: `/api/v1/policies/${list.items[0].id}` })).json();
    expect(old.status).toBe("revised");
    expect(old.replacedBy).not.toBeNull();
    const current = (await t.app.inject({ method: "GET", url: `/api/v1/policies/${old.replacedBy.id}` })).json();
    expect(current.replaces.map((r: { id: string }) => r.id)).toContain(old.id);
    expect(current.items.length).toBeGreaterThan(0);
  });
});

describe("the synonym dictionary", () => {
  it("is edited by city catalogue administrators and search follows at once", async () => {
    const { login } = await import("../../testing/test-app");
    const before = (await t.app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent("开撸串摊")}&limit=3` })).json();
    expect(before.hits.map((h: { basicCode: string }) => h.basicCode)).not.toContain("XK00002001");
    const huangpu = await login(t.app, "catalog.admin.huangpu");
    const put = (who: typeof huangpu) => t.app.inject({ method: "PUT", url: `/api/v1/search/synonyms/${encodeURIComponent("撸串摊")}`, headers: who.headers, payload: { expansions: ["食品经营许可"] } });
    expect((await put(huangpu)).statusCode).toBe(403);
    const city = await login(t.app, "catalog.admin");
    expect((await put(city)).statusCode).toBe(200);
    const after = (await t.app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent("开撸串摊")}&limit=3` })).json();
    expect(after.hits[0].basicCode).toBe("XK00002001");
    const list = (await t.app.inject({ method: "GET", url: "/api/v1/search/synonyms" })).json();
    expect(list.items.find((s: { term: string }) => s.term === "撸串摊").expansions).toEqual(["食品经营许可"]);
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/search/synonyms/${encodeURIComponent("撸串摊")}`, headers: city.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/search/synonyms/${encodeURIComponent("撸串摊")}`, headers: city.headers })).json().error.code).toBe("SYNONYM_NOT_FOUND");
  });
});

describe("knowledge answers", () => {
  it("are maintained by city catalogue administrators and found by search at once", async () => {
    const { login } = await import("../../testing/test-app");
    const city = await login(t.app, "catalog.admin");
    const body = { question: "营业执照可以网上打印吗？", answer: "可以，电子营业执照与纸质执照具有同等法律效力，可在线下载打印。", tags: ["营业执照"], basicCode: "XK00001001" };
    const created = await t.app.inject({ method: "POST", url: "/api/v1/search/answers", headers: city.headers, payload: body });
    expect(created.statusCode).toBe(201);
    const found = (await t.app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent("执照网上打印")}&type=answer` })).json();
    expect(found.hits[0].answer).toContain("同等法律效力");
    const bad = await t.app.inject({ method: "PUT", url: `/api/v1/search/answers/${created.json().id}`, headers: city.headers, payload: { ...body, basicCode: "XK99999999" } });
    expect(bad.json().error.code).toBe("BASIC_CODE_UNKNOWN");
    const huangpu = await login(t.app, "catalog.admin.huangpu");
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/search/answers/${created.json().id}`, headers: huangpu.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/search/answers/${created.json().id}`, headers: city.headers })).statusCode).toBe(200);
    const gone = (await t.app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent("执照网上打印")}&type=answer` })).json();
    expect(gone.hits.every((h: { answer: string | null }) => !h.answer?.includes("同等法律效力"))).toBe(true);
  });
});
