import { caseAccess, casesVisibleSubtree } from "./rating.policy";
import type { StaffDirectoryRepository } from "../identity";
import type { CounterRepository } from "../numbering";
import type { DirectMessageRepos } from "../notifications";
import type { Selectable } from "kysely";
import { CASE_STATES, CASE_TRANSITIONS, caseTransition, INDICATORS, RATING_EVENTS, RATING_LEVELS, RATING_TAGS, type CaseState, type IndicatorSet, type RatingEvent, type RatingLevel } from "../../../shared/ratings";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import type { DB } from "../../db/schema";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { RatingRepository } from "./rating.repository";
import { DomainError } from "../../domain-error";
import { sendDirect } from "../notifications";
import type { SupervisionSettingsService } from "../supervision";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; counters: CounterRepository; ratings: RatingRepository; staffDirectory: StaffDirectoryRepository } & DirectMessageRepos;

type CaseRow = NonNullable<Awaited<ReturnType<RatingRepository["findCase"]>>>;

/**
 * 差评 cases: opened for the org that handled the rated step (谁办理谁负责), worked through the flow in
 * `shared/ratings.ts` with working-day deadlines, escalated to supervisors when overdue. Every step
 * is one transaction with its event, audit record and messages.
 */
export class RatingCaseService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
    private readonly settings: SupervisionSettingsService,
  ) {}

  /** Opens the case of a 差评 (called in the rating's transaction) and tells the org's handlers. */
  async open(unit: UnitOfWork, rating: Selectable<DB["ratings"]>, ctx: RequestContext) {
    const repos = this.store.within(unit);
    const today = todayInChina(this.now());
    const days = await this.settings.deadlines(repos);
    const calendar = this.calendarOf();
    const respond = calendar.deadlineOrNull(today, days.caseRespondDays);
    const rectify = calendar.deadlineOrNull(today, days.caseRectifyDays);
    const beyond = respond === null || rectify === null;
    const seq = await repos.counters.next("CP", today);
    const number = `CP${today.replaceAll("-", "")}${String(seq).padStart(4, "0")}`;
    const created = await repos.ratings.insertCase({ number, rating_id: rating.id, org_id: rating.org_id, state: "verifying", opened_on: today, respond_deadline: respond, rectify_deadline: rectify, deadline_beyond_calendar: beyond, region_code: rating.region_code });
    await repos.ratings.insertCaseEvent({ case_id: created.id, action: "open", from_state: null, to_state: "verifying", actor_account_id: null, actor_name: SYSTEM_ACTOR.name, note: `${RATING_LEVELS[rating.level as RatingLevel].zh}，自动生成差评工单`, created_at: this.now() });
    await repos.audit.append(SYSTEM_ACTOR, ctx, { action: "rating_case.open", targetType: "rating_case", targetId: created.id, orgId: rating.org_id, regionCode: rating.region_code, details: { number, ratingId: rating.id, level: rating.level, step: rating.step_name, respondDeadline: respond, rectifyDeadline: rectify } });
    const handlers = await repos.staffDirectory.appealHandlersOf(rating.org_id);
    await sendDirect(
      repos,
      handlers.map((h) => ({
        accountId: h.id,
        kind: "rating_case",
        title: "收到差评，请及时核实",
        body: `“${rating.item_name ?? "服务"}”${rating.step_name ? `（${rating.step_name}）` : ""}收到${RATING_LEVELS[rating.level as RatingLevel].zh}评价，差评工单 ${number}，请于 ${respond ?? "规定期限"} 前核实。`,
        titleEn: "Poor rating received: please verify it",
        bodyEn: `“${rating.item_name ?? "Service"}”${rating.step_name ? ` (${rating.step_name})` : ""} was rated “${RATING_LEVELS[rating.level as RatingLevel].en}”: case ${number}, to be verified ${respond ? `by ${respond}` : "in time"}.`,
        link: `/workbench/rating-cases/${created.id}`, external: false })),
      rating.region_code,
    );
    return created;
  }

  /** Cases in the actor's scope: handlers see their org's subtree, supervisors theirs (city: all). */
  async list(actor: Actor, state: string | null, limit: number, offset: number) {
    const scope = casesVisibleSubtree(actor);
    if (scope === null) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.ratings.listCases(scope, state, limit, offset);
    return rows.map((c) => this.summary(c, actor));
  }

  /** How many cases of the actor's scope are unfinished (the staff navigation's count; 0 out of scope). */
  async countOpen(actor: Actor): Promise<number> {
    const scope = casesVisibleSubtree(actor);
    return scope === null ? 0 : this.store.repos.ratings.countOpenCases(scope);
  }

  private summary(c: CaseRow, actor: Actor) {
    const deadline = c.state === "verifying" ? c.respond_deadline : c.rectify_deadline;
    const open = c.state !== "closed" && c.state !== "voided";
    return {
      id: c.id,
      number: c.number,
      state: c.state as CaseState,
      stateName: CASE_STATES[c.state as CaseState]?.zh ?? c.state,
      orgName: c.org_name,
      itemName: c.item_name,
      stepName: c.step_name,
      staffName: c.staff_name,
      level: c.level,
      levelName: RATING_LEVELS[c.level as RatingLevel].zh,
      comment: c.comment,
      raterName: c.anonymous && c.rater_account_id !== actor.accountId ? "匿名评价人" : c.rater_name,
      openedOn: c.opened_on,
      deadline,
      light: open && deadline ? this.light(deadline) : null,
      escalated: (c.escalations as string[]).length > 0,
    };
  }

  private light(deadline: string) {
    return this.calendarOf().lightOrNull(todayInChina(this.now()), deadline);
  }

  /** A case as a handler, supervisor or the rater sees it, with the actions the viewer may take. */
  async get(actor: Actor, id: string) {
    const c = await this.store.repos.ratings.findCase(id);
    if (!c) throw new DomainError("CASE_NOT_FOUND");
    const access = caseAccess(actor, c);
    if (!access.org && !access.supervisor && !access.rater) throw new DomainError("CASE_NOT_FOUND");
    const events = await this.store.repos.ratings.listCaseEvents(id);
    const rerating = c.rerating_id ? await this.store.repos.ratings.findById(c.rerating_id) : null;
    const actions = CASE_TRANSITIONS.filter((t) => t.from.includes(c.state as CaseState))
      .filter((t) => (t.by === "org" ? access.org : t.by === "supervisor" ? access.supervisor : access.rater))
      .filter((t) => !(t.action === "close" && c.state === "replying" && !c.anonymous))
      .map((t) => ({ action: t.action, label: t.label, note: t.note }));
    const set = c.indicator_set as IndicatorSet;
    return {
      ...this.summary(c, actor),
      lockVersion: c.lock_version,
      eventKind: c.event_kind as RatingEvent,
      kindName: RATING_EVENTS[c.event_kind as RatingEvent]?.zh ?? c.event_kind,
      applicationId: access.rater || access.org || access.supervisor ? c.application_id : null,
      channel: c.channel,
      anonymous: c.anonymous,
      indicators: Object.entries(c.indicators as Record<string, number>).map(([key, v]) => ({ key, name: INDICATORS[set][key]?.zh ?? key, level: v })),
      tags: (c.tags as string[]).map((t) => RATING_TAGS[t as keyof typeof RATING_TAGS]?.zh ?? t),
      ratedAt: c.rated_at.toISOString(),
      respondDeadline: c.respond_deadline,
      rectifyDeadline: c.rectify_deadline,
      deadlineBeyondCalendar: c.deadline_beyond_calendar,
      verification: c.verification,
      rectification: c.rectification,
      reply: c.reply,
      repliedAt: c.replied_at?.toISOString() ?? null,
      appealReason: c.appeal_reason,
      appealDecision: c.appeal_decision,
      rerating: rerating ? { level: rerating.level, levelName: RATING_LEVELS[rerating.level as RatingLevel].zh, comment: rerating.comment, at: rerating.created_at.toISOString() } : null,
      escalations: c.escalations as string[],
      actions,
      timeline: events.map((e) => ({ action: e.action, label: CASE_TRANSITIONS.find((t) => t.action === e.action)?.label ?? EVENT_LABELS[e.action] ?? e.action, from: e.from_state, to: e.to_state, actorName: e.actor_name, note: e.note, at: e.created_at.toISOString() })),
    };
  }

  /** One step of the flow by the org or a supervisor (the rater's step is `closeByRerate`). */
  async act(actor: Actor, id: string, input: { action: string; note?: string | undefined; lockVersion: number }, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const c = await repos.ratings.findCase(id);
      if (!c) throw new DomainError("CASE_NOT_FOUND");
      const access = caseAccess(actor, c);
      if (!access.org && !access.supervisor && !access.rater) throw new DomainError("CASE_NOT_FOUND");
      const locked = (await repos.ratings.findCaseForUpdate(id))!;
      if (locked.lock_version !== input.lockVersion) throw new DomainError("CASE_CHANGED", { currentLockVersion: locked.lock_version, state: locked.state });
      const t = caseTransition(locked.state as CaseState, input.action);
      if (!t || t.by === "rater") throw new DomainError("CASE_ACTION_NOT_ALLOWED", { state: locked.state, action: input.action });
      if (!(t.by === "org" ? access.org : access.supervisor)) throw new DomainError("FORBIDDEN");
      const note = input.note?.trim() ?? "";
      if (t.note && !note) throw new DomainError("CASE_NOTE_REQUIRED", { note: t.note });
      if (t.action === "close" && !c.anonymous && !locked.reply) throw new DomainError("CASE_REPLY_REQUIRED");
      const fields: Record<string, unknown> = {
        verify: { verification: note },
        appeal: { appeal_reason: note },
        uphold_appeal: { appeal_decision: note },
        reject_appeal: { appeal_decision: note },
        rectify: { rectification: note, ...(locked.rectified_on ? {} : { rectified_on: todayInChina(this.now()) }) },
        reply: { reply: note, replied_at: this.now() },
        close: {},
      }[t.action as string] as Record<string, unknown>;
      if (!(await repos.ratings.updateCaseIfVersion(id, input.lockVersion, { state: t.to, ...fields }))) throw new DomainError("CASE_CHANGED");
      if (t.action === "uphold_appeal") await repos.ratings.exclude(c.rating_id, `申诉成立：${note}`);
      await repos.ratings.insertCaseEvent({ case_id: id, action: t.action, from_state: locked.state, to_state: t.to, actor_account_id: actor.accountId, actor_name: actor.name, note: note || null, created_at: this.now() });
      await repos.audit.append(actor, ctx, { action: `rating_case.${t.action}`, targetType: "rating_case", targetId: id, orgId: c.org_id, regionCode: c.region_code, details: { number: c.number, from: locked.state, to: t.to, ...(t.action === "uphold_appeal" ? { ratingExcluded: c.rating_id } : {}) } });
      await this.tell(repos, c, t.action, note);
    });
    return this.get(actor, id);
  }

  /** Messages a step sends: the rater hears the reply; supervisors hear of an appeal; the org hears the decision. */
  private async tell(repos: Repos, c: CaseRow, action: string, note: string) {
    if (action === "reply" && c.rater_account_id)
      await sendDirect(repos, [{ accountId: c.rater_account_id, kind: "rating_reply", title: "您的评价已得到回复", body: `您对“${c.item_name ?? "服务"}”的评价（${c.number}）已整改并回复：${note}。欢迎您重新评价。`, titleEn: "Your rating has been answered", bodyEn: `Your rating of “${c.item_name ?? "the service"}” (${c.number}) has been acted on and answered: ${note}. You are welcome to rate it again.`, link: "/me/ratings", external: true }], c.region_code);
    if (action === "appeal")
      await sendDirect(repos, (await repos.staffDirectory.supervisorsOver(c.org_id)).map((s) => ({ accountId: s.id, kind: "rating_appeal", title: "差评申诉待复核", body: `${c.org_name}对差评工单 ${c.number} 提出申诉：${note}`, titleEn: "Appeal against a poor rating to review", bodyEn: `${c.org_name} appeals against case ${c.number}: ${note}`, link: `/workbench/rating-cases/${c.id}`, external: false })), c.region_code);
    if (action === "uphold_appeal" || action === "reject_appeal")
      await sendDirect(repos, (await repos.staffDirectory.appealHandlersOf(c.org_id)).map((h) => ({ accountId: h.id, kind: "rating_appeal", title: action === "uphold_appeal" ? "差评申诉成立" : "差评申诉被驳回，请整改", body: `差评工单 ${c.number}：${note}`, titleEn: action === "uphold_appeal" ? "Appeal upheld" : "Appeal refused: please put it right", bodyEn: `Case ${c.number}: ${note}`, link: `/workbench/rating-cases/${c.id}`, external: false })), c.region_code);
  }

  /** The rater's re-rating closes a replied case (called in the new rating's transaction). */
  async closeByRerate(unit: UnitOfWork, actor: Actor, caseId: string, ratingId: string, ctx: RequestContext) {
    const repos = this.store.within(unit);
    const locked = (await repos.ratings.findCaseForUpdate(caseId))!;
    if (!caseTransition(locked.state as CaseState, "rerate")) throw new DomainError("CASE_ACTION_NOT_ALLOWED", { state: locked.state, action: "rerate" });
    await repos.ratings.updateCaseIfVersion(caseId, locked.lock_version, { state: "closed", rerating_id: ratingId });
    await repos.ratings.insertCaseEvent({ case_id: caseId, action: "rerate", from_state: locked.state, to_state: "closed", actor_account_id: actor.accountId, actor_name: actor.name, note: null, created_at: this.now() });
    await repos.audit.append(actor, ctx, { action: "rating_case.rerate", targetType: "rating_case", targetId: caseId, orgId: locked.org_id, regionCode: locked.region_code, details: { number: locked.number, ratingId } });
  }

  /**
   * Escalation: each open case past its respond deadline (still unverified) or its rectify deadline
   * is escalated once per deadline to the supervisors above its org (event, audit record, message).
   */
  async escalateOverdue(): Promise<number> {
    const today = todayInChina(this.now());
    let raised = 0;
    for (const { id } of await this.store.repos.ratings.listOverdueCases(today, 500)) {
      const done = await this.store.transact(async (repos) => {
        const c = await repos.ratings.findCaseForUpdate(id);
        if (!c) return false;
        const already = c.escalations as string[];
        const kind = c.state === "verifying" && c.respond_deadline && c.respond_deadline < today && !already.includes("respond") ? "respond" : ["verifying", "rectifying", "replying"].includes(c.state) && c.rectify_deadline && c.rectify_deadline < today && !already.includes("rectify") ? "rectify" : null;
        if (!kind) return false;
        const deadline = kind === "respond" ? c.respond_deadline : c.rectify_deadline;
        const supervisors = await repos.staffDirectory.supervisorsOver(c.org_id);
        await repos.ratings.updateCaseIfVersion(id, c.lock_version, { escalations: JSON.stringify([...already, kind]) });
        const note = `${kind === "respond" ? "逾期未核实" : "逾期未完成整改回访"}（期限 ${deadline}），已提请${supervisors.map((s) => s.name).join("、") || "效能监督"}督办`;
        await repos.ratings.insertCaseEvent({ case_id: id, action: "escalate", from_state: c.state, to_state: c.state, actor_account_id: null, actor_name: SYSTEM_ACTOR.name, note, created_at: this.now() });
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "rating_case.escalate", targetType: "rating_case", targetId: id, orgId: c.org_id, regionCode: c.region_code, details: { number: c.number, deadline, kind, escalatedTo: supervisors.map((s) => s.name) } });
        await sendDirect(repos, supervisors.map((s) => ({ accountId: s.id, kind: "rating_case_overdue", title: "差评工单超期督办", body: `差评工单 ${c.number} ${note.split("，")[0]}，请督促办理。`, titleEn: "Poor-rating case overdue", bodyEn: `Case ${c.number} is ${kind === "respond" ? "not verified" : "not put right and followed up"} by its date (${deadline}); please see that it is done.`, link: `/workbench/rating-cases/${id}`, external: false })), c.region_code);
        return true;
      });
      if (done) raised++;
    }
    return raised;
  }
}

const EVENT_LABELS: Record<string, string> = { open: "生成差评工单", escalate: "超期督办" };
