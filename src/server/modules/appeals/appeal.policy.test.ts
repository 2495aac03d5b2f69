import { describe, expect, it } from "vitest";
import { buildCitizen, buildStaff, PATHS } from "../../testing/actors";
import { canEditDispatch, hotTopicsDistrict, ticketAccess, ticketListScope } from "./appeal.policy";

describe("12345 policy", () => {
  const street = { org_path: PATHS.nanjingdonglu, citizen_account_id: "citizen" };
  const atDesk = { org_path: null, citizen_account_id: "citizen" };
  it("the desk sees every ticket; the street its own; another district's supervisor none", () => {
    expect(ticketAccess(buildStaff(PATHS.cityHotline, ["hotline_agent"]), street).desk).toBe(true);
    expect(ticketAccess(buildStaff(PATHS.nanjingdonglu, ["appeal_handler"]), street).org).toBe(true);
    expect(ticketAccess(buildStaff(PATHS.cityAmr, ["reviewer"]), street)).toEqual({ desk: false, org: false, supervisor: false, citizen: false });
    expect(ticketAccess(buildStaff(PATHS.huangpu, ["supervisor"]), street).supervisor).toBe(true);
    expect(ticketAccess(buildStaff(PATHS.pudong, ["supervisor"]), street).supervisor).toBe(false);
  });

  it("a ticket still at the desk is the city supervisors' to see, not a district's", () => {
    expect(ticketAccess(buildStaff(PATHS.cityOffice, ["supervisor"]), atDesk).supervisor).toBe(true);
    expect(ticketAccess(buildStaff(PATHS.huangpu, ["supervisor"]), atDesk).supervisor).toBe(false);
    expect(ticketAccess(buildCitizen(), atDesk).citizen).toBe(true);
  });

  it("list scopes", () => {
    expect(ticketListScope(buildStaff(PATHS.cityHotline, ["hotline_agent"]))).toEqual({ kind: "desk" });
    expect(ticketListScope(buildStaff(PATHS.cityOffice, ["supervisor"]))).toEqual({ kind: "desk" });
    expect(ticketListScope(buildStaff(PATHS.huangpu, ["supervisor"]))).toEqual({ kind: "org", path: PATHS.huangpu });
    expect(ticketListScope(buildStaff(PATHS.cityAmr, ["approver"]))).toEqual({ kind: "org", path: PATHS.cityAmr });
    expect(ticketListScope(buildStaff(PATHS.cityAmr, ["catalog_admin"]))).toBeNull();
    expect(ticketListScope(buildCitizen())).toEqual({ kind: "citizen", accountId: "citizen" });
  });

  it("the dispatch catalogue and hot topics", () => {
    expect(canEditDispatch(buildStaff(PATHS.cityHotline, ["hotline_agent"]))).toBe(true);
    expect(canEditDispatch(buildStaff(PATHS.city, ["sys_admin"]))).toBe(true);
    expect(canEditDispatch(buildStaff(PATHS.cityPsb, ["sys_admin"]))).toBe(false);
    expect(canEditDispatch(buildStaff(PATHS.huangpu, ["supervisor"]))).toBe(false);
    expect(hotTopicsDistrict(buildStaff(PATHS.cityOffice, ["supervisor"]))).toBeNull();
    expect(hotTopicsDistrict(buildStaff(PATHS.huangpu, ["supervisor"], { regionCode: "310101" }))).toBe("310101");
    expect(hotTopicsDistrict(buildStaff(PATHS.cityAmr, ["approver"]))).toBeUndefined();
  });
});
