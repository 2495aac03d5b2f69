import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import type { Actor, RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { AccountRepository } from "../identity";
import type { OrgRepository } from "../orgs";
import { applicationAccess } from "./application-access";
import type { ApplicationReadModel } from "./application-read-model";
import type { ApplicationTimeline } from "./application-timeline";
import type { ApplicationRepository } from "./application.repository";
import type { ActionCheck } from "./application-types";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; applications: ApplicationRepository; audit: AuditRepository; orgs: OrgRepository };

/**
 * 认领 / 指派: a member of the handling department who may act in the current state claims the
 * application, or a supervisor or approver of that department assigns it to such a colleague.
 * The assignment holds for the current step and is cleared by the next transition.
 * Raises: APPLICATION_NOT_FOUND, APPLICATION_CHANGED, ACTION_NOT_ALLOWED, FORBIDDEN, APPLICATION_CLAIMED, ASSIGNEE_INVALID.
 */
export class AssignApplication {
  private readonly checks: ActionCheck[] = [];

  constructor(
    private readonly store: Store<Repos>,
    private readonly timeline: ApplicationTimeline,
    private readonly read: ApplicationReadModel,
  ) {}

  /** A check asked before a claim or an assignment too (an item a department's system handles is not claimed at the workbench). */
  addActionCheck(check: ActionCheck) {
    this.checks.push(check);
  }

  async assign(actor: Actor, id: string, input: { assigneeAccountId: string | null; lockVersion: number }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const app = await repos.applications.findForUpdate(id);
      if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
      const access = await applicationAccess(repos, actor, app);
      if (!access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
      if (!access.isHandlingStaff && !access.canAssign) throw new DomainError("FORBIDDEN");
      if (app.lock_version !== input.lockVersion) throw new DomainError("APPLICATION_CHANGED", { currentLockVersion: app.lock_version, state: app.state });
      if (app.outcome !== null) throw new DomainError("ACTION_NOT_ALLOWED", { state: app.state, action: "assign" });
      for (const check of this.checks) {
        const refused = await check(repos, { actor, app, action: "assign", isApplicant: false, certificateData: false });
        if (refused) throw new DomainError(refused);
      }
      const stepRoles = this.stepRoles(app.workflow as WorkflowDefinition, app.state);
      const assigneeId = input.assigneeAccountId ?? actor.accountId;
      const claiming = assigneeId === actor.accountId;
      if (claiming) {
        if (!access.isHandlingStaff || !actor.roles.some((r) => stepRoles.has(r))) throw new DomainError("FORBIDDEN");
        if (app.assignee_account_id && app.assignee_account_id !== actor.accountId) throw new DomainError("APPLICATION_CLAIMED", { assigneeName: app.assignee_name });
      } else if (!access.canAssign) {
        throw new DomainError("FORBIDDEN");
      }
      const assignee = claiming ? { id: actor.accountId, name: actor.name } : await repos.accounts.findById(assigneeId);
      if (!claiming) {
        const a = assignee as Awaited<ReturnType<AccountRepository["findById"]>>;
        const handlingPath = (await repos.orgs.pathsOf([app.handling_org_id])).get(app.handling_org_id)!;
        const assigneePath = a?.org_id ? (await repos.orgs.pathsOf([a.org_id])).get(a.org_id) : undefined;
        if (!a || a.kind !== "staff" || a.disabled || !assigneePath?.startsWith(handlingPath) || !a.roles.some((r) => stepRoles.has(r as never))) throw new DomainError("ASSIGNEE_INVALID");
      }
      const ok = await repos.applications.updateIfVersion(id, input.lockVersion, { state: app.state, assignee_account_id: assignee!.id, assignee_name: assignee!.name });
      if (!ok) throw new DomainError("APPLICATION_CHANGED");
      await this.timeline.record(repos, app, {
        action: claiming ? "claim" : "assign",
        from: app.state,
        to: app.state,
        actor: { accountId: actor.accountId, name: actor.name, orgId: actor.orgId },
        opinion: claiming ? null : `指派给${assignee!.name}`,
        details: { assigneeAccountId: assignee!.id, assigneeName: assignee!.name },
      });
      await repos.audit.append(actor, ctx, { action: claiming ? "application.claim" : "application.assign", targetType: "application", targetId: id, regionCode: app.region_code, details: { number: app.number, assignee: assignee!.name } });
      return this.read.receipt(repos, id);
    });
  }

  /** Colleagues a supervisor or approver may assign the current step to: staff of the handling org with a role for it. */
  async assignees(actor: Actor, id: string) {
    const repos = this.store.repos;
    const app = await repos.applications.findById(id);
    if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
    const access = await applicationAccess(repos, actor, app);
    if (!access.isStaffReader) throw new DomainError("APPLICATION_NOT_FOUND");
    if (!access.canAssign) throw new DomainError("FORBIDDEN");
    const stepRoles = this.stepRoles(app.workflow as WorkflowDefinition, app.state);
    const handlingPath = (await repos.orgs.pathsOf([app.handling_org_id])).get(app.handling_org_id)!;
    const staff = await repos.accounts.listStaffInSubtree(handlingPath, undefined, 200, 0);
    return staff.filter((s) => !s.disabled && s.roles.some((r) => stepRoles.has(r as never))).map((s) => ({ accountId: s.id, name: s.name, orgName: s.org_name }));
  }

  /** The roles that may act in a state (the step's roles). */
  private stepRoles(workflow: WorkflowDefinition, state: string) {
    return new Set(workflow.actions.filter((a) => a.from.includes(state)).flatMap((a) => a.roles));
  }
}
