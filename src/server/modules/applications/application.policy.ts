import { hasRole, type Actor } from "../../actor";
import { ownSubtree, supervisedSubtree, supervises, within } from "../../access/scope";

/** Who the actor is to an application (pure; see access/scope.ts for the rule). */
export interface ApplicationAccess {
  /** The applicant: the account, the person (walk-in applications), or their enterprise. */
  isApplicant: boolean;
  /** Staff of the handling org's subtree: may act on it (each action still names its roles). */
  isHandlingStaff: boolean;
  /** A supervisor whose government level includes the handling org: reads, and assigns. */
  isSupervisor: boolean;
  /** Staff who may read it: handling staff, the accepting centre's staff (收受分离), supervisors above it. */
  isStaffReader: boolean;
  /** Who may assign the current step to a colleague: approvers of the handling org, supervisors above it. */
  canAssign: boolean;
}

export interface ApplicationParties {
  applicant_account_id: string | null;
  applicant_person_id: string | null;
  acting_for_enterprise_id: string | null;
}

/** The one rule for who reads and acts on an application: detail, actions, materials, documents. */
export function applicationAccessOf(actor: Actor, app: ApplicationParties, paths: { handling: string | undefined; accepting: string | undefined }): ApplicationAccess {
  const isApplicant =
    actor.kind === "citizen" &&
    (app.applicant_account_id === actor.accountId ||
      (app.applicant_person_id !== null && app.applicant_person_id === actor.personId && app.acting_for_enterprise_id === null) ||
      (app.acting_for_enterprise_id !== null && app.acting_for_enterprise_id === actor.actingFor?.enterpriseId));
  const own = ownSubtree(actor);
  const isHandlingStaff = within(paths.handling, own);
  const isAcceptingStaff = within(paths.accepting, own);
  const isSupervisor = supervises(actor, paths.handling);
  return {
    isApplicant,
    isHandlingStaff,
    isSupervisor,
    isStaffReader: isHandlingStaff || isAcceptingStaff || isSupervisor,
    canAssign: (isHandlingStaff && hasRole(actor, "approver", "supervisor")) || isSupervisor,
  };
}

/** The inbox a staff member opens: their own org's subtree; a supervisor's, their government level's. */
export function inboxSubtree(actor: Actor): string | null {
  return supervisedSubtree(actor) ?? ownSubtree(actor);
}
