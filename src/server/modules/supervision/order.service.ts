import type { z } from "zod";
import { HANDLER_ROLES } from "../../../shared/roles";
import { ORDER_STATES, ORDER_TRANSITIONS, orderTransition, SCORE_INDICATORS, type OrderState, type ScoreIndicator } from "../../../shared/scorecard";
import type { orderCreate, OrderView } from "../../../shared/schemas/scorecard";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { supervisedSubtree, supervises, visibleSubtree, within, worksOn } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { StaffDirectoryRepository } from "../identity";
import type { CounterRepository } from "../numbering";
import { sendDirect, type DirectMessageRepos } from "../notifications";
import type { PerformanceRepository } from "./performance.repository";
import type { ScorecardRepository } from "./scorecard.repository";
import type { ScorecardService } from "./scorecard.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; counters: CounterRepository; performance: PerformanceRepository; scorecards: ScorecardRepository; staffDirectory: StaffDirectoryRepository } & DirectMessageRepos;

type OrderRow = NonNullable<Awaited<ReturnType<ScorecardRepository["findOrder"]>>>;
type Snapshot = { key: string; name: string; value: number | null; points: number | null; weight: number };

const EVENT_LABELS: Record<string, string> = { send: "发出督办", escalate: "逾期未整改，提请督办" };

/**
 * 督办: a supervisor sends a department an order to put right the month's worst indicators or a set of
 * cases (overdue ones, late ones), with a deadline in working days; the department's handlers report
 * what they did; the supervisor accepts or returns it; an order not answered by its deadline is
 * escalated once. Each step is one transaction with its event, audit record and messages.
 */
export class SupervisionOrderService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
    private readonly scorecards: ScorecardService,
  ) {}

  /** Sends an order to a department the supervisor oversees. Raises FORBIDDEN, ORG_NOT_FOUND, ORDER_EXISTS, ORDER_CASES_INVALID, ORDER_DEADLINE_UNKNOWN. */
  async send(actor: Actor, input: z.infer<typeof orderCreate>, ctx: RequestContext) {
    if (supervisedSubtree(actor) === null) throw new DomainError("FORBIDDEN");
    const org = await this.store.repos.scorecards.org(input.orgId);
    if (!org) throw new DomainError("ORG_NOT_FOUND");
    if (!supervises(actor, org.path)) throw new DomainError("FORBIDDEN");
    const today = todayInChina(this.now());
    const settings = await this.scorecards.settingsFor(today.slice(0, 7));
    const deadline = this.calendarOf().deadlineOrNull(today, input.days ?? settings.value.orderDays);
    if (!deadline) throw new DomainError("ORDER_DEADLINE_UNKNOWN");
    const snapshot = input.month && input.indicators?.length ? await this.snapshot(actor, input.month, input.orgId, input.indicators) : [];
    const applicationIds = [...new Set(input.applicationIds ?? [])];
    const id = await this.store.transact(async (repos) => {
      const cases = await repos.scorecards.applications(applicationIds);
      const orgPaths = await repos.scorecards.orgPaths(cases.map((c) => c.handling_org_id));
      if (cases.length !== applicationIds.length || cases.some((c) => !within(orgPaths.get(c.handling_org_id), org.path))) throw new DomainError("ORDER_CASES_INVALID");
      if (input.month && (await repos.scorecards.ordersOfMonth(input.month, org.path)).some((o) => o.org_id === org.id && o.state !== "closed")) throw new DomainError("ORDER_EXISTS");
      const seq = await repos.counters.next("DB", today);
      const number = `DB${today.replaceAll("-", "")}${String(seq).padStart(4, "0")}`;
      const created = await repos.scorecards.insertOrder({ number, org_id: org.id, org_path: org.path, region_code: org.region_code, month: input.month ?? null, subject: input.subject, note: input.note, indicators: JSON.stringify(snapshot), application_ids: JSON.stringify(applicationIds), state: "rectifying", deadline, created_by_account_id: actor.accountId, created_by_name: actor.name });
      await repos.scorecards.insertOrderEvent({ order_id: created.id, action: "send", from_state: null, to_state: "rectifying", actor_account_id: actor.accountId, actor_name: actor.name, note: input.note, created_at: this.now() });
      await repos.audit.append(actor, ctx, { action: "supervision_order.send", targetType: "supervision_order", targetId: created.id, orgId: org.id, regionCode: org.region_code, details: { number, subject: input.subject, month: input.month ?? null, indicators: input.indicators ?? [], applications: applicationIds.length, deadline } });
      const handlers = await repos.staffDirectory.handlersOf(org.id, HANDLER_ROLES);
      await sendDirect(
        repos,
        handlers.map((h) => ({ accountId: h.id, kind: "supervision_order", title: "收到督办，请按期整改", body: `${actor.name}发出督办 ${number}：${input.subject}。请于 ${deadline} 前整改并反馈。`, titleEn: "Supervision order received: please put it right in time", bodyEn: `${actor.name} sent order ${number}: ${input.subject}. Report what was put right by ${deadline}.`, link: `/workbench/orders/${created.id}`, external: false })),
        org.region_code,
      );
      return created.id;
    });
    return this.get(actor, id);
  }

  /** The indicators named, as the month's scorecard had them when the order was sent. */
  private async snapshot(actor: Actor, month: string, orgId: string, keys: ScoreIndicator[]): Promise<Snapshot[]> {
    const card = (await this.scorecards.scorecard(actor, month)).departments.find((d) => d.orgId === orgId);
    return keys.map((key) => {
      const i = card?.indicators.find((x) => x.key === key);
      return { key, name: SCORE_INDICATORS[key].zh, value: i?.value ?? null, points: i?.points ?? null, weight: i?.weight ?? 0 };
    });
  }

  private scope(actor: Actor): string {
    const subtree = visibleSubtree(actor, HANDLER_ROLES);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    return subtree;
  }

  private access(actor: Actor, o: Pick<OrderRow, "org_path">) {
    return { org: worksOn(actor, HANDLER_ROLES, o.org_path), supervisor: supervises(actor, o.org_path) };
  }

  private summary(o: OrderRow) {
    const state = o.state as OrderState;
    return {
      id: o.id,
      number: o.number,
      orgName: o.org_name,
      subject: o.subject,
      month: o.month,
      state,
      stateName: ORDER_STATES[state]?.zh ?? o.state,
      deadline: o.deadline,
      light: state === "rectifying" ? this.calendarOf().lightOrNull(todayInChina(this.now()), o.deadline) : null,
      escalated: o.escalated,
      createdBy: o.created_by_name,
      createdAt: o.created_at.toISOString(),
    };
  }

  /** Orders of the caller's scope: supervisors their level's departments, handlers their own department's. */
  async list(actor: Actor, state: string, limit: number, offset: number) {
    const rows = await this.store.repos.scorecards.listOrders(this.scope(actor), state, limit, offset);
    return rows.map((o) => this.summary(o));
  }

  /** Orders waiting for the actor: a department's handlers those to put right, supervisors those answered (to review). */
  async countWaiting(actor: Actor): Promise<number> {
    const subtree = visibleSubtree(actor, HANDLER_ROLES);
    if (subtree === null) return 0;
    return this.store.repos.scorecards.countOrders(subtree, supervisedSubtree(actor) !== null ? ["answered"] : ["rectifying"]);
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    const o = await this.store.repos.scorecards.findOrder(id);
    if (!o) throw new DomainError("ORDER_NOT_FOUND");
    const access = this.access(actor, o);
    if (!access.org && !access.supervisor) throw new DomainError("ORDER_NOT_FOUND");
    const [events, cases] = await Promise.all([this.store.repos.scorecards.orderEvents(id), this.store.repos.scorecards.applications(o.application_ids as string[])]);
    return {
      ...this.summary(o),
      orgId: o.org_id,
      note: o.note,
      lockVersion: o.lock_version,
      indicators: o.indicators as Snapshot[],
      applications: cases.map((c) => ({ id: c.id, number: c.number, itemName: c.item_name, state: c.state, committedDeadline: c.committed_deadline })),
      answer: o.answer,
      actions: ORDER_TRANSITIONS.filter((t) => t.from.includes(o.state as OrderState) && (t.by === "org" ? access.org : access.supervisor)).map((t) => ({ action: t.action, label: t.label, note: t.note })),
      timeline: events.map((e) => ({ action: e.action, label: ORDER_TRANSITIONS.find((t) => t.action === e.action)?.label ?? EVENT_LABELS[e.action] ?? e.action, actorName: e.actor_name, note: e.note, at: e.created_at.toISOString() })),
    };
  }

  /** One step by the department or a supervisor. Raises ORDER_NOT_FOUND, ORDER_CHANGED, ORDER_ACTION_NOT_ALLOWED, ORDER_NOTE_REQUIRED, FORBIDDEN. */
  async act(actor: Actor, id: string, input: { action: string; note?: string | undefined; lockVersion: number }, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const o = await repos.scorecards.findOrder(id);
      if (!o) throw new DomainError("ORDER_NOT_FOUND");
      const access = this.access(actor, o);
      if (!access.org && !access.supervisor) throw new DomainError("ORDER_NOT_FOUND");
      const locked = (await repos.scorecards.findOrderForUpdate(id))!;
      if (locked.lock_version !== input.lockVersion) throw new DomainError("ORDER_CHANGED", { currentLockVersion: locked.lock_version, state: locked.state });
      const t = orderTransition(locked.state as OrderState, input.action);
      if (!t) throw new DomainError("ORDER_ACTION_NOT_ALLOWED", { state: locked.state, action: input.action });
      if (!(t.by === "org" ? access.org : access.supervisor)) throw new DomainError("FORBIDDEN");
      const note = input.note?.trim() ?? "";
      if (t.note && !note) throw new DomainError("ORDER_NOTE_REQUIRED", { note: t.note });
      if (!(await repos.scorecards.updateOrderIfVersion(id, input.lockVersion, { state: t.to, ...(t.action === "answer" ? { answer: note } : {}) }))) throw new DomainError("ORDER_CHANGED");
      await repos.scorecards.insertOrderEvent({ order_id: id, action: t.action, from_state: locked.state, to_state: t.to, actor_account_id: actor.accountId, actor_name: actor.name, note: note || null, created_at: this.now() });
      await repos.audit.append(actor, ctx, { action: `supervision_order.${t.action}`, targetType: "supervision_order", targetId: id, orgId: o.org_id, regionCode: o.region_code, details: { number: o.number, from: locked.state, to: t.to } });
      const to =
        t.action === "answer"
          ? [{ accountId: o.created_by_account_id, title: "督办已反馈，请审核", body: `${o.org_name}已反馈督办 ${o.number} 的整改情况：${note}`, titleEn: "Order answered: please review", bodyEn: `${o.org_name} reported on order ${o.number}: ${note}` }]
          : (await repos.staffDirectory.handlersOf(o.org_id, HANDLER_ROLES)).map((h) => ({ accountId: h.id, title: t.action === "close" ? "督办已办结" : "督办被退回，请继续整改", body: `督办 ${o.number}：${t.action === "close" ? "整改情况已审核通过。" : note}`, titleEn: t.action === "close" ? "Order closed" : "Order returned: more to put right", bodyEn: `Order ${o.number}: ${t.action === "close" ? "accepted." : note}` }));
      await sendDirect(repos, to.map((m) => ({ ...m, kind: "supervision_order", link: `/workbench/orders/${id}`, external: false })), o.region_code);
    });
    return this.get(actor, id);
  }

  /** Escalation (hourly): each order still being put right after its deadline, once, to the supervisors above the department and its sender. */
  async escalateOverdue(): Promise<number> {
    const today = todayInChina(this.now());
    let raised = 0;
    for (const { id } of await this.store.repos.scorecards.listOverdueOrders(today, 500)) {
      raised += await this.store.transact(async (repos) => {
        const o = await repos.scorecards.findOrderForUpdate(id);
        if (!o || o.state !== "rectifying" || o.escalated) return 0;
        const supervisors = await repos.staffDirectory.supervisorsOver(o.org_id);
        await repos.scorecards.updateOrderIfVersion(id, o.lock_version, { escalated: true });
        const note = `逾期未反馈整改情况（期限 ${o.deadline}）`;
        await repos.scorecards.insertOrderEvent({ order_id: id, action: "escalate", from_state: o.state, to_state: o.state, actor_account_id: null, actor_name: SYSTEM_ACTOR.name, note, created_at: this.now() });
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "supervision_order.escalate", targetType: "supervision_order", targetId: id, orgId: o.org_id, regionCode: o.region_code, details: { number: o.number, deadline: o.deadline } });
        const to = [...new Set([o.created_by_account_id, ...supervisors.map((s) => s.id)])];
        await sendDirect(repos, to.map((accountId) => ({ accountId, kind: "supervision_order", title: "督办逾期未整改", body: `督办 ${o.number}：${note}。`, titleEn: "Order overdue", bodyEn: `Order ${o.number}: not answered by ${o.deadline}.`, link: `/workbench/orders/${id}`, external: false })), o.region_code);
        return 1;
      });
    }
    return raised;
  }
}
