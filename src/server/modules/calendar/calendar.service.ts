import { ChangeBus } from "../../db/change-bus";
import type { CalendarYearInput } from "../../../shared/schemas/calendar";
import { DEFAULT_CALENDAR, type YearCalendar } from "../../../shared/calendar-data";
import { WorkCalendar } from "../../../shared/working-days";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CalendarRepository } from "./calendar.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; calendar: CalendarRepository };


/**
 * The working-day calendar: the built-in years (2025–2026, as announced) overlaid with the years
 * administrators configure. Services read the current calendar synchronously; it is reloaded after
 * every edit here and periodically (`refresh`) so that other processes see edits too.
 * Raises: FORBIDDEN, CALENDAR_INVALID, CALENDAR_CHANGED.
 */
export class CalendarService {
  private calendar = new WorkCalendar();
  private years: Record<number, YearCalendar & { source: "built_in" | "configured"; lockVersion: number | null; updatedBy: string | null }> = {};

  private readonly listeners: Array<() => Promise<unknown>> = [];

  constructor(
    private readonly store: Store<Repos>,
    /** A year changed anywhere (the calendar's trigger): every process reads the calendar again. */
    changes: ChangeBus = ChangeBus.local(),
    onRefreshError: (err: unknown) => void = () => {},
  ) {
    this.apply([]);
    changes.subscribe("calendar", () => void this.refresh().catch(onRefreshError));
  }

  /** Work to do after an administrator changes a year (e.g. compute deadlines that lay past the calendar). */
  onChange(listener: () => Promise<unknown>) {
    this.listeners.push(listener);
  }

  current(): WorkCalendar {
    return this.calendar;
  }

  async refresh(): Promise<void> {
    this.apply(await this.store.repos.calendar.list());
  }

  private apply(rows: Array<{ year: number; holidays: unknown; workdays: unknown; lock_version: number; updated_by: string }>) {
    const years: typeof this.years = {};
    for (const [y, c] of Object.entries(DEFAULT_CALENDAR)) years[Number(y)] = { ...c, source: "built_in", lockVersion: null, updatedBy: null };
    for (const r of rows) years[r.year] = { holidays: r.holidays as Array<[string, string]>, workdays: r.workdays as string[], source: "configured", lockVersion: r.lock_version, updatedBy: r.updated_by };
    this.years = years;
    this.calendar = new WorkCalendar(years);
  }

  list() {
    return Object.entries(this.years)
      .map(([y, c]) => ({ year: Number(y), source: c.source, lockVersion: c.lockVersion, updatedBy: c.updatedBy, holidays: c.holidays.map(([date, name]) => ({ date, name })), workdays: c.workdays }))
      .sort((a, b) => a.year - b.year);
  }

  /** City administrators set a year's holidays and make-up workdays; checked, audited, applied at once. */
  async save(actor: Actor, year: number, input: CalendarYearInput, ctx: RequestContext) {
    if (!hasRole(actor, "sys_admin") || actor.orgPath?.split("/").filter(Boolean).length !== 1) throw new DomainError("FORBIDDEN");
    const problems: string[] = [];
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    const holidayDates = new Set<string>();
    for (const h of input.holidays) {
      if (!h.date.startsWith(`${year}-`)) problems.push(`${h.date} 不在 ${year} 年`);
      if (holidayDates.has(h.date)) problems.push(`${h.date} 重复`);
      holidayDates.add(h.date);
    }
    for (const d of input.workdays) {
      if (!d.startsWith(`${year}-`)) problems.push(`${d} 不在 ${year} 年`);
      if (weekday(d) !== 0 && weekday(d) !== 6) problems.push(`调休上班日 ${d} 不是周末`);
      if (holidayDates.has(d)) problems.push(`${d} 不能既是假日又是调休上班日`);
    }
    if (problems.length) throw new DomainError("CALENDAR_INVALID", { problems });
    const holidays = [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)).map((h) => [h.date, h.name]);
    const workdays = [...input.workdays].sort();
    await this.store.transact(async (repos) => {
      const ok = await repos.calendar.save(year, JSON.stringify(holidays), JSON.stringify(workdays), input.lockVersion, actor.name);
      if (!ok) throw new DomainError("CALENDAR_CHANGED");
      await repos.audit.append(actor, ctx, { action: "calendar.save", targetType: "calendar_year", targetId: String(year), details: { holidays: holidays.length, workdays: workdays.length } });
    });
    await this.refresh();
    for (const l of this.listeners) await l();
    return this.list().find((y) => y.year === year)!;
  }
}
