import type { Role } from "../../shared/roles";
import { hasRole, type Actor } from "../actor";

/**
 * The one rule of scope, as pure functions every module's policy builds on:
 * - staff act on what their own organisation handles, within its subtree (`ownSubtree`): a reviewer of
 *   上海市公安局 handles the bureau's items, not 黄浦分局's and not 市场监管局's, however "city-level"
 *   the bureau is;
 * - a supervisor (效能监督) oversees the government level their organisation belongs to, across its
 *   departments (`supervisedSubtree`): the city's general office the whole city, a district's
 *   supervisor that district. They see there; they act only where a module says so.
 * Subtrees are materialised org paths ("310000/310101/"); a path is within a subtree when it starts with it.
 */

/** The subtree of the staff member's own organisation; null for anyone else. */
export function ownSubtree(actor: Actor): string | null {
  return actor.kind === "staff" ? actor.orgPath : null;
}

/** The subtree of the government level (city, district, street, community) the staff member's org belongs to. */
export function governmentSubtree(actor: Actor): string | null {
  return actor.kind === "staff" ? actor.governmentPath : null;
}

/** What a supervisor oversees: their government level, across departments; null for anyone not a supervisor. */
export function supervisedSubtree(actor: Actor): string | null {
  return hasRole(actor, "supervisor") ? governmentSubtree(actor) : null;
}

/** True when `path` lies in `subtree` (both materialised paths); nothing lies in a null subtree. */
export function within(path: string | null | undefined, subtree: string | null): boolean {
  return typeof path === "string" && subtree !== null && path.startsWith(subtree);
}

/** True when the staff member's own subtree is a whole region's root (the city government itself, or a district's). */
function isRegionRoot(path: string | null): boolean {
  return path !== null && path.split("/").filter(Boolean).length === 1;
}

/** Staff whose own organisation is the city itself (上海市): city-wide administration. */
export function isCityWide(actor: Actor): boolean {
  return isRegionRoot(ownSubtree(actor));
}

/** Staff whose government level is the city (the city's departments and offices): city-level settings and dictionaries. */
export function servesCity(actor: Actor): boolean {
  return isRegionRoot(governmentSubtree(actor));
}

/**
 * The subtree a staff member sees in a module where `workRoles` work in their own organisation and
 * supervisors oversee theirs: the wider of the two the actor holds; null when they hold neither.
 */
export function visibleSubtree(actor: Actor, workRoles: Role[]): string | null {
  return supervisedSubtree(actor) ?? (hasRole(actor, ...workRoles) ? ownSubtree(actor) : null);
}

/** True when the actor works on `path` through one of `roles` in their own organisation's subtree. */
export function worksOn(actor: Actor, roles: Role[], path: string | null | undefined): boolean {
  return hasRole(actor, ...roles) && within(path, ownSubtree(actor));
}

/** True when the actor supervises `path`. */
export function supervises(actor: Actor, path: string | null | undefined): boolean {
  return within(path, supervisedSubtree(actor));
}

/**
 * Data administration (registries, sharing rules): data administrators look after their government
 * level's data (the city's big-data centre the city's); system administrators their own subtree.
 */
export function dataSubtree(actor: Actor): string | null {
  if (hasRole(actor, "data_admin")) return governmentSubtree(actor);
  return hasRole(actor, "sys_admin") ? ownSubtree(actor) : null;
}

/**
 * City-wide standards and settings (the data-element dictionary, deadlines, bundles): `levelRoles` of
 * the city government (its departments included), or system administrators of the city itself.
 */
export function keepsCityStandard(actor: Actor, levelRoles: Role[]): boolean {
  return (hasRole(actor, ...levelRoles) && servesCity(actor)) || (hasRole(actor, "sys_admin") && isCityWide(actor));
}
