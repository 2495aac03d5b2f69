import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogueAuditView } from "../../../shared/schemas/audit";
import { login, startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("catalogue quality audit", () => {
  it("finds the incomplete guides and names the missing elements", async () => {
    const s = await login(t.app, "catalog.admin");
    const audit = (await t.app.inject({ method: "GET", url: "/api/v1/catalogue/audit", headers: s.headers })).json() as CatalogueAuditView;
    expect(audit.items).toBeGreaterThanOrEqual(120);
    const seal = audit.completeness.find((c) => c.implCode === "BA00001000-3-310104-PSB");
    expect(seal?.missing).toEqual(["办理时间", "投诉电话"]);
    expect(seal!.score).toBeLessThan(100);
    expect(audit.completeness.find((c) => c.implCode === "QR00005001-3-310112-CA")?.missing).toEqual(["常见问题"]);
  });

  it("finds cross-level differences and accepts those with a recorded reason", async () => {
    const s = await login(t.app, "supervisor");
    const audit = (await t.app.inject({ method: "GET", url: "/api/v1/catalogue/audit", headers: s.headers })).json() as CatalogueAuditView;
    const name = audit.inconsistencies.find((f) => f.implCode === "XK00001001-3-310112-AMR");
    expect(name).toMatchObject({ element: "事项名称", reference: "企业设立登记", actual: "公司设立登记", acceptedReason: null });
    expect(audit.inconsistencies.find((f) => f.implCode === "XK00002001-3-310104-AMR")).toMatchObject({ element: "承诺时限", reference: "7", actual: "10", acceptedReason: null });
    expect(audit.inconsistencies.find((f) => f.implCode === "XK00002001-3-310115-AMR")?.acceptedReason).toContain("告知承诺制");
    const minhang = audit.orgs.find((o) => o.orgName === "闵行区市场监督管理局");
    expect(minhang?.inconsistencies).toBe(1);
  });

  it("is for catalogue administrators and supervisors only, scoped to their subtree", async () => {
    for (const who of ["window.huangpu", "review.amr", "13800000001"]) {
      const s = await login(t.app, who);
      expect((await t.app.inject({ method: "GET", url: "/api/v1/catalogue/audit", headers: s.headers })).statusCode, who).toBe(403);
    }
    const huangpu = await login(t.app, "supervisor.huangpu");
    const audit = (await t.app.inject({ method: "GET", url: "/api/v1/catalogue/audit", headers: huangpu.headers })).json() as CatalogueAuditView;
    expect(audit.items).toBeGreaterThan(0);
    expect(audit.orgs.every((o) => /黄浦|南京东路|福民|居民委员会/.test(o.orgName))).toBe(true);
  });
});
