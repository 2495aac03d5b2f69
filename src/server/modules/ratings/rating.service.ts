import { createHash, randomBytes } from "node:crypto";
import { caseTransition, INDICATORS, isBadRating, type CaseState, RATING_EVENTS, RATING_TAGS, type IndicatorSet, type RatingChannel, type RatingEvent } from "../../../shared/ratings";
import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "../identity";
import type { ApplicationRepository } from "../applications";
import type { AppointmentRepository } from "../appointments";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import type { OrgRepository } from "../orgs";
import type { RatingRepository } from "./rating.repository";
import { DomainError } from "../../domain-error";
import { maskName } from "../certificates";
import type { RatingCaseService } from "./rating-case.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; applications: ApplicationRepository; appointments: AppointmentRepository; audit: AuditRepository; catalogue: CatalogueRepository; orgs: OrgRepository; ratings: RatingRepository; };

export interface RatingInput {
  eventKind: RatingEvent;
  eventId: string;
  level: number;
  indicators: Record<string, number>;
  tags: string[];
  comment?: string | undefined;
  anonymous?: boolean | undefined;
}

/** What a rating is about and whom it is attributed to (谁办理谁负责). */
/** Reads one rated event of a kind another module keeps, in the caller's unit of work. */
export type RatedEventSource = (unit: UnitOfWork, id: string) => Promise<RatedEvent>;

export interface RatedEvent {
  kind: RatingEvent;
  id: string;
  raterAccountId: string | null;
  raterPersonId: string | null;
  raterName: string;
  itemId: string | null;
  itemName: string | null;
  orgId: string;
  orgName: string;
  windowOrgId: string | null;
  staffAccountId: string | null;
  staffName: string | null;
  stepKey: string | null;
  stepName: string | null;
  applicationId: string | null;
  ticketId: string | null;
  indicatorSet: IndicatorSet;
  regionCode: string;
  /** Orgs whose clerks may hand over the rating tablet (their subtree, or above them: a centre and its windows). */
  windowPaths: string[];
}

const INVITATION_MINUTES = 30;
const RATABLE_DAYS = 90;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * 好差评: every service event can be rated once by its applicant — online (一事一评), on the window
 * tablet a clerk hands over (一次一评), or recorded by a hotline agent on a call-back. A rating of 1 or
 * 2 opens a 差评 case for the org that handled the step, in the same transaction.
 */
export class RatingService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cases: RatingCaseService,
    private readonly now: () => Date,
  ) {}

  /** Rated events that another module keeps (12345 tickets: appeals), read by that module. */
  private readonly sources = new Map<RatingEvent, RatedEventSource>();
  registerSource(kind: RatingEvent, source: RatedEventSource) {
    this.sources.set(kind, source);
  }

  /** The events a citizen can still rate (last 90 days), newest first. */
  async pending(actor: Actor) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    const repos = this.store.repos;
    const since = new Date(this.now().getTime() - RATABLE_DAYS * 86_400_000);
    const apps = await repos.ratings.ratableApplications(actor.accountId, actor.personId, since);
    const appts = await repos.ratings.ratableAppointments(actor.accountId, since);
    const events: Array<{ kind: RatingEvent; id: string; title: string; orgName: string; reference: string; at: string; indicatorSet: IndicatorSet }> = [];
    for (const a of apps) {
      const set: IndicatorSet = a.channel === "window" ? "onsite" : "online";
      const ref = { title: a.item_name, orgName: a.org_name, reference: a.number, at: a.submitted_at.toISOString(), indicatorSet: set };
      if (a.outcome && a.outcome !== "withdrawn") events.push({ kind: "application_completed", id: a.id, ...ref });
      if (a.acted) events.push({ kind: "application_accepted", id: a.id, ...ref });
    }
    for (const a of appts) events.push({ kind: "appointment", id: a.id, title: a.item_name, orgName: a.org_name, reference: a.code, at: a.checked_in_at!.toISOString(), indicatorSet: "onsite" });
    const rated = await repos.ratings.ratedEvents(events);
    return events.filter((e) => !rated.has(`${e.kind}:${e.id}`)).map((e) => ({ ...e, kindName: RATING_EVENTS[e.kind].zh }));
  }

  /** What the rating form shows for an event: the service, the org, the step and the indicators. */
  async form(actor: Actor, kind: RatingEvent, id: string) {
    const event = await this.resolve(this.store.repos, kind, id);
    this.assertRater(actor, event);
    return this.formView(event, false);
  }

  private formView(event: RatedEvent, masked: boolean) {
    return {
      eventKind: event.kind,
      eventId: event.id,
      kindName: RATING_EVENTS[event.kind].zh,
      itemName: event.itemName,
      orgName: event.orgName,
      stepName: event.stepName,
      staffName: event.staffName,
      raterName: masked ? maskName(event.raterName) : event.raterName,
      indicatorSet: event.indicatorSet,
      indicators: Object.entries(INDICATORS[event.indicatorSet]).map(([key, l]) => ({ key, name: l.zh })),
    };
  }

  /** Online (the applicant) or by phone (a hotline agent recording the applicant's rating). */
  async rate(actor: Actor, input: RatingInput, ctx: RequestContext) {
    const channel: RatingChannel = actor.kind === "citizen" ? "web" : "hotline";
    if (actor.kind === "staff" && !hasRole(actor, "hotline_agent")) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const event = await this.resolve(repos, input.eventKind, input.eventId);
      if (channel === "web") this.assertRater(actor, event);
      return this.record(repos, actor, event, input, channel, ctx);
    });
  }

  /** Within a transaction: records the rating and, for a 差评, opens its case. Raises RATING_EXISTS. */
  async record(unit: UnitOfWork, actor: Actor, event: RatedEvent, input: Omit<RatingInput, "eventKind" | "eventId">, channel: RatingChannel, ctx: RequestContext, round: 1 | 2 = 1) {
    const repos = this.store.within(unit);
    this.validate(event.indicatorSet, input);
    if (round === 1 && (await repos.ratings.findForEvent(event.kind, event.id)).length > 0) throw new DomainError("RATING_EXISTS");
    const rating = await repos.ratings.insertOnce({
      event_kind: event.kind,
      event_id: event.id,
      round,
      channel,
      indicator_set: event.indicatorSet,
      level: input.level,
      indicators: JSON.stringify(input.indicators),
      tags: JSON.stringify(input.tags),
      comment: input.comment?.trim() || null,
      anonymous: input.anonymous ?? false,
      rater_account_id: event.raterAccountId,
      rater_person_id: event.raterPersonId,
      rater_name: event.raterName,
      recorded_by: channel === "web" ? null : actor.accountId,
      item_id: event.itemId,
      item_name: event.itemName,
      org_id: event.orgId,
      window_org_id: event.windowOrgId,
      staff_account_id: event.staffAccountId,
      staff_name: event.staffName,
      step_key: event.stepKey,
      step_name: event.stepName,
      application_id: event.applicationId,
      ticket_id: event.ticketId,
      region_code: event.regionCode,
      created_at: this.now(),
    });
    if (!rating) throw new DomainError("RATING_EXISTS");
    await repos.audit.append(actor, ctx, {
      action: round === 1 ? "rating.create" : "rating.rerate",
      targetType: "rating",
      targetId: rating.id,
      orgId: event.orgId,
      regionCode: event.regionCode,
      details: { event: event.kind, eventId: event.id, level: input.level, channel, step: event.stepName },
    });
    // 12345 tickets have their own loop (reopening); every other 差评 becomes a case.
    const caseOpened = round === 1 && isBadRating(input.level) && event.kind !== "ticket" ? await this.cases.open(repos, rating, ctx) : null;
    return { id: rating.id, level: rating.level, createdAt: rating.created_at.toISOString(), caseNumber: caseOpened?.number ?? null };
  }

  /** A window clerk hands the citizen a one-time rating page (tablet or QR code), valid for 30 minutes. */
  async invite(actor: Actor, kind: RatingEvent, id: string, ctx: RequestContext) {
    if (!hasRole(actor, "window_clerk")) throw new DomainError("FORBIDDEN");
    if (kind === "ticket") throw new DomainError("RATING_EVENT_NOT_FOUND");
    const token = randomBytes(24).toString("base64url");
    const expiresAt = new Date(this.now().getTime() + INVITATION_MINUTES * 60_000);
    await this.store.transact(async (repos) => {
      const event = await this.resolve(repos, kind, id);
      // The clerk works at the window that took it, or at a window of the centre where the visit was.
      const here = actor.orgPath;
      if (!here || !event.windowPaths.some((p) => p.startsWith(here) || here.startsWith(p))) throw new DomainError("FORBIDDEN");
      if ((await repos.ratings.findForEvent(kind, id)).length > 0) throw new DomainError("RATING_EXISTS");
      await repos.ratings.insertInvitation({ token_hash: hashToken(token), event_kind: kind, event_id: id, created_by: actor.accountId, expires_at: expiresAt });
      await repos.audit.append(actor, ctx, { action: "rating.invite", targetType: kind, targetId: id, regionCode: event.regionCode, details: { expiresAt: expiresAt.toISOString() } });
    });
    return { token, path: `/rate/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** The tablet page: what is being rated, with the applicant's name masked. */
  async invitation(token: string) {
    const inv = await this.store.repos.ratings.findInvitation(hashToken(token));
    if (!inv || inv.used_at || inv.expires_at <= this.now()) throw new DomainError("RATING_LINK_INVALID");
    const event = await this.resolve(this.store.repos, inv.event_kind as RatingEvent, inv.event_id);
    return { ...this.formView({ ...event, indicatorSet: "onsite" }, true), expiresAt: inv.expires_at.toISOString() };
  }

  /** The citizen rates on the tablet: on-site indicators, recorded in the applicant's name, the link used up. */
  async rateByInvitation(token: string, input: Omit<RatingInput, "eventKind" | "eventId">, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const inv = await repos.ratings.findInvitation(hashToken(token), true);
      if (!inv || inv.used_at || inv.expires_at <= this.now()) throw new DomainError("RATING_LINK_INVALID");
      const event = { ...(await this.resolve(repos, inv.event_kind as RatingEvent, inv.event_id)), indicatorSet: "onsite" as const };
      await repos.ratings.useInvitation(inv.token_hash, this.now());
      const clerk = (await repos.accounts.findById(inv.created_by))!;
      const actor: Actor = { accountId: clerk.id, kind: "staff", name: clerk.name, personId: null, orgId: clerk.org_id, orgPath: null, governmentPath: null, regionCode: clerk.region_code, roles: [], actingFor: null };
      return this.record(repos, actor, event, input, "window", ctx);
    });
  }

  /** 重新评价: after the org's reply the rater rates again (same attribution); the case closes. */
  async rerate(actor: Actor, caseId: string, input: Omit<RatingInput, "eventKind" | "eventId">, ctx: RequestContext) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const c = await repos.ratings.findCase(caseId);
      if (!c || c.rater_account_id !== actor.accountId) throw new DomainError("CASE_NOT_FOUND");
      if (!caseTransition(c.state as CaseState, "rerate")) throw new DomainError("CASE_ACTION_NOT_ALLOWED", { state: c.state, action: "rerate" });
      const r = (await repos.ratings.findById(c.rating_id))!;
      const event: RatedEvent = {
        kind: r.event_kind as RatingEvent,
        id: r.event_id,
        raterAccountId: r.rater_account_id,
        raterPersonId: r.rater_person_id,
        raterName: r.rater_name,
        itemId: r.item_id,
        itemName: r.item_name,
        orgId: r.org_id,
        orgName: c.org_name,
        windowOrgId: r.window_org_id,
        staffAccountId: r.staff_account_id,
        staffName: r.staff_name,
        stepKey: r.step_key,
        stepName: r.step_name,
        applicationId: r.application_id,
        ticketId: r.ticket_id,
        indicatorSet: r.indicator_set,
        regionCode: r.region_code,
        windowPaths: [],
      };
      const result = await this.record(repos, actor, event, { ...input, anonymous: r.anonymous }, "web", ctx, 2);
      await this.cases.closeByRerate(repos, actor, caseId, result.id, ctx);
      return result;
    });
  }

  /** The citizen's own ratings and what became of each 差评. */
  async mine(actor: Actor, limit: number, offset: number) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.ratings.listForRater(actor.accountId, limit, offset);
    return rows.map((r) => ({
      id: r.id,
      eventKind: r.event_kind as RatingEvent,
      kindName: RATING_EVENTS[r.event_kind as RatingEvent]?.zh ?? r.event_kind,
      channel: r.channel,
      level: r.level,
      tags: r.tags as string[],
      comment: r.comment,
      itemName: r.item_name,
      orgName: r.org_name,
      stepName: r.step_name,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      case: r.case_id ? { id: r.case_id, number: r.case_number!, state: r.case_state!, reply: r.case_reply, rectification: r.case_rectification } : null,
    }));
  }

  private validate(set: IndicatorSet, input: Omit<RatingInput, "eventKind" | "eventId">) {
    const allowed = INDICATORS[set];
    const problems: string[] = [];
    if (!Number.isInteger(input.level) || input.level < 1 || input.level > 5) problems.push("level");
    for (const [k, v] of Object.entries(input.indicators)) if (!(k in allowed) || !Number.isInteger(v) || v < 1 || v > 5) problems.push(`indicators.${k}`);
    for (const t of input.tags) if (!(t in RATING_TAGS)) problems.push(`tags.${t}`);
    if (problems.length) throw new DomainError("RATING_INVALID", { issues: problems, indicators: Object.keys(allowed) });
  }

  private assertRater(actor: Actor, event: RatedEvent) {
    const own = actor.kind === "citizen" && ((event.raterAccountId !== null && event.raterAccountId === actor.accountId) || (event.raterPersonId !== null && event.raterPersonId === actor.personId));
    if (!own) throw new DomainError("RATING_NOT_YOURS");
  }

  /** Finds the event and works out whom a rating of it is attributed to. */
  async resolve(unit: UnitOfWork, kind: RatingEvent, id: string): Promise<RatedEvent> {
    const repos = this.store.within(unit);
    if (kind === "appointment") {
      const a = await repos.appointments.findForRating(id);
      if (!a) throw new DomainError("RATING_EVENT_NOT_FOUND");
      if (a.status !== "checked_in") throw new DomainError("RATING_NOT_YET");
      return {
        kind,
        id,
        raterAccountId: a.account_id,
        raterPersonId: a.person_id,
        raterName: a.person_name,
        itemId: a.item_id,
        itemName: a.item_name,
        // The window whose clerk received the visitor answers for it (谁办理谁负责), else the centre.
        orgId: a.staff_org_id ?? a.centre_id,
        orgName: a.staff_org_name ?? a.centre_name,
        windowOrgId: a.staff_org_id ?? a.centre_id,
        staffAccountId: a.checked_in_by,
        staffName: a.staff_name,
        stepKey: "check_in",
        stepName: "窗口现场办理",
        applicationId: null,
        ticketId: null,
        indicatorSet: "onsite",
        regionCode: a.region_code,
        windowPaths: [a.centre_path],
      };
    }
    const source = this.sources.get(kind);
    if (source) return source(unit, id);
    const app = await repos.applications.findById(id);
    if (!app) throw new DomainError("RATING_EVENT_NOT_FOUND");
    const step = await repos.ratings.lastStaffStep(id);
    if (kind === "application_completed" && (!app.outcome || app.outcome === "withdrawn")) throw new DomainError("RATING_NOT_YET");
    if (kind === "application_accepted" && !step) throw new DomainError("RATING_NOT_YET");
    const workflow = app.workflow as WorkflowDefinition;
    const version = await repos.catalogue.findVersion(app.version_id);
    // 谁办理谁负责: the window that took the step answers for it; otherwise the handling department.
    const orgId = step?.org_id && step.org_id !== app.handling_org_id && app.accepting_org_id ? app.accepting_org_id : app.handling_org_id;
    const paths = await repos.orgs.pathsOf([app.handling_org_id, ...(app.accepting_org_id ? [app.accepting_org_id] : [])]);
    const raterAccount = app.applicant_account_id ?? (app.applicant_person_id ? ((await repos.accounts.findByPersonId(app.applicant_person_id))?.id ?? null) : null);
    return {
      kind,
      id,
      raterAccountId: raterAccount,
      raterPersonId: app.acting_for_enterprise_id ? null : app.applicant_person_id,
      raterName: app.applicant_name,
      itemId: app.item_id,
      itemName: (version?.content as { name?: string } | undefined)?.name ?? null,
      orgId,
      orgName: (await repos.orgs.findById(orgId))?.name ?? "",
      windowOrgId: app.accepting_org_id,
      staffAccountId: step?.actor_account_id ?? null,
      staffName: step?.actor_name ?? null,
      stepKey: step?.action ?? null,
      stepName: step ? (workflow.actions.find((a) => a.key === step.action)?.name ?? step.action) : null,
      applicationId: app.id,
      ticketId: null,
      indicatorSet: app.channel === "window" ? "onsite" : "online",
      regionCode: app.region_code,
      windowPaths: [...paths.values()],
    };
  }
}
