import { describe, expect, it } from "vitest";
import { buildStaff, PATHS } from "../../testing/actors";
import { canCheck, canReadRule, canSwitchRule, canWriteRule, checksVisibleSubtree, rulesVisibleSubtree } from "./auto-approval.policy";

describe("秒批 policy", () => {
  const item = PATHS.huangpuCa;
  it("rules are written by the item's catalogue administrators only", () => {
    expect(canWriteRule(buildStaff(PATHS.huangpu, ["catalog_admin"]), item)).toBe(true);
    expect(canWriteRule(buildStaff(PATHS.city, ["catalog_admin"]), item)).toBe(true);
    expect(canWriteRule(buildStaff(PATHS.pudong, ["catalog_admin"]), item)).toBe(false);
    expect(canWriteRule(buildStaff(PATHS.huangpu, ["supervisor"]), item)).toBe(false);
  });

  it("a city bureau's staff neither read nor switch a district department's rule; supervisors above it switch", () => {
    expect(canReadRule(buildStaff(PATHS.cityPsb, ["reviewer"]), item)).toBe(false);
    expect(canReadRule(buildStaff(item, ["reviewer"]), item)).toBe(true);
    expect(canSwitchRule(buildStaff(PATHS.cityOffice, ["supervisor"]), item)).toBe(true);
    expect(canSwitchRule(buildStaff(PATHS.pudong, ["supervisor"]), item)).toBe(false);
    expect(canSwitchRule(buildStaff(PATHS.cityAmr, ["catalog_admin"]), item)).toBe(false);
  });

  it("the re-check queue: reviewers and approvers of their org, supervisors of their level", () => {
    expect(checksVisibleSubtree(buildStaff(PATHS.cityAmr, ["approver"]))).toBe(PATHS.cityAmr);
    expect(rulesVisibleSubtree(buildStaff(PATHS.cityOffice, ["supervisor"]))).toBe(PATHS.city);
    expect(canCheck(buildStaff(PATHS.cityAmr, ["approver"]), item)).toBe(false);
    expect(canCheck(buildStaff(PATHS.huangpu, ["supervisor"]), item)).toBe(true);
  });
});
