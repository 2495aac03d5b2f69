import { describe, expect, it } from "vitest";
import { buildCitizen, buildStaff, PATHS } from "../testing/actors";
import { dataSubtree, isCityWide, keepsCityStandard, ownSubtree, servesCity, supervisedSubtree, supervises, visibleSubtree, within, worksOn } from "./scope";

describe("scope: staff work in their own organisation, supervisors oversee their level of government", () => {
  const psbReviewer = buildStaff(PATHS.cityPsb, ["reviewer"]);
  const citySupervisor = buildStaff(PATHS.cityOffice, ["supervisor"]);
  const huangpuSupervisor = buildStaff(PATHS.huangpu, ["supervisor"]);

  it("a city bureau's reviewer works in the bureau only, not in other bureaus nor in the districts", () => {
    expect(ownSubtree(psbReviewer)).toBe(PATHS.cityPsb);
    expect(worksOn(psbReviewer, ["reviewer"], PATHS.cityPsb)).toBe(true);
    expect(worksOn(psbReviewer, ["reviewer"], PATHS.cityAmr)).toBe(false);
    expect(worksOn(psbReviewer, ["reviewer"], PATHS.huangpuPsb)).toBe(false);
    expect(worksOn(psbReviewer, ["approver"], PATHS.cityPsb)).toBe(false);
    expect(supervisedSubtree(psbReviewer)).toBeNull();
    expect(servesCity(psbReviewer)).toBe(true);
    expect(isCityWide(psbReviewer)).toBe(false);
  });

  it("the city's supervisor oversees every department and district; a district's supervisor that district", () => {
    expect(supervisedSubtree(citySupervisor)).toBe(PATHS.city);
    for (const p of [PATHS.cityAmr, PATHS.huangpuPsb, PATHS.pudongAmr]) expect(supervises(citySupervisor, p)).toBe(true);
    expect(supervisedSubtree(huangpuSupervisor)).toBe(PATHS.huangpu);
    expect(supervises(huangpuSupervisor, PATHS.huangpuAmr)).toBe(true);
    expect(supervises(huangpuSupervisor, PATHS.pudongAmr)).toBe(false);
    expect(supervises(huangpuSupervisor, PATHS.cityAmr)).toBe(false);
    // Overseeing is not working: a supervisor works nowhere through roles they lack.
    expect(worksOn(citySupervisor, ["approver"], PATHS.cityAmr)).toBe(false);
  });

  it("the visible subtree is the wider of own work and oversight; neither gives nothing", () => {
    expect(visibleSubtree(psbReviewer, ["reviewer", "approver"])).toBe(PATHS.cityPsb);
    expect(visibleSubtree(citySupervisor, ["reviewer"])).toBe(PATHS.city);
    expect(visibleSubtree(buildStaff(PATHS.cityPsb, ["window_clerk"]), ["reviewer"])).toBeNull();
    expect(visibleSubtree(buildCitizen(), ["reviewer"])).toBeNull();
  });

  it("nothing lies in a null subtree, and a path lies in its own subtree", () => {
    expect(within(PATHS.city, null)).toBe(false);
    expect(within(null, PATHS.city)).toBe(false);
    expect(within(PATHS.huangpu, PATHS.huangpu)).toBe(true);
    expect(within(PATHS.huangpu, PATHS.huangpuPsb)).toBe(false);
  });

  it("data administrators look after their level of government; system administrators their own subtree", () => {
    expect(dataSubtree(buildStaff(PATHS.cityBdc, ["data_admin"]))).toBe(PATHS.city);
    expect(dataSubtree(buildStaff(PATHS.huangpuCa, ["data_admin"]))).toBe(PATHS.huangpu);
    expect(dataSubtree(buildStaff(PATHS.huangpu, ["sys_admin"]))).toBe(PATHS.huangpu);
    expect(dataSubtree(psbReviewer)).toBeNull();
  });

  it("city-wide standards: the role at city level, or the city's own system administrators", () => {
    expect(keepsCityStandard(buildStaff(PATHS.cityBdc, ["data_admin"]), ["data_admin"])).toBe(true);
    expect(keepsCityStandard(buildStaff(PATHS.huangpuCa, ["data_admin"]), ["data_admin"])).toBe(false);
    expect(keepsCityStandard(buildStaff(PATHS.city, ["sys_admin"]), ["data_admin"])).toBe(true);
    expect(keepsCityStandard(buildStaff(PATHS.cityPsb, ["sys_admin"]), ["data_admin"])).toBe(false);
    expect(keepsCityStandard(citySupervisor, ["supervisor"])).toBe(true);
    expect(keepsCityStandard(huangpuSupervisor, ["supervisor"])).toBe(false);
  });
});
