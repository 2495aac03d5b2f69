import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let huangpu: LoggedIn;
let city: LoggedIn;
let itemId: string;

beforeAll(async () => {
  t = await startTestApp();
  huangpu = await login(t.app, "catalog.admin.huangpu");
  city = await login(t.app, "catalog.admin");
  const row = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
  itemId = row.id;
});
afterAll(() => t.close());

const call = (who: LoggedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

describe("catalogue editing and publication", () => {
  let draftId: string;
  let content: ItemContent;

  it("one draft's life: the subtree's list, editing rights, a single draft, schema and save checks, the public guide unchanged until four-eyes review publishes it, and search finds it", async () => {
    // — lists only the items of the administrator's subtree
    {
      const res = (await call(huangpu, "GET", "/admin/catalogue/items?limit=100")).json();
      expect(res.total).toBeGreaterThan(10);
      expect(res.items.every((i: { implCode: string }) => /-310101/.test(i.implCode))).toBe(true);
    }
    // — refuses to edit another district's item and citizens entirely
    {
      const xuhui = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310104-AMR").executeTakeFirstOrThrow();
      expect((await call(huangpu, "POST", `/admin/catalogue/items/${xuhui.id}/drafts`)).statusCode).toBe(403);
      const citizen = await login(t.app, "13800000001");
      expect((await call(citizen, "GET", "/admin/catalogue/items")).statusCode).toBe(403);
    }
    // — starts one draft from the published version
    {
      const res = await call(huangpu, "POST", `/admin/catalogue/items/${itemId}/drafts`);
      expect(res.statusCode).toBe(201);
      expect(res.json().version).toBe(2);
      draftId = res.json().id;
      expect((await call(huangpu, "POST", `/admin/catalogue/items/${itemId}/drafts`)).json().error.code).toBe("DRAFT_EXISTS");
      content = (await call(huangpu, "GET", `/admin/catalogue/versions/${draftId}`)).json().content;
    }
    // — rejects an invalid form schema with the exact place and changes nothing
    {
      const bad = structuredClone(content);
      bad.form.fields.push({ ...bad.form.fields[0]! });
      const res = await call(huangpu, "PUT", `/admin/catalogue/versions/${draftId}`, { lockVersion: 0, content: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("FORM_SCHEMA_INVALID");
      expect(res.json().error.details.issues[0].path).toBe(`form.fields.${bad.form.fields.length - 1}.key`);
      const unknownElement = structuredClone(content);
      // (a field no generated material needs: those needing one are refused for that first)
      unknownElement.form.fields.findLast((f: { dataElement?: string }) => f.dataElement && f.dataElement !== "enterprise.name")!.dataElement = "person.favouriteColour";
      expect((await call(huangpu, "PUT", `/admin/catalogue/versions/${draftId}`, { lockVersion: 0, content: unknownElement })).json().error.details.issues[0].message).toContain("未知的数据元");
    }
    // — saves a draft, and a stale save is detected
    {
      content.guide.committedLimitDays = 5;
      content.guide.faq.push({ q: "可以先营业后补办许可吗？", a: "不可以，须取得许可后方可从事食品经营活动。" });
      const ok = await call(huangpu, "PUT", `/admin/catalogue/versions/${draftId}`, { lockVersion: 0, content });
      expect(ok.json()).toEqual({ lockVersion: 1, changes: 2 });
      const stale = await call(city, "PUT", `/admin/catalogue/versions/${draftId}`, { lockVersion: 0, content });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe("VERSION_CHANGED");
    }
    // — keeps the public guide on the published version until publication
    {
      const pub = (await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${itemId}` })).json();
      expect(pub.version).toBe(1);
      expect(pub.content.guide.committedLimitDays).toBe(7);
    }
    // — goes through review with four eyes and a reason for rejection
    {
      expect((await call(huangpu, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "submit" })).json()).toEqual({ status: "in_review" });
      expect((await call(huangpu, "PUT", `/admin/catalogue/versions/${draftId}`, { lockVersion: 2, content })).json().error.code).toBe("VERSION_NOT_EDITABLE");
      expect((await call(huangpu, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "approve" })).json().error.code).toBe("SAME_REVIEWER");
      const clerk = await login(t.app, "window.huangpu");
      expect((await call(clerk, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "approve" })).statusCode).toBe(403);
      expect((await call(city, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "reject" })).json().error.code).toBe("REASON_REQUIRED");
      expect((await call(city, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "reject", comment: "请补充承诺时限调整的依据" })).json()).toEqual({ status: "draft" });
      expect((await call(city, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "reject", comment: "again" })).json().error.code).toBe("ACTION_NOT_ALLOWED");
      const item = (await call(huangpu, "GET", `/admin/catalogue/items/${itemId}`)).json();
      expect(item.versions[0]).toMatchObject({ version: 2, status: "draft", reviewComment: "请补充承诺时限调整的依据", reviewedByName: "许文博" });
    }
    // — publishes on approval, keeps the old version, and the public sees the new one
    {
      await call(huangpu, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "submit" });
      expect((await call(city, "POST", `/admin/catalogue/versions/${draftId}/actions`, { action: "approve", comment: "同意发布" })).json()).toEqual({ status: "published" });
      const item = (await call(huangpu, "GET", `/admin/catalogue/items/${itemId}`)).json();
      expect(item.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(["2:published", "1:superseded"]);
      const pub = (await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${itemId}` })).json();
      expect(pub.version).toBe(2);
      expect(pub.content.guide.committedLimitDays).toBe(5);
      const diff = (await call(huangpu, "GET", `/admin/catalogue/items/${itemId}/diff?from=1&to=2`)).json();
      expect(diff.changes).toEqual(
        expect.arrayContaining([
          { element: "承诺时限（工作日）", kind: "changed", before: "7", after: "5" },
          expect.objectContaining({ element: "常见问题：可以先营业后补办许可吗？", kind: "added" }),
        ]),
      );
      const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "catalogue.%").execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["catalogue.draft_create", "catalogue.draft_save", "catalogue.submit", "catalogue.reject", "catalogue.approve"]));
    }
    // — the search index picks up the publication
    {
      const res = (await t.app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent("先营业后补办许可")}` })).json();
      expect(res.hits[0]?.basicCode).toBe("XK00002001");
    }
  });
});

describe("adding to the catalogue", () => {
  it("lets only a city-level administrator add a base item, with a valid, unused code", async () => {
    const body = { basicCode: "XK00099001", name: "临时占用城市道路许可", action: "new", departmentKey: "HUD", legalBasis: "《城市道路管理条例》第三十一条" };
    expect((await call(huangpu, "POST", "/admin/catalogue/base-items", body)).statusCode).toBe(403);
    expect((await call(city, "POST", "/admin/catalogue/base-items", { ...body, basicCode: "XX00099001" })).json().error.code).toBe("BASIC_CODE_INVALID");
    expect((await call(city, "POST", "/admin/catalogue/base-items", body)).json()).toEqual({ basicCode: "XK00099001", name: "临时占用城市道路许可", kind: "XK" });
    expect((await call(city, "POST", "/admin/catalogue/base-items", body)).json().error.code).toBe("BASIC_CODE_TAKEN");
  });

  it("implements a base item at an org of one's subtree as a draft that is not public until published", async () => {
    // A base item of its own, added by the city.
    expect((await call(city, "POST", "/admin/catalogue/base-items", { basicCode: "XK00099002", name: "临时占用城市道路许可", action: "new", departmentKey: "HUD", legalBasis: "《城市道路管理条例》第三十一条" })).statusCode).toBe(201);
    const org = await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101-HUD").executeTakeFirstOrThrow();
    const res = await call(huangpu, "POST", "/admin/catalogue/items", { basicCode: "XK00099002", orgId: org.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().implCode).toBe("XK00099002-3-310101-HUD");
    expect((await call(huangpu, "POST", "/admin/catalogue/items", { basicCode: "XK00099002", orgId: org.id })).json().error.code).toBe("ITEM_EXISTS");
    const xuhui = await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310104-HUD").executeTakeFirstOrThrow();
    expect((await call(huangpu, "POST", "/admin/catalogue/items", { basicCode: "XK00099002", orgId: xuhui.id })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${res.json().id}` })).json().error.code).toBe("ITEM_NOT_FOUND");
    const draft = (await call(huangpu, "GET", `/admin/catalogue/versions/${res.json().draftId}`)).json();
    expect(draft).toMatchObject({ version: 1, status: "draft" });
    expect(draft.content.name).toBe("临时占用城市道路许可");
  });
});
