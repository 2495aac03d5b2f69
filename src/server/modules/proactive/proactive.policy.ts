import type { Actor } from "../../actor";
import { supervises, visibleSubtree, within, worksOn } from "../../access/scope";

/**
 * Who sees and acts on 免申即享 grants and 政策找人 matches (pure; see access/scope.ts for the rule).
 */

/** 免申即享 grants: reviewers and approvers see the grants of their own org's items; supervisors their government level's. */
export function grantsVisibleSubtree(actor: Actor): string | null {
  return visibleSubtree(actor, ["reviewer", "approver"]);
}

/** True when the actor sees the grant of an item at `itemOrgPath`. */
export function canSeeGrant(actor: Actor, itemOrgPath: string): boolean {
  return within(itemOrgPath, grantsVisibleSubtree(actor));
}

/** Revoking a grant stops a payment: an approver of the item's own org, or a supervisor above it. */
export function canRevokeGrant(actor: Actor, itemOrgPath: string): boolean {
  return worksOn(actor, ["approver"], itemOrgPath) || supervises(actor, itemOrgPath);
}

/** 政策找人: catalogue administrators publish and read the matches of their org's policies; supervisors their government level's. */
export function policiesVisibleSubtree(actor: Actor): string | null {
  return visibleSubtree(actor, ["catalog_admin"]);
}
