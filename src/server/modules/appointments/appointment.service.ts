import { randomInt } from "node:crypto";
import { APPOINTMENT_TRANSITIONS, transitionFrom } from "../../../shared/lifecycle";
import { nextDay, todayInChina, WorkCalendar, DEFAULT_WORK_CALENDAR } from "../../../shared/working-days";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AppointmentRepository } from "./appointment.repository";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import type { OrgRepository } from "../orgs";
import { DomainError } from "../../domain-error";
import { chinaDateTime } from "../../../shared/china-time";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { appointments: AppointmentRepository; audit: AuditRepository; catalogue: CatalogueRepository; orgs: OrgRepository };

export interface PublishInput {
  centreOrgId: string;
  from: string;
  to: string;
  times: Array<{ start: string; end: string; capacity: number }>;
}

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read out at a window

/**
 * 预约: centres publish slots on working days; citizens book one place for an item, cancel or move
 * it before it starts; the centre's clerks see the day's list and check arrivals in. Capacity is
 * enforced by a conditional increment in the booking's transaction, so concurrent requests never
 * overbook. Raises: FORBIDDEN, ORG_NOT_FOUND, SLOT_NOT_FOUND, SLOT_FULL, SLOT_PAST, ALREADY_BOOKED,
 * APPOINTMENT_NOT_FOUND, APPOINTMENT_CHANGED, APPOINTMENT_NOT_ACTIVE, ITEM_NOT_FOUND, VALIDATION_FAILED.
 */
export class AppointmentService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date = () => new Date(),
    private readonly calendarOf: () => WorkCalendar = () => DEFAULT_WORK_CALENDAR,
  ) {}

  /** Whether a staff member may run this centre: a clerk at one of its windows, or an admin above it. */
  private async centreFor(actor: Actor, centreOrgId: string, repos = this.store.repos) {
    const centre = await repos.orgs.findById(centreOrgId);
    if (!centre || centre.kind !== "service_centre") throw new DomainError("ORG_NOT_FOUND");
    const ok = actor.kind === "staff" && actor.orgPath !== null && ((hasRole(actor, "window_clerk") && actor.orgPath.startsWith(centre.path)) || (hasRole(actor, "sys_admin") && centre.path.startsWith(actor.orgPath)));
    if (!ok) throw new DomainError("FORBIDDEN");
    return centre;
  }

  /** Publishes slots at the given times on every working day from `from` to `to` (at most 62 days). */
  async publish(actor: Actor, input: PublishInput, ctx: RequestContext) {
    const centre = await this.centreFor(actor, input.centreOrgId);
    const today = todayInChina(this.now());
    if (input.from < today || input.to < input.from) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "from", message: "日期范围无效（不能早于今天）" }] });
    const days: string[] = [];
    for (let d = input.from; d <= input.to; d = nextDay(d)) {
      if (days.length > 62) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "to", message: "一次最多发布两个月" }] });
      if (this.calendarOf().isWorkingDay(d)) days.push(d);
    }
    for (const t of input.times) if (t.end <= t.start) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "times", message: `时段 ${t.start}–${t.end} 无效` }] });
    return this.store.transact(async (repos) => {
      const created = await repos.appointments.insertSlots(days.flatMap((day) => input.times.map((t) => ({ centre_org_id: centre.id, day, start_time: t.start, end_time: t.end, capacity: t.capacity, region_code: centre.region_code }))));
      await repos.audit.append(actor, ctx, { action: "appointment.slots_publish", targetType: "org", targetId: centre.id, orgId: centre.id, details: { from: input.from, to: input.to, times: input.times, created } });
      return { created, workingDays: days.length };
    });
  }

  /** The centres this staff member runs: their window's centre, or (administrators) those in their subtree. */
  async managedCentres(actor: Actor) {
    if (actor.kind !== "staff" || !actor.orgPath || !hasRole(actor, "window_clerk", "sys_admin")) throw new DomainError("FORBIDDEN");
    return this.store.repos.appointments.centresFor(actor.orgPath, hasRole(actor, "sys_admin"));
  }

  /** Centres taking appointments with the division they serve (city, district or street), and a centre's slots with the places left (public). */
  async centres() {
    return (await this.store.repos.appointments.centresWithSlots(todayInChina(this.now()))).map((c) => ({ id: c.id, name: c.name, divisionCode: c.division_code }));
  }

  async slots(centreOrgId: string, from: string, to: string) {
    const rows = await this.store.repos.appointments.listSlots(centreOrgId, from, to);
    const nowLocal = this.localNow();
    return rows.map((s) => ({ id: s.id, day: s.day, start: s.start_time, end: s.end_time, capacity: s.capacity, left: s.capacity - s.booked, past: `${s.day} ${s.start_time}` <= nowLocal }));
  }

  async book(actor: Actor, input: { slotId: string; itemId: string }, ctx: RequestContext) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    const slot = await this.store.repos.appointments.findSlot(input.slotId);
    if (!slot) throw new DomainError("SLOT_NOT_FOUND");
    if (`${slot.day} ${slot.start_time}` <= this.localNow()) throw new DomainError("SLOT_PAST");
    if (!(await this.store.repos.catalogue.findApplicable(input.itemId))) throw new DomainError("ITEM_NOT_FOUND");
    try {
      return await this.store.transact(async (repos) => {
        if (!(await repos.appointments.takePlace(slot.id))) throw new DomainError("SLOT_FULL");
        const row = await repos.appointments.insert({ code: this.code(), slot_id: slot.id, account_id: actor.accountId, item_id: input.itemId, status: "booked", region_code: slot.region_code });
        await repos.audit.append(actor, ctx, { action: "appointment.book", targetType: "appointment", targetId: row.id, orgId: slot.centre_org_id, regionCode: slot.region_code, details: { code: row.code, day: slot.day, start: slot.start_time } });
        return this.view(row.id, repos);
      });
    } catch (err) {
      if ((err as { code?: string }).code === "23505") throw new DomainError("ALREADY_BOOKED");
      throw err;
    }
  }

  async cancel(actor: Actor, id: string, lockVersion: number, ctx: RequestContext) {
    return this.change(actor, id, lockVersion, ctx, "cancel", async (repos, appt) => {
      await repos.appointments.releasePlace(appt.slot_id);
      return {};
    });
  }

  /** Moves the booking to another slot of any centre: the new place is taken before the old is released. */
  async reschedule(actor: Actor, id: string, input: { slotId: string; lockVersion: number }, ctx: RequestContext) {
    const slot = await this.store.repos.appointments.findSlot(input.slotId);
    if (!slot) throw new DomainError("SLOT_NOT_FOUND");
    if (`${slot.day} ${slot.start_time}` <= this.localNow()) throw new DomainError("SLOT_PAST");
    try {
      return await this.change(actor, id, input.lockVersion, ctx, "reschedule", async (repos, appt) => {
        if (appt.slot_id === slot.id) throw new DomainError("ALREADY_BOOKED");
        if (!(await repos.appointments.takePlace(slot.id))) throw new DomainError("SLOT_FULL");
        await repos.appointments.releasePlace(appt.slot_id);
        return { slot_id: slot.id };
      });
    } catch (err) {
      if ((err as { code?: string }).code === "23505") throw new DomainError("ALREADY_BOOKED");
      throw err;
    }
  }

  /** One path for the applicant's changes: own booking, still active, not started, same version. */
  private async change(actor: Actor, id: string, lockVersion: number, ctx: RequestContext, action: "cancel" | "reschedule", apply: (repos: Repos, appt: { slot_id: string }) => Promise<{ slot_id?: string }>) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const appt = await repos.appointments.findForUpdate(id);
      if (!appt || appt.account_id !== actor.accountId) throw new DomainError("APPOINTMENT_NOT_FOUND");
      if (appt.lock_version !== lockVersion) throw new DomainError("APPOINTMENT_CHANGED");
      const transition = transitionFrom(APPOINTMENT_TRANSITIONS, action, appt.status);
      if (!transition) throw new DomainError("APPOINTMENT_NOT_ACTIVE");
      const current = (await repos.appointments.findSlot(appt.slot_id))!;
      if (`${current.day} ${current.start_time}` <= this.localNow()) throw new DomainError("SLOT_PAST");
      const changes = { ...(await apply(repos, appt)), ...(transition.to !== appt.status ? { status: transition.to } : {}) };
      if (!(await repos.appointments.update(id, lockVersion, changes))) throw new DomainError("APPOINTMENT_CHANGED");
      await repos.audit.append(actor, ctx, { action: `appointment.${action}`, targetType: "appointment", targetId: id, regionCode: appt.region_code, details: { code: appt.code, ...(changes.slot_id ? { from: appt.slot_id, to: changes.slot_id } : {}) } });
      return this.view(id, repos);
    });
  }

  async mine(actor: Actor) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return (await this.store.repos.appointments.listForAccount(actor.accountId)).map((r) => this.present(r));
  }

  /** The day's list at a centre, for its clerks. */
  async centreDay(actor: Actor, centreOrgId: string, day: string) {
    await this.centreFor(actor, centreOrgId);
    return (await this.store.repos.appointments.listForCentre(centreOrgId, day)).map((r) => this.present(r));
  }

  /** A clerk of the centre checks an arrival in, on the day of the appointment. */
  async checkIn(actor: Actor, id: string, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const appt = await repos.appointments.findForUpdate(id);
      if (!appt) throw new DomainError("APPOINTMENT_NOT_FOUND");
      const slot = (await repos.appointments.findSlot(appt.slot_id))!;
      await this.centreFor(actor, slot.centre_org_id, repos);
      const transition = transitionFrom(APPOINTMENT_TRANSITIONS, "check_in", appt.status);
      if (!transition) throw new DomainError("APPOINTMENT_NOT_ACTIVE");
      if (slot.day !== todayInChina(this.now())) throw new DomainError("APPOINTMENT_NOT_TODAY", { day: slot.day });
      await repos.appointments.update(id, appt.lock_version, { status: transition.to, checked_in_at: this.now(), checked_in_by: actor.accountId });
      await repos.audit.append(actor, ctx, { action: "appointment.check_in", targetType: "appointment", targetId: id, orgId: slot.centre_org_id, regionCode: appt.region_code, details: { code: appt.code } });
      return this.view(id, repos);
    });
  }

  private async view(id: string, repos = this.store.repos) {
    return this.present((await repos.appointments.findDetailed(id))!);
  }

  private present(r: NonNullable<Awaited<ReturnType<AppointmentRepository["findDetailed"]>>>) {
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      lockVersion: r.lock_version,
      itemId: r.item_id,
      itemName: r.item_name,
      centreId: r.centre_id,
      centreName: r.centre_name,
      personName: r.person_name,
      slotId: r.slot_id,
      day: r.day,
      start: r.start_time,
      end: r.end_time,
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
    };
  }

  /** "YYYY-MM-DD HH:MM" in Shanghai. */
  private localNow(): string {
    return chinaDateTime(this.now());
  }

  private code(): string {
    return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  }
}
