import type { Selectable } from "kysely";
import type { Actor } from "../../actor";
import type { DB } from "../../db/schema";
import type { Repositories } from "../../db/store";

export interface ApplicationAccess {
  /** The applicant: the account, the person (walk-in applications), or their enterprise. */
  isApplicant: boolean;
  /** Staff of the handling org's subtree: may act on it. */
  isHandlingStaff: boolean;
  /** Staff who may read it: the handling org's subtree or the accepting centre's (收受分离). */
  isStaffReader: boolean;
}

/** Who the actor is to this application; one rule for the detail, actions, materials and documents. */
export async function applicationAccess(repos: Repositories, actor: Actor, app: Selectable<DB["applications"]>): Promise<ApplicationAccess> {
  const isApplicant =
    actor.kind === "citizen" &&
    (app.applicant_account_id === actor.accountId ||
      (app.applicant_person_id !== null && app.applicant_person_id === actor.personId && app.acting_for_enterprise_id === null) ||
      (app.acting_for_enterprise_id !== null && app.acting_for_enterprise_id === actor.actingFor?.enterpriseId));
  if (actor.kind !== "staff" || !actor.orgPath) return { isApplicant, isHandlingStaff: false, isStaffReader: false };
  const paths = await repos.orgs.pathsOf([app.handling_org_id, ...(app.accepting_org_id ? [app.accepting_org_id] : [])]);
  const isHandlingStaff = paths.get(app.handling_org_id)?.startsWith(actor.orgPath) ?? false;
  const isAcceptingStaff = app.accepting_org_id ? (paths.get(app.accepting_org_id)?.startsWith(actor.orgPath) ?? false) : false;
  return { isApplicant, isHandlingStaff, isStaffReader: isHandlingStaff || isAcceptingStaff };
}
