import { describe, expect, it } from "vitest";
import { buildCitizen, buildStaff, PATHS } from "../../testing/actors";
import { applicationAccessOf, inboxSubtree } from "./application.policy";

describe("application policy", () => {
  const app = { applicant_account_id: "citizen", applicant_person_id: "person", acting_for_enterprise_id: null };
  const paths = { handling: PATHS.huangpuAmr, accepting: "310000/310115/310115-SC/310115-SC-W01/" };

  it("handling staff act, the accepting window reads, a city bureau of the same line sees nothing", () => {
    expect(applicationAccessOf(buildStaff(PATHS.huangpuAmr, ["reviewer"]), app, paths)).toMatchObject({ isHandlingStaff: true, isStaffReader: true, canAssign: false });
    expect(applicationAccessOf(buildStaff(PATHS.huangpuAmr, ["approver"]), app, paths).canAssign).toBe(true);
    expect(applicationAccessOf(buildStaff("310000/310115/310115-SC/", ["window_clerk"]), app, paths)).toMatchObject({ isHandlingStaff: false, isStaffReader: true });
    expect(applicationAccessOf(buildStaff(PATHS.cityAmr, ["approver"]), app, paths)).toMatchObject({ isHandlingStaff: false, isStaffReader: false, canAssign: false });
  });

  it("supervisors above the handling org read and assign but do not handle", () => {
    expect(applicationAccessOf(buildStaff(PATHS.cityOffice, ["supervisor"]), app, paths)).toMatchObject({ isHandlingStaff: false, isSupervisor: true, isStaffReader: true, canAssign: true });
    expect(applicationAccessOf(buildStaff("310000/310104/", ["supervisor"]), app, paths)).toMatchObject({ isSupervisor: false, isStaffReader: false });
  });

  it("the applicant is the account, the person, or the enterprise acted for", () => {
    expect(applicationAccessOf(buildCitizen(), app, paths).isApplicant).toBe(true);
    expect(applicationAccessOf(buildCitizen({ accountId: "x", personId: "y" }), app, paths).isApplicant).toBe(false);
  });

  it("the inbox: own org, or the supervisor's level", () => {
    expect(inboxSubtree(buildStaff(PATHS.cityAmr, ["reviewer"]))).toBe(PATHS.cityAmr);
    expect(inboxSubtree(buildStaff(PATHS.cityOffice, ["supervisor"]))).toBe(PATHS.city);
    expect(inboxSubtree(buildCitizen())).toBeNull();
  });
});
