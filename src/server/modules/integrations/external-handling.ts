import type { ErrorCode } from "../../../shared/errors";
import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { StaffDirectoryRepository } from "../identity";
import { sendDirect, type DirectMessageRepos } from "../notifications";
import type { ClientRepository } from "./client.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { clients: ClientRepository; audit: AuditRepository; staffDirectory: StaffDirectoryRepository } & DirectMessageRepos;

/**
 * Services handled in a department's own system. On submission the application is forwarded (the
 * `application.submitted` event does the telling; here it is recorded with the time by which the system
 * must acknowledge it). Only that system acts on it then — the workbench reads it — under the same
 * workflow, deadlines and audit; its first call about the application (an acknowledgement or an action)
 * acknowledges it, and an application still unacknowledged in time alerts the department's handlers.
 */
export class ExternalHandling {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The state-entry listener: a submission of an externally handled item is forwarded. */
  async onEntered(unit: UnitOfWork, app: { id: string; itemId: string; workflow: WorkflowDefinition; regionCode: string }, state: string) {
    if (app.workflow.states.find((s) => s.key === state)?.kind !== "start") return;
    const repos = this.store.within(unit);
    const handler = await repos.clients.handlerOf(app.itemId);
    if (!handler) return;
    const now = this.now();
    await repos.clients.forward({ application_id: app.id, client_id: handler.id, org_id: handler.org_id, forwarded_at: now, ack_due_at: new Date(now.getTime() + handler.ack_minutes * 60_000), region_code: app.regionCode });
  }

  /** The action check: on an externally handled item, staff (not the applicant) act only as its system; certificate data only from a system allowed to issue. */
  async check(unit: UnitOfWork, c: { actor: Actor; app: { id: string; item_id: string }; isApplicant: boolean; certificateData: boolean }): Promise<ErrorCode | null> {
    if (c.certificateData && !c.actor.client?.scopes.includes("certificates.issue")) return "CERTIFICATE_DATA_NOT_ALLOWED";
    if (c.isApplicant) return null;
    const repos = this.store.within(unit);
    const handler = await repos.clients.handlerOf(c.app.item_id);
    if (!handler) return null;
    if (c.actor.client?.id !== handler.id) return "HANDLED_EXTERNALLY";
    await repos.clients.acknowledge(c.app.id, handler.id, this.now());
    return null;
  }

  /** A department system confirms it received a forwarded application. */
  async acknowledge(actor: Actor, applicationId: string, ctx: RequestContext) {
    if (!actor.client) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const at = await repos.clients.acknowledge(applicationId, actor.client!.id, this.now());
      if (!at) throw new DomainError("APPLICATION_NOT_FOUND");
      await repos.audit.append(actor, ctx, { action: "integration.acknowledge", targetType: "application", targetId: applicationId, details: { at: at.toISOString() } });
      return { acknowledgedAt: at.toISOString() };
    });
  }

  /** Alerts the department of every forwarded application its system has not acknowledged in time (once each); the number alerted. */
  async alertStalled(limit = 100): Promise<number> {
    return this.store.transact(async (repos) => {
      const now = this.now();
      const stalled = await repos.clients.claimStalled(now, limit);
      for (const s of stalled) {
        // The department's own handlers; where it has none, the supervisors over it.
        const own = await repos.staffDirectory.appealHandlersOf(s.org_id);
        const handlers = own.length ? own : await repos.staffDirectory.supervisorsOver(s.org_id);
        const minutes = Math.round((now.getTime() - s.forwarded_at.getTime()) / 60_000);
        await sendDirect(
          repos,
          handlers.map((h) => ({
            accountId: h.id,
            kind: "integration_stalled",
            title: "部门业务系统未确认接收办件",
            body: `办件 ${s.number ?? ""} 已推送至“${s.client_name}” ${minutes} 分钟，尚未确认接收。请检查该系统的运行和事件订阅，必要时联系系统管理员收回至工作台办理。`,
            titleEn: "A department system has not acknowledged an application",
            bodyEn: `Application ${s.number ?? ""} was forwarded to “${s.client_name}” ${minutes} minutes ago and has not been acknowledged. Check the system and its event subscription; if needed, ask an administrator to take the service back to the workbench.`,
            link: `/workbench/applications/${s.application_id}`,
            external: false,
          })),
          s.region_code,
        );
        await repos.clients.markAlerted(s.application_id, now);
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "integration.stalled", targetType: "application", targetId: s.application_id, orgId: s.org_id, regionCode: s.region_code, details: { number: s.number, client: s.client_name, minutes, notified: handlers.length } });
      }
      return stalled.length;
    });
  }
}
