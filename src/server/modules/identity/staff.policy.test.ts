import { describe, expect, it } from "vitest";
import type { Actor } from "../../actor";
import { buildStaff } from "../../testing/actors";
import { canManageStaffAt, isSelfLockout } from "./staff.policy";

const admin = (orgPath: string, roles: Actor["roles"] = ["sys_admin"]): Actor => buildStaff(orgPath, roles, { accountId: "a", orgId: "o" });

describe("staff policy", () => {
  it("lets an administrator manage their own subtree only", () => {
    expect(canManageStaffAt(admin("310000/310101/"), "310000/310101/310101-SC/")).toBe(true);
    expect(canManageStaffAt(admin("310000/310101/"), "310000/310104/")).toBe(false);
    expect(canManageStaffAt(admin("310000/310101/"), "310000/")).toBe(false);
    expect(canManageStaffAt(admin("310000/"), "310000/310104/310104-SC/")).toBe(true);
  });

  it("requires the sys_admin role", () => {
    expect(canManageStaffAt(admin("310000/", ["supervisor"]), "310000/310101/")).toBe(false);
  });

  it("stops administrators locking themselves out", () => {
    const a = admin("310000/");
    expect(isSelfLockout(a, "a", { disabled: true })).toBe(true);
    expect(isSelfLockout(a, "a", { roles: ["supervisor"] })).toBe(true);
    expect(isSelfLockout(a, "a", { roles: ["sys_admin", "supervisor"] })).toBe(false);
    expect(isSelfLockout(a, "b", { disabled: true })).toBe(false);
  });
});
