import type { Actor } from "../../actor";
import type { Role } from "../../../shared/roles";

/** Catalogue administrators edit items implemented in their own org subtree. */
export function canEditItem(actor: Actor, itemOrgPath: string): boolean {
  return actor.kind === "staff" && actor.roles.includes("catalog_admin") && actor.orgPath !== null && itemOrgPath.startsWith(actor.orgPath);
}

/** Whoever holds one of `roles` in an org above or at the item's org may take the action. */
export function canActOnItem(actor: Actor, roles: Role[], itemOrgPath: string): boolean {
  return actor.kind === "staff" && roles.some((r) => actor.roles.includes(r)) && actor.orgPath !== null && itemOrgPath.startsWith(actor.orgPath);
}
