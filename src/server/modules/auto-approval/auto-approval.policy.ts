import type { Actor } from "../../actor";
import { supervises, visibleSubtree, within, worksOn } from "../../access/scope";

/** Who reads, writes, switches and re-checks 秒批 rules (pure; see access/scope.ts for the rule). */

/** Reading an item's rule: catalogue, system, review and approval staff of the item's org, or a supervisor above it. */
export function canReadRule(actor: Actor, itemOrgPath: string): boolean {
  return worksOn(actor, ["catalog_admin", "sys_admin", "reviewer", "approver"], itemOrgPath) || supervises(actor, itemOrgPath);
}

/** Writing an item's rule: catalogue administrators of the item's org subtree only. */
export function canWriteRule(actor: Actor, itemOrgPath: string): boolean {
  return worksOn(actor, ["catalog_admin"], itemOrgPath);
}

/** Testing and switching a rule on or off: the item's catalogue administrators, or a supervisor above it. */
export function canSwitchRule(actor: Actor, itemOrgPath: string): boolean {
  return worksOn(actor, ["catalog_admin"], itemOrgPath) || supervises(actor, itemOrgPath);
}

/** 秒批事项: the items with a rule that catalogue administrators (own org) and supervisors (their government level) list. */
export function rulesVisibleSubtree(actor: Actor): string | null {
  return visibleSubtree(actor, ["catalog_admin"]);
}

/** The re-check queue: reviewers and approvers of their own org, supervisors of their government level. */
export function checksVisibleSubtree(actor: Actor): string | null {
  return visibleSubtree(actor, ["reviewer", "approver"]);
}

/** Re-checking a sampled automatic approval of an application handled at `handlingOrgPath`. */
export function canCheck(actor: Actor, handlingOrgPath: string): boolean {
  return within(handlingOrgPath, checksVisibleSubtree(actor));
}
