import { describe, expect, it } from "vitest";
import { buildCitizen, buildStaff, PATHS } from "../../testing/actors";
import { caseAccess, casesVisibleSubtree, traceSubtree } from "./rating.policy";

describe("差评 case policy", () => {
  const c = { org_path: PATHS.huangpuAmr, rater_account_id: "citizen" };
  it("the responsible org's handlers, supervisors above it and the rater; no one else", () => {
    expect(caseAccess(buildStaff(PATHS.huangpuAmr, ["reviewer"]), c)).toEqual({ org: true, supervisor: false, rater: false });
    expect(caseAccess(buildStaff(PATHS.cityAmr, ["reviewer"]), c)).toEqual({ org: false, supervisor: false, rater: false });
    expect(caseAccess(buildStaff(PATHS.cityOffice, ["supervisor"]), c)).toEqual({ org: false, supervisor: true, rater: false });
    expect(caseAccess(buildStaff(PATHS.pudong, ["supervisor"]), c)).toEqual({ org: false, supervisor: false, rater: false });
    expect(caseAccess(buildCitizen(), c).rater).toBe(true);
    expect(caseAccess(buildCitizen({ accountId: "other" }), c).rater).toBe(false);
  });

  it("case lists and tracing: own org, or the supervisor's level", () => {
    expect(casesVisibleSubtree(buildStaff(PATHS.cityAmr, ["approver"]))).toBe(PATHS.cityAmr);
    expect(casesVisibleSubtree(buildStaff(PATHS.cityAmr, ["catalog_admin"]))).toBeNull();
    expect(casesVisibleSubtree(buildStaff(PATHS.cityOffice, ["supervisor"]))).toBe(PATHS.city);
    expect(traceSubtree(buildStaff(PATHS.cityAmr, ["sys_admin"]))).toBe(PATHS.cityAmr);
    expect(traceSubtree(buildStaff(PATHS.huangpu, ["supervisor"]))).toBe(PATHS.huangpu);
  });
});
