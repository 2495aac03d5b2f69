import type { Actor } from "../../actor";

/**
 * Who may manage staff: a 系统管理员 may manage staff whose org lies in their own subtree,
 * and may move staff only to orgs in that subtree. Pure functions, tested on their own.
 */
export function canManageStaffAt(actor: Actor, targetOrgPath: string): boolean {
  return actor.kind === "staff" && actor.roles.includes("sys_admin") && actor.orgPath !== null && targetOrgPath.startsWith(actor.orgPath);
}

/** A staff member may not disable themselves nor remove their own administrator role (no lock-out by mistake). */
export function isSelfLockout(actor: Actor, targetAccountId: string, change: { disabled?: boolean; roles?: string[] }): boolean {
  if (actor.accountId !== targetAccountId) return false;
  return change.disabled === true || (change.roles !== undefined && !change.roles.includes("sys_admin"));
}
