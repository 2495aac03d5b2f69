import { describe, expect, it } from "vitest";
import { validateCreditCode } from "../../shared/validation/credit-code";
import { divisionLevel, SHANGHAI_DISTRICTS } from "../../shared/validation/division-code";
import { validateIdNumber } from "../../shared/validation/id-number";
import { demoOrgs } from "./demo-orgs";
import { DEMO_STAFF, demoEnterprises, demoPersons } from "./demo-people";

describe("the demo city", () => {
  const orgs = demoOrgs();
  const people = demoPersons();
  const enterprises = demoEnterprises(people);

  it("has a city, 16 districts, streets with communities, departments and centres with windows", () => {
    const codes = new Set(orgs.map((o) => o.code));
    expect(codes.size).toBe(orgs.length);
    expect(orgs.filter((o) => o.kind === "district").map((o) => o.code)).toEqual(SHANGHAI_DISTRICTS.map((d) => d.code));
    for (const o of orgs) if (o.parent) expect(codes.has(o.parent), o.code).toBe(true);
    const streets = orgs.filter((o) => o.kind === "street");
    expect(streets.length).toBeGreaterThanOrEqual(48);
    expect(streets.every((s) => divisionLevel(s.code) === "township")).toBe(true);
    expect(orgs.filter((o) => o.kind === "community").every((c) => divisionLevel(c.code) === "village")).toBe(true);
    for (const name of ["上海市市场监督管理局", "上海市公安局", "国家税务总局上海市税务局", "上海市人力资源和社会保障局", "上海市医疗保障局", "上海市卫生健康委员会", "上海市民政局", "上海市房屋管理局", "上海市住房和城乡建设管理委员会", "上海市公积金管理中心", "上海市大数据中心"]) {
      expect(orgs.some((o) => o.name === name), name).toBe(true);
    }
    expect(orgs.some((o) => o.name === "黄浦区市场监督管理局")).toBe(true);
    expect(orgs.filter((o) => o.kind === "window").length).toBeGreaterThan(100);
  });

  it("has 200+ people with valid, unique ID numbers whose address code is their district", () => {
    expect(people.length).toBeGreaterThanOrEqual(200);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    for (const p of people) {
      const v = validateIdNumber(p.idNumber, new Date("2026-11-27"));
      expect(v.ok, p.idNumber).toBe(true);
      expect(p.idNumber.slice(0, 6)).toBe(p.districtCode);
      if (v.ok) expect(v.value.gender).toBe(p.gender);
    }
  });

  it("covers the life situations later features need", () => {
    const age = (birth: string) => 2026 - Number(birth.slice(0, 4));
    expect(people.some((p) => p.birthDate >= "2026-01-01" && p.fatherKey && p.motherKey)).toBe(true); // a newborn with parents
    expect(people.some((p) => age(p.birthDate) >= 80)).toBe(true);
    expect(people.some((p) => p.gender === "M" && age(p.birthDate) === 60)).toBe(true);
    expect(new Set(people.slice(0, 10).map((p) => p.mobile))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `138000000${String(i + 1).padStart(2, "0")}`)));
  });

  it("has 50+ enterprises with valid credit codes and legal representatives among the people", () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(50);
    const keys = new Set(people.map((p) => p.key));
    for (const e of enterprises) {
      expect(validateCreditCode(e.creditCode).ok, e.creditCode).toBe(true);
      expect(keys.has(e.legalRepKey)).toBe(true);
      expect(e.creditCode.slice(2, 8)).toBe(e.districtCode);
    }
    expect(new Set(enterprises.map((e) => e.creditCode)).size).toBe(enterprises.length);
  });

  it("has staff for every role", () => {
    const roles = new Set(DEMO_STAFF.flatMap((s) => s.roles));
    for (const r of ["sys_admin", "catalog_admin", "data_admin", "window_clerk", "reviewer", "approver", "hotline_agent", "supervisor"]) expect(roles.has(r), r).toBe(true);
    for (const s of DEMO_STAFF) expect(orgs.some((o) => o.code === s.org), s.org).toBe(true);
  });
});
