import { HANDLER_ROLES } from "../../../shared/roles";
import type { Actor } from "../../actor";
import { ownSubtree, supervisedSubtree, supervises, visibleSubtree, worksOn } from "../../access/scope";

/** Who sees and works 差评 cases and the tracing figures (pure; see access/scope.ts for the rule). */

/** Who the actor is to a case: a handler of the responsible org's subtree, a supervisor above it, or the rater. */
export function caseAccess(actor: Actor, c: { org_path: string; rater_account_id: string | null }) {
  return {
    org: worksOn(actor, HANDLER_ROLES, c.org_path),
    supervisor: supervises(actor, c.org_path),
    rater: actor.kind === "citizen" && c.rater_account_id === actor.accountId,
  };
}

/** The cases a staff member lists: handlers their org's subtree, supervisors their government level's. */
export function casesVisibleSubtree(actor: Actor): string | null {
  return visibleSubtree(actor, HANDLER_ROLES);
}

/** 服务溯源: every staff member sees their own org's subtree; supervisors their government level's. */
export function traceSubtree(actor: Actor): string | null {
  return supervisedSubtree(actor) ?? ownSubtree(actor);
}
