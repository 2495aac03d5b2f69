import type { Selectable } from "kysely";
import type { UnitOfWork } from "../../db/store";
import type { Actor } from "../../actor";
import type { DB } from "../../db/schema";
import type { OrgRepository } from "../orgs";
import type { ApplicationRepository } from "./application.repository";
import { applicationAccessOf, type ApplicationAccess } from "./application.policy";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; orgs: OrgRepository };

export type { ApplicationAccess } from "./application.policy";

/** Who the actor is to this application: reads the org paths it concerns, then applies the policy. */
export async function applicationAccess(repos: Repos, actor: Actor, app: Selectable<DB["applications"]>): Promise<ApplicationAccess> {
  if (actor.kind !== "staff") return applicationAccessOf(actor, app, { handling: undefined, accepting: undefined });
  const paths = await repos.orgs.pathsOf([app.handling_org_id, ...(app.accepting_org_id ? [app.accepting_org_id] : [])]);
  return applicationAccessOf(actor, app, { handling: paths.get(app.handling_org_id), accepting: app.accepting_org_id ? paths.get(app.accepting_org_id) : undefined });
}

/** Who may see an application's materials: its applicant, or staff who may read it (their read is audited). */
export async function materialAccess(repos: Repos & { applications: ApplicationRepository }, actor: Actor, applicationId: string): Promise<{ staffRead: { personId: string | null; regionCode: string } | null } | null> {
  const app = await repos.applications.findById(applicationId);
  if (!app) return null;
  const access = await applicationAccess(repos, actor, app);
  if (access.isApplicant) return { staffRead: null };
  return access.isStaffReader ? { staffRead: { personId: app.applicant_person_id, regionCode: app.region_code } } : null;
}
