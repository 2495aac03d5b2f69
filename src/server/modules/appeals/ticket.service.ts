import { appealCategory, categoryPath, OPEN_TICKET_STATES, TICKET_STATES, TICKET_TRANSITIONS, TICKET_TYPES, ticketTransition, type TicketAction, type TicketState, type TicketType } from "../../../shared/appeals";
import type { StaffDirectoryRepository } from "../identity";
import type { CounterRepository } from "../numbering";
import type { DirectMessageRepos } from "../notifications";
import type { Repos as ReporterRepos } from "./reporter-privacy";
import type { IdempotencyRepos } from "../idempotency";
import { RATING_LEVELS, type RatingLevel } from "../../../shared/ratings";
import { maskMobile } from "../../../shared/validation/mobile";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { hasRole, SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { ticketAccess, ticketListScope } from "./appeal.policy";
import { IdempotencyService, type CompleteIdempotent } from "../idempotency";
import { redactReporter, reporterSecrets, REPORTER_ALIAS, type ReporterOf } from "./reporter-privacy";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "../identity";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { RatingRepository } from "../ratings";
import type { TicketRepository } from "./ticket.repository";
import { DomainError } from "../../domain-error";
import { maskName } from "../certificates";

/** Working days after a reply by which the desk calls the requester back (回访). */
const CALLBACK_DAYS = 2;
import { sendDirect } from "../notifications";
import type { RatingService } from "../ratings";
import { ticketRatedEvent } from "./ticket-rating";
import type { SearchService } from "../search";
import type { SupervisionSettingsService } from "../supervision";
import type { DispatchService } from "./dispatch.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; audit: AuditRepository; counters: CounterRepository; orgs: OrgRepository; ratings: RatingRepository; staffDirectory: StaffDirectoryRepository; tickets: TicketRepository } & IdempotencyRepos & ReporterRepos & DirectMessageRepos;

type TicketRow = NonNullable<Awaited<ReturnType<TicketRepository["find"]>>>;
const SIMILAR_DAYS = 30;

export interface TicketInput {
  type: TicketType;
  categoryCode: string;
  title: string;
  content: string;
  address?: string | undefined;
  itemId?: string | undefined;
  /** An enquiry answered from the knowledge base: the answer (or service) the citizen accepted. */
  acceptedAnswer?: string | undefined;
  /** A hotline agent records who called. */
  caller?: { name: string; mobile: string } | undefined;
}

export interface TicketActionInput {
  action: string;
  lockVersion: number;
  note?: string | undefined;
  orgId?: string | undefined;
  targetId?: string | undefined;
  rating?: { level: number; indicators: Record<string, number>; tags: string[]; comment?: string | undefined } | undefined;
}

type Access = ReturnType<typeof ticketAccess>;

/** A 举报 hides its reporter from everyone but the desk and the reporter. */
function hidesReporter(t: { type: string }, access: Access): boolean {
  return t.type === "report" && !access.desk && !access.citizen;
}

/** A message's words in both languages. */
type Words = { title: string; body: string; titleEn: string; bodyEn: string };

/** 您的诉求已答复: what the citizen reads when a ticket is answered. */
const replied = (t: { title: string; number: string }, note: string): Words => ({ title: "您的诉求已答复", body: `您的诉求“${t.title}”（${t.number}）已答复：${note}`, titleEn: "Your request has been answered", bodyEn: `Your request “${t.title}” (${t.number}) has been answered: ${note}` });

/**
 * 12345: citizens submit online and hotline agents record calls; enquiries are first answered from
 * the knowledge base and the catalogue; other tickets go by the dispatch catalogue to the
 * responsible org, which signs, handles and replies within working-day deadlines — or returns a
 * wrongly dispatched ticket for the desk to review. Supervisors urge, duplicates are merged, the
 * citizen is called back and rates the reply, and may reopen once if unsatisfied. The reporter of a
 * 举报 is hidden from the org that handles it.
 */
export class TicketService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
    private readonly settings: SupervisionSettingsService,
    private readonly dispatch: DispatchService,
    private readonly ratings: RatingService,
    private readonly search: SearchService,
    private readonly idempotency: IdempotencyService = new IdempotencyService(store),
  ) {
    // A replied ticket is rated (回访满意度); its rated event is read here, where tickets are kept.
    ratings.registerSource("ticket", (unit, id) => ticketRatedEvent(store.within(unit), id));
  }

  /** Suggested answers for an enquiry: the knowledge base's answers and matching services. */
  async suggestions(text: string) {
    const query = text.trim().slice(0, 50);
    if (!query) return [];
    const result = await this.search.search(query, { types: ["answer", "item"], limit: 5 });
    return result.hits.map((h) => ({
      ref: `${h.doc.type}:${h.doc.id}`,
      type: h.doc.type as "answer" | "item",
      title: h.doc.title,
      answer: h.doc.type === "answer" ? (h.doc.payload.answer ?? "") : `可在线办理“${h.doc.title}”（${h.doc.payload.orgName ?? ""}），办事指南列明条件、材料和时限。`,
      link: h.doc.type === "item" ? `/items/${h.doc.id}` : null,
    }));
  }

  /** Where an address is: the address registry first, then a street or district named in it. */
  locate(address: string) {
    return this.dispatch.locate(address);
  }

  /** A retried or concurrent duplicate Idempotency-Key returns the same ticket; the key with another request is refused. */
  async create(actor: Actor, input: TicketInput, idempotencyKey: string | null, ctx: RequestContext) {
    if (actor.kind !== "citizen" && !hasRole(actor, "hotline_agent")) throw new DomainError("FORBIDDEN");
    return this.idempotency.run(
      { accountId: actor.accountId, scope: "tickets.create", key: idempotencyKey, body: input },
      (complete) => this.createOnce(actor, input, ctx, complete),
      (id) => this.get(actor, id),
    );
  }

  private async createOnce(actor: Actor, input: TicketInput, ctx: RequestContext, complete: CompleteIdempotent) {
    const isAgent = hasRole(actor, "hotline_agent");
    const category = appealCategory(input.categoryCode);
    if (!category) throw new DomainError("CATEGORY_UNKNOWN");
    if (isAgent && !input.caller) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "caller", message: "请填写来电人姓名和电话" }] });
    if (input.acceptedAnswer && input.type !== "enquiry") throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "acceptedAnswer", message: "只有咨询可以按知识库答复办结" }] });
    const now = this.now();
    const today = todayInChina(now);
    const location = input.address ? await this.dispatch.locate(input.address) : null;
    const id = await this.store.transact(async (repos) => {
      let citizen: { accountId: string | null; personId: string | null; name: string; mobile: string | null };
      if (actor.kind === "citizen") {
        const account = (await repos.accounts.findById(actor.accountId))!;
        citizen = { accountId: actor.accountId, personId: actor.personId, name: actor.name, mobile: account.mobile_enc ? this.cipher.decrypt(account.mobile_enc) : null };
      } else {
        // A caller who has an account sees the ticket in their personal centre too.
        const account = await repos.accounts.findByLogin("mobile_hash", this.cipher.blindIndex("mobile", input.caller!.mobile));
        citizen = { accountId: account?.kind === "citizen" ? account.id : null, personId: account?.kind === "citizen" ? account.person_id : null, name: input.caller!.name, mobile: input.caller!.mobile };
      }
      const days = await this.settings.deadlines(repos);
      const reply = this.deadline(today, days.ticketReplyDays[input.type]);
      const answered = Boolean(input.acceptedAnswer);
      const target = answered || !location?.divisionCode ? null : await this.dispatch.route(repos, input.categoryCode, location.divisionCode);
      const sign = target ? this.deadline(today, days.ticketSignDays) : { date: null, beyond: false };
      const seq = await repos.counters.next("12345", today);
      const state: TicketState = answered ? "answered" : target ? "dispatched" : "pending_dispatch";
      const mobileEnc = citizen.mobile ? this.cipher.encrypt(citizen.mobile) : null;
      const row = await repos.tickets.insert({
        number: `${today.replaceAll("-", "")}${String(seq).padStart(5, "0")}`,
        type: input.type,
        category_code: input.categoryCode,
        title: input.title,
        content: input.content,
        address: input.address ?? null,
        division_code: location?.divisionCode ?? null,
        location_source: location?.source ?? null,
        channel: isAgent ? "hotline" : "web",
        citizen_account_id: citizen.accountId,
        citizen_person_id: citizen.personId,
        citizen_name: citizen.name,
        citizen_mobile_enc: mobileEnc,
        citizen_mobile_hash: citizen.mobile ? this.cipher.blindIndex("mobile", citizen.mobile) : null,
        item_id: input.itemId ?? null,
        state,
        org_id: target?.orgId ?? null,
        dispatched_at: target ? now : null,
        sign_deadline: sign.date,
        reply_deadline: answered ? null : reply.date,
        deadline_beyond_calendar: reply.beyond || sign.beyond,
        answer_ref: input.acceptedAnswer ?? null,
        recorded_by: isAgent ? actor.accountId : null,
        region_code: location?.divisionCode?.slice(0, 6) ?? "310000",
        created_at: now,
      });
      await repos.tickets.insertEvent({ ticket_id: row.id, action: "create", from_state: null, to_state: answered ? "answered" : "pending_dispatch", actor_account_id: actor.accountId, actor_name: actor.name, org_id: actor.orgId, note: isAgent ? "热线来电登记" : "网上提交", created_at: now });
      if (answered) await repos.tickets.insertEvent({ ticket_id: row.id, action: "answer", from_state: "pending_dispatch", to_state: "answered", actor_account_id: actor.accountId, actor_name: actor.name, org_id: actor.orgId, note: "按知识库答复，诉求人认可", details: JSON.stringify({ ref: input.acceptedAnswer }), created_at: now });
      if (target) {
        await repos.tickets.insertEvent({ ticket_id: row.id, action: "dispatch", from_state: "pending_dispatch", to_state: "dispatched", actor_account_id: null, actor_name: SYSTEM_ACTOR.name, org_id: target.orgId, note: `按派单目录自动派至${target.orgName}（${categoryPath(target.categoryCode)} · ${target.divisionPrefix}）`, created_at: now });
        await repos.outbox.append("ticket.dispatched", { ticketId: row.id, number: row.number, orgId: target.orgId }, location?.divisionCode?.slice(0, 6) ?? "310000");
        await this.tellOrg(repos, target.orgId, { id: row.id, type: input.type, citizen_name: citizen.name, citizen_mobile_enc: mobileEnc, citizen_person_id: citizen.personId }, {
          title: "新的 12345 诉求待签收",
          body: `工单 ${row.number}“${input.title}”已派至你单位，请于 ${sign.date ?? "规定期限"} 前签收。`,
          titleEn: "New 12345 ticket to sign for",
          bodyEn: `Ticket ${row.number} (“${input.title}”) has been sent to your unit; please sign for it ${sign.date ? `by ${sign.date}` : "in time"}.`,
        });
      }
      await complete(repos, row.id);
      await repos.audit.append(actor, ctx, { action: "ticket.create", targetType: "ticket", targetId: row.id, regionCode: location?.divisionCode?.slice(0, 6) ?? "310000", details: { number: row.number, type: input.type, category: input.categoryCode, state, dispatchedTo: target?.orgName ?? null } });
      return row.id;
    });
    return this.get(actor, id);
  }

  private deadline(from: string, days: number): { date: string | null; beyond: boolean } {
    const date = this.calendarOf().deadlineOrNull(from, days);
    return { date, beyond: date === null };
  }

  /** Tickets the actor may see: the desk all, orgs theirs (subtree), supervisors their scope, citizens their own. */
  async list(actor: Actor, filter: { state?: string | undefined; type?: string | undefined; q?: string | undefined }, limit: number, offset: number) {
    const scope = ticketListScope(actor);
    if (!scope) throw new DomainError("FORBIDDEN");
    const f = { ...(filter.state ? { state: filter.state } : {}), ...(filter.type ? { type: filter.type } : {}), ...(filter.q ? { q: filter.q } : {}) };
    const repos = this.store.repos;
    const rows = await repos.tickets.list(scope, f, limit, offset);
    return Promise.all(
      rows.map(async (t) => {
        const access = ticketAccess(actor, t);
        const view = this.summary(t, access);
        return hidesReporter(t, access) ? redactReporter(view, await reporterSecrets(repos, this.cipher, t)) : view;
      }),
    );
  }

  /**
   * 来电人历史: a hotline agent on a call sees whether the number belongs to a registered person (the name
   * masked, to confirm with the caller) with their earlier tickets and latest applications (read through
   * `applicationsOf`). The read is recorded with the person as its subject, so that they see it among the
   * uses of their data. Raises FORBIDDEN for anyone but the desk.
   */
  async callerHistory<A>(actor: Actor, mobile: string, applicationsOf: (accountId: string, personId: string | null) => Promise<A[]>, ctx: RequestContext) {
    if (!hasRole(actor, "hotline_agent")) throw new DomainError("FORBIDDEN");
    const hash = this.cipher.blindIndex("mobile", mobile);
    const found = await this.store.repos.accounts.findByLogin("mobile_hash", hash);
    const account = found?.kind === "citizen" ? found : null;
    const [rows, applications] = await Promise.all([this.store.repos.tickets.byCaller(hash, account?.id ?? null, 20), account ? applicationsOf(account.id, account.person_id) : Promise.resolve([] as A[])]);
    await this.store.transact((repos) =>
      repos.audit.append(actor, ctx, {
        action: "ticket.caller_history",
        targetType: "caller",
        targetId: account?.id ?? hash.slice(0, 16),
        ...(account?.person_id ? { subjectPersonId: account.person_id } : {}),
        purpose: "12345 来电核实：查看来电人的诉求和办件记录",
        details: { tickets: rows.length, applications: applications.length, registered: !!account },
      }),
    );
    return {
      registered: !!account,
      name: account ? maskName(account.name) : null,
      tickets: rows.map((t) => ({ id: t.id, number: t.number, typeName: TICKET_TYPES[t.type as TicketType].zh, title: t.title, state: t.state as TicketState, stateName: TICKET_STATES[t.state as TicketState]?.zh ?? t.state, orgName: t.org_name, createdAt: t.created_at.toISOString() })),
      applications,
    };
  }

  /** 回访队列: replied tickets for the desk to call back, those not yet called back first, each with the day it should be done by. */
  async callbacks(actor: Actor, limit: number) {
    if (!hasRole(actor, "hotline_agent")) throw new DomainError("FORBIDDEN");
    const today = todayInChina(this.now());
    const calendar = this.calendarOf();
    return (await this.store.repos.tickets.callbacks(limit)).map((t) => {
      const due = t.replied_at ? calendar.deadlineOrNull(todayInChina(t.replied_at), CALLBACK_DAYS) : null;
      return { id: t.id, number: t.number, title: t.title, citizenName: t.citizen_name, orgName: t.org_name, repliedAt: t.replied_at?.toISOString() ?? null, callbackDue: due, light: due && !t.called_back ? calendar.lightOrNull(today, due) : null, calledBack: Boolean(t.called_back) };
    });
  }

  /**
   * The tickets waiting for the actor (the staff navigation's count): for the desk, those to dispatch,
   * returned and replied (to follow up); for an org's staff and supervisors, those to sign for and being handled.
   */
  async countWaiting(actor: Actor): Promise<number> {
    const scope = ticketListScope(actor);
    if (!scope || scope.kind === "citizen") return 0;
    return this.store.repos.tickets.count(scope, scope.kind === "desk" ? ["pending_dispatch", "returned", "replied"] : ["dispatched", "handling"]);
  }

  private summary(t: TicketRow, access: Access) {
    const open = OPEN_TICKET_STATES.includes(t.state as TicketState) && t.state !== "replied";
    return {
      id: t.id,
      number: t.number,
      type: t.type as TicketType,
      typeName: TICKET_TYPES[t.type as TicketType].zh,
      categoryCode: t.category_code,
      categoryName: categoryPath(t.category_code),
      title: t.title,
      state: t.state as TicketState,
      stateName: TICKET_STATES[t.state as TicketState]?.zh ?? t.state,
      orgName: t.org_name,
      address: t.address,
      divisionCode: t.division_code,
      channel: t.channel,
      citizenName: this.citizenName(t, access),
      replyDeadline: t.reply_deadline,
      light: open && t.reply_deadline ? this.light(t.reply_deadline) : null,
      urgeCount: t.urge_count,
      escalated: t.escalated_at !== null,
      createdAt: t.created_at.toISOString(),
    };
  }

  /** 举报: the reporter is known to the desk and to themselves only. */
  private citizenName(t: TicketRow, access: Access) {
    return hidesReporter(t, access) ? REPORTER_ALIAS : t.citizen_name;
  }

  private light(deadline: string) {
    return this.calendarOf().lightOrNull(todayInChina(this.now()), deadline);
  }

  async get(actor: Actor, id: string) {
    const repos = this.store.repos;
    const t = await repos.tickets.find(id);
    if (!t) throw new DomainError("TICKET_NOT_FOUND");
    const access = ticketAccess(actor, t);
    if (!access.desk && !access.org && !access.supervisor && !access.citizen) throw new DomainError("TICKET_NOT_FOUND");
    const events = await repos.tickets.listEvents(id);
    const ratings = await repos.ratings.findForEvent("ticket", id);
    const lastRating = ratings.at(-1) ?? null;
    const actions = TICKET_TRANSITIONS.filter((tr) => tr.from.includes(t.state as TicketState))
      .filter((tr) => tr.by.some((b) => access[b]))
      .filter((tr) => !(tr.action === "reopen" && (t.reopened || !lastRating || lastRating.level > 2)))
      .filter((tr) => !(tr.action === "answer" && t.type !== "enquiry"))
      .map((tr) => ({ action: tr.action, label: tr.label, note: tr.note }));
    const hideReporter = hidesReporter(t, access);
    const mobile = t.citizen_mobile_enc && !hideReporter ? maskMobile(this.cipher.decrypt(t.citizen_mobile_enc)) : null;
    const similar = access.desk && OPEN_TICKET_STATES.includes(t.state as TicketState) ? await repos.tickets.findSimilar(t, new Date(this.now().getTime() - SIMILAR_DAYS * 86_400_000)) : [];
    const suggestions = access.desk && t.type === "enquiry" && t.state === "pending_dispatch" ? await this.suggestions(t.title) : [];
    const view = {
      ...this.summary(t, access),
      lockVersion: t.lock_version,
      content: t.content,
      locationSource: t.location_source,
      citizenMobile: mobile,
      itemId: t.item_id,
      signDeadline: t.sign_deadline,
      deadlineBeyondCalendar: t.deadline_beyond_calendar,
      reply: t.reply,
      repliedAt: t.replied_at?.toISOString() ?? null,
      reopened: t.reopened,
      mergedIntoNumber: t.merged_into_number,
      answerRef: t.answer_ref,
      rating: lastRating ? { level: lastRating.level, levelName: RATING_LEVELS[lastRating.level as RatingLevel].zh, comment: lastRating.comment, channel: lastRating.channel, at: lastRating.created_at.toISOString() } : null,
      actions,
      similar: similar.map((s) => ({ id: s.id, number: s.number, title: s.title, address: s.address, state: s.state, stateName: TICKET_STATES[s.state as TicketState]?.zh ?? s.state })),
      suggestions,
      timeline: events.map((e) => ({
        action: e.action,
        label: TICKET_TRANSITIONS.find((tr) => tr.action === e.action)?.label ?? EVENT_LABELS[e.action] ?? e.action,
        from: e.from_state,
        to: e.to_state,
        actorName: hideReporter && e.actor_account_id !== null && e.actor_account_id === t.citizen_account_id ? REPORTER_ALIAS : e.actor_name,
        orgName: e.org_name,
        note: e.note,
        at: e.created_at.toISOString(),
      })),
    };
    // A 举报's reporter stays hidden from the org in the whole view: every field, event, note and rating.
    return hideReporter ? redactReporter(view, await reporterSecrets(repos, this.cipher, t)) : view;
  }

  /** The desk reads the caller's full number to call back: logged with its purpose. */
  async contact(actor: Actor, id: string, ctx: RequestContext) {
    if (!hasRole(actor, "hotline_agent")) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const t = await repos.tickets.find(id);
      if (!t) throw new DomainError("TICKET_NOT_FOUND");
      await repos.audit.append(actor, ctx, { action: "ticket.read_contact", targetType: "ticket", targetId: id, regionCode: t.region_code, ...(t.citizen_person_id ? { subjectPersonId: t.citizen_person_id } : {}), purpose: `12345 工单 ${t.number} 回访`, details: { number: t.number } });
      return { name: t.citizen_name, mobile: t.citizen_mobile_enc ? this.cipher.decrypt(t.citizen_mobile_enc) : null };
    });
  }

  async act(actor: Actor, id: string, input: TicketActionInput, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const t = await repos.tickets.find(id);
      if (!t) throw new DomainError("TICKET_NOT_FOUND");
      const access = ticketAccess(actor, t);
      if (!access.desk && !access.org && !access.supervisor && !access.citizen) throw new DomainError("TICKET_NOT_FOUND");
      const locked = (await repos.tickets.findForUpdate(id))!;
      if (locked.lock_version !== input.lockVersion) throw new DomainError("TICKET_CHANGED", { currentLockVersion: locked.lock_version, state: locked.state });
      const tr = ticketTransition(locked.state as TicketState, input.action);
      if (!tr) throw new DomainError("TICKET_ACTION_NOT_ALLOWED", { state: locked.state, action: input.action });
      if (!tr.by.some((b) => access[b])) throw new DomainError("FORBIDDEN");
      const note = input.note?.trim() ?? "";
      if (tr.note && !note) throw new DomainError("TICKET_NOTE_REQUIRED", { note: tr.note });
      await this.apply(repos, actor, t, tr.action, tr.to, note, input, access, ctx);
    });
    return this.get(actor, id);
  }

  private async apply(repos: Repos, actor: Actor, t: TicketRow, action: TicketAction, to: TicketState | null, note: string, input: TicketActionInput, access: Access, ctx: RequestContext) {
    const now = this.now();
    const today = todayInChina(now);
    const days = await this.settings.deadlines(repos);
    const set: Record<string, unknown> = to ? { state: to } : {};
    let orgId = t.org_id;
    let details: Record<string, unknown> = {};
    switch (action) {
      case "answer":
        // Only an enquiry is answered by the desk itself; other requests go to the responsible org.
        if (t.type !== "enquiry") throw new DomainError("TICKET_ACTION_NOT_ALLOWED", { state: t.state, action });
        Object.assign(set, { reply: note, replied_at: now });
        break;
      case "dispatch":
      case "reassign": {
        if (!input.orgId) throw new DomainError("TICKET_ORG_INVALID");
        if (action === "reassign" && input.orgId === t.org_id) throw new DomainError("TICKET_ORG_INVALID");
        const org = await this.dispatch.assertTarget(repos, t.category_code, input.orgId);
        orgId = org.id;
        Object.assign(set, { org_id: org.id, dispatched_at: now, sign_deadline: this.deadline(today, days.ticketSignDays).date });
        details = { orgName: org.name };
        break;
      }
      case "reply":
        Object.assign(set, { reply: note, replied_at: now });
        break;
      case "rate": {
        if (!input.rating) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "rating", message: "请选择满意程度" }] });
        const event = await this.ratings.resolve(repos, "ticket", t.id);
        // A reopened ticket's second reply is rated as the second round.
        await this.ratings.record(repos, actor, event, input.rating, access.citizen ? "web" : "hotline", ctx, t.reopened ? 2 : 1);
        details = { level: input.rating.level };
        break;
      }
      case "reopen": {
        const last = (await repos.ratings.findForEvent("ticket", t.id)).at(-1);
        if (t.reopened) throw new DomainError("TICKET_REOPEN_USED");
        if (!last || last.level > 2) throw new DomainError("TICKET_REOPEN_NOT_ALLOWED");
        const reply = this.deadline(today, days.ticketReplyDays[t.type as TicketType]);
        Object.assign(set, { reopened: true, reply_deadline: reply.date, deadline_beyond_calendar: reply.beyond, escalated_at: null });
        break;
      }
      case "urge":
        set.urge_count = t.urge_count + 1;
        break;
      case "merge": {
        const target = input.targetId ? await repos.tickets.find(input.targetId) : null;
        if (!target || target.id === t.id || target.category_code !== t.category_code || !["pending_dispatch", "dispatched", "returned", "handling"].includes(target.state)) throw new DomainError("TICKET_MERGE_INVALID");
        set.merged_into = target.id;
        details = { into: target.number };
        break;
      }
    }
    if (!(await repos.tickets.updateIfVersion(t.id, input.lockVersion, set))) throw new DomainError("TICKET_CHANGED");
    await repos.tickets.insertEvent({ ticket_id: t.id, action, from_state: t.state, to_state: to ?? t.state, actor_account_id: actor.accountId, actor_name: actor.name, org_id: action === "dispatch" || action === "reassign" ? orgId : actor.orgId, note: note || null, details: JSON.stringify(details), created_at: now });
    await repos.audit.append(actor, ctx, { action: `ticket.${action}`, targetType: "ticket", targetId: t.id, orgId, regionCode: t.region_code, details: { number: t.number, from: t.state, to: to ?? t.state, ...details } });
    if ((action === "dispatch" || action === "reassign") && orgId) await repos.outbox.append("ticket.dispatched", { ticketId: t.id, number: t.number, orgId }, t.region_code);
    await this.tell(repos, t, action, note, orgId, details);
    // A reply answers the duplicates merged into this ticket as well.
    if (action === "reply") {
      for (const m of await repos.tickets.listMergedInto(t.id)) {
        await repos.tickets.updateIfVersion(m.id, m.lock_version, { state: "replied", reply: note, replied_at: now, org_id: t.org_id });
        await repos.tickets.insertEvent({ ticket_id: m.id, action: "reply", from_state: "merged", to_state: "replied", actor_account_id: actor.accountId, actor_name: actor.name, org_id: actor.orgId, note: `（随合并的工单 ${t.number} 答复）${note}`, created_at: now });
        await repos.audit.append(actor, ctx, { action: "ticket.reply", targetType: "ticket", targetId: m.id, orgId: t.org_id, regionCode: m.region_code, details: { number: m.number, from: "merged", to: "replied", with: t.number } });
        if (m.citizen_account_id) await sendDirect(repos, [{ accountId: m.citizen_account_id, kind: "ticket_reply", ...replied(m, note), link: `/me/appeals/${m.id}`, external: true }], m.region_code);
      }
    }
  }

  /** Who hears of a step. */
  private async tell(repos: Repos, t: TicketRow, action: TicketAction, note: string, orgId: string | null, details: Record<string, unknown>) {
    const toCitizen = (words: Words) => (t.citizen_account_id ? sendDirect(repos, [{ accountId: t.citizen_account_id, kind: "ticket", ...words, link: `/me/appeals/${t.id}`, external: true }], t.region_code) : Promise.resolve());
    const toDesk = async (words: Words) => sendDirect(repos, (await repos.staffDirectory.hotlineAgents()).map((a) => ({ accountId: a.id, kind: "ticket", ...words, link: `/workbench/tickets/${t.id}`, external: false })), t.region_code);
    const ticket = `工单 ${t.number}“${t.title}”`;
    const ticketEn = `Ticket ${t.number} (“${t.title}”)`;
    switch (action) {
      case "dispatch":
      case "reassign":
        if (orgId) await this.tellOrg(repos, orgId, t, { title: "新的 12345 诉求待签收", body: `${ticket}已派至你单位，请及时签收。`, titleEn: "New 12345 ticket to sign for", bodyEn: `${ticketEn} has been sent to your unit; please sign for it.` });
        break;
      case "reject_return":
        if (orgId) await this.tellOrg(repos, orgId, t, { title: "退单未通过，请继续办理", body: `${ticket}退单未通过：${note}。`, titleEn: "Return refused: please go on handling it", bodyEn: `${ticketEn} may not be returned: ${note}.` });
        break;
      case "return":
        await toDesk({ title: "工单退回待审核", body: `${t.org_name ?? ""}退回工单 ${t.number}：${note}`, titleEn: "Ticket returned for review", bodyEn: `${t.org_name ?? ""} returned ticket ${t.number}: ${note}` });
        break;
      case "answer":
      case "reply": {
        const r = replied(t, note);
        await toCitizen({ ...r, body: `${r.body}。请对办理结果进行评价。`, bodyEn: `${r.bodyEn}. Please rate how it was handled.` });
        break;
      }
      case "urge":
        if (orgId) await this.tellOrg(repos, orgId, t, { title: "工单督办", body: `${ticket}被督办：${note}`, titleEn: "Ticket urged", bodyEn: `${ticketEn} is urged: ${note}` });
        break;
      case "reopen":
        if (orgId) await this.tellOrg(repos, orgId, t, { title: "诉求人不满意，工单重新办理", body: `${ticket}重新办理：${note}`, titleEn: "The citizen is not satisfied: ticket reopened", bodyEn: `${ticketEn} is to be handled again: ${note}` });
        break;
      case "merge":
        await toCitizen({ title: "您的诉求已合并办理", body: `您的诉求（${t.number}）与同一事项的诉求 ${details.into as string} 合并办理，答复将一并告知您。`, titleEn: "Your request is handled together with another", bodyEn: `Your request (${t.number}) is handled together with request ${details.into as string} on the same matter; you will get one reply for both.` });
        break;
      default:
        break;
    }
  }

  /** Tells the org's handlers; a 举报's reporter is redacted from what they read. */
  private async tellOrg(repos: Repos, orgId: string, t: ReporterOf & { id: string; type: string }, words: Words) {
    const region = (await repos.orgs.findById(orgId))?.region_code ?? "310000";
    const secrets = t.type === "report" ? await reporterSecrets(repos, this.cipher, t) : null;
    const text = secrets ? { ...words, body: redactReporter(words.body, secrets), bodyEn: redactReporter(words.bodyEn, secrets) } : words;
    await sendDirect(repos, (await repos.staffDirectory.appealHandlersOf(orgId)).map((h) => ({ accountId: h.id, kind: "ticket", ...text, link: `/workbench/tickets/${t.id}`, external: false })), region);
  }

  /** Open tickets past their reply deadline are escalated once to the supervisors above the org and the desk. */
  async escalateOverdue(): Promise<number> {
    const today = todayInChina(this.now());
    let raised = 0;
    for (const { id } of await this.store.repos.tickets.listOverdue(today, 500)) {
      const done = await this.store.transact(async (repos) => {
        const t = await repos.tickets.find(id);
        const locked = await repos.tickets.findForUpdate(id);
        if (!t || !locked || locked.escalated_at || !locked.reply_deadline || locked.reply_deadline >= today || !["dispatched", "returned", "handling"].includes(locked.state)) return false;
        const supervisors = locked.org_id ? await repos.staffDirectory.supervisorsOver(locked.org_id) : [];
        await repos.tickets.updateIfVersion(id, locked.lock_version, { escalated_at: this.now() });
        const note = `超过答复期限（${locked.reply_deadline}），已提请${supervisors.map((s) => s.name).join("、") || "效能监督"}督办`;
        await repos.tickets.insertEvent({ ticket_id: id, action: "escalate", from_state: locked.state, to_state: locked.state, actor_account_id: null, actor_name: SYSTEM_ACTOR.name, org_id: locked.org_id, note, created_at: this.now() });
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "ticket.escalate", targetType: "ticket", targetId: id, orgId: locked.org_id, regionCode: locked.region_code, details: { number: locked.number, deadline: locked.reply_deadline, escalatedTo: supervisors.map((s) => s.name) } });
        const overdue = { title: "12345 工单超期", body: `工单 ${locked.number}“${locked.title}”（${t.org_name ?? ""}）${note.split("，")[0]}，请督办。`, titleEn: "12345 ticket overdue", bodyEn: `Ticket ${locked.number} (“${locked.title}”, ${t.org_name ?? ""}) is past its reply date (${locked.reply_deadline}); please see that it is answered.` };
        await sendDirect(repos, supervisors.map((s) => ({ accountId: s.id, kind: "ticket_overdue", ...overdue, link: `/workbench/tickets/${id}`, external: false })), locked.region_code);
        return true;
      });
      if (done) raised++;
    }
    return raised;
  }
}

const EVENT_LABELS: Record<string, string> = { create: "受理", escalate: "超期督办" };
