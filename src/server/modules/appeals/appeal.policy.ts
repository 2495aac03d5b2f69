import { HANDLER_ROLES } from "../../../shared/roles";
import { hasRole, type Actor } from "../../actor";
import { isCityWide, servesCity, supervisedSubtree, supervises, visibleSubtree, worksOn } from "../../access/scope";

/**
 * Who sees and works 12345 tickets, the dispatch catalogue and hot topics (pure; see access/scope.ts).
 * The 12345 desk (hotline agents) takes every ticket of the city: that is what its organisation handles.
 * A ticket not yet dispatched is held by the desk, within the city government.
 */

/** True when a supervisor oversees the whole city (the city government's own supervisors). */
function supervisesCity(actor: Actor): boolean {
  return hasRole(actor, "supervisor") && servesCity(actor);
}

/** Who the actor is to a ticket handled by the org at `org_path` (null: still at the desk). */
export function ticketAccess(actor: Actor, t: { org_path: string | null; citizen_account_id: string | null }) {
  return {
    desk: hasRole(actor, "hotline_agent"),
    org: worksOn(actor, HANDLER_ROLES, t.org_path),
    supervisor: t.org_path === null ? supervisesCity(actor) : supervises(actor, t.org_path),
    citizen: actor.kind === "citizen" && t.citizen_account_id === actor.accountId,
  };
}

export type TicketListScope = { kind: "desk" } | { kind: "org"; path: string } | { kind: "citizen"; accountId: string };

/** The tickets the actor lists: the desk and the city's supervisors all, handlers their org's subtree, district supervisors their district, citizens their own. */
export function ticketListScope(actor: Actor): TicketListScope | null {
  if (actor.kind === "citizen") return { kind: "citizen", accountId: actor.accountId };
  if (hasRole(actor, "hotline_agent") || supervisesCity(actor)) return { kind: "desk" };
  const path = visibleSubtree(actor, HANDLER_ROLES);
  return path === null ? null : { kind: "org", path };
}

/** The dispatch catalogue (派单目录) is the desk's, and the city's system administrators' and supervisors'. */
export function canEditDispatch(actor: Actor): boolean {
  return hasRole(actor, "hotline_agent") || supervisesCity(actor) || (hasRole(actor, "sys_admin") && isCityWide(actor));
}

/**
 * Hot topics: the desk and the city's supervisors see the whole city (null district); a district's
 * supervisor their district. Anyone else is refused (undefined).
 */
export function hotTopicsDistrict(actor: Actor): string | null | undefined {
  if (hasRole(actor, "hotline_agent") || supervisesCity(actor)) return null;
  const subtree = supervisedSubtree(actor);
  return subtree === null ? undefined : actor.regionCode;
}
