import { describe, expect, it } from "vitest";
import { buildCitizen, buildStaff, PATHS } from "../../testing/actors";
import { canRevokeGrant, canSeeGrant, grantsVisibleSubtree, policiesVisibleSubtree } from "./proactive.policy";

describe("免申即享 and 政策找人 policy", () => {
  const hrssItem = "310000/310000-HRSS/";
  it("a city bureau's reviewer or approver sees only its own items' grants, not the whole city", () => {
    for (const roles of [["reviewer"], ["approver"]] as const) {
      const psb = buildStaff(PATHS.cityPsb, [...roles]);
      expect(grantsVisibleSubtree(psb)).toBe(PATHS.cityPsb);
      expect(canSeeGrant(psb, hrssItem)).toBe(false);
      expect(canSeeGrant(psb, PATHS.cityPsb)).toBe(true);
    }
  });

  it("only an approver of the item's org, or a supervisor above it, revokes a grant", () => {
    expect(canRevokeGrant(buildStaff(PATHS.cityAmr, ["approver"]), hrssItem)).toBe(false);
    expect(canRevokeGrant(buildStaff(hrssItem, ["approver"]), hrssItem)).toBe(true);
    expect(canRevokeGrant(buildStaff(hrssItem, ["reviewer"]), hrssItem)).toBe(false);
    expect(canRevokeGrant(buildStaff(PATHS.cityOffice, ["supervisor"]), hrssItem)).toBe(true);
    expect(canRevokeGrant(buildStaff(PATHS.huangpu, ["supervisor"]), hrssItem)).toBe(false);
    expect(canRevokeGrant(buildCitizen(), hrssItem)).toBe(false);
  });

  it("policy matches: catalogue administrators of their org, supervisors of their level", () => {
    expect(policiesVisibleSubtree(buildStaff(PATHS.huangpu, ["catalog_admin"]))).toBe(PATHS.huangpu);
    expect(policiesVisibleSubtree(buildStaff(PATHS.cityOffice, ["supervisor"]))).toBe(PATHS.city);
    expect(policiesVisibleSubtree(buildStaff(PATHS.cityAmr, ["approver"]))).toBeNull();
  });
});
