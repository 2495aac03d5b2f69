import type { Selectable } from "kysely";
import type { Actor } from "../../actor";
import type { DB } from "../../db/schema";
import type { Repositories } from "../../db/store";
import { applicationAccessOf, type ApplicationAccess } from "./application.policy";

export type { ApplicationAccess } from "./application.policy";

/** Who the actor is to this application: reads the org paths it concerns, then applies the policy. */
export async function applicationAccess(repos: Repositories, actor: Actor, app: Selectable<DB["applications"]>): Promise<ApplicationAccess> {
  if (actor.kind !== "staff") return applicationAccessOf(actor, app, { handling: undefined, accepting: undefined });
  const paths = await repos.orgs.pathsOf([app.handling_org_id, ...(app.accepting_org_id ? [app.accepting_org_id] : [])]);
  return applicationAccessOf(actor, app, { handling: paths.get(app.handling_org_id), accepting: app.accepting_org_id ? paths.get(app.accepting_org_id) : undefined });
}
