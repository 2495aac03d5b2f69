import { chinaToday } from "./china-time";

import { DEFAULT_CALENDAR, type YearCalendar } from "./calendar-data";

/** A date as 'YYYY-MM-DD' in China Standard Time. */
export type IsoDate = string;

/** An interval during which the clock stands still (补正, expert review, hearing, public notice). */
export interface Pause {
  from: IsoDate;
  /** The day the clock restarts; null while still paused. */
  to: IsoDate | null;
}

export type DeadlineLight = "green" | "yellow" | "red";

const DAY = 86_400_000;

function toUtc(d: IsoDate): number {
  return Date.parse(`${d}T00:00:00Z`);
}

function fromUtc(t: number): IsoDate {
  return new Date(t).toISOString().slice(0, 10);
}

/** The next calendar day. */
export function nextDay(d: IsoDate): IsoDate {
  return fromUtc(toUtc(d) + DAY);
}

/** Today in China Standard Time. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return chinaToday(now);
}

/** The date lies past the last year the calendar knows: a deadline there cannot be computed. */
export class BeyondCalendarError extends Error {
  constructor(readonly date: IsoDate, readonly lastYear: number) {
    super(`${date} is past the last configured year ${lastYear}`);
  }
}

/**
 * Working days: Monday to Friday, minus official holidays, plus make-up workdays, for the years
 * configured. Deadlines count working days after the start day (自受理之次日起计算) and skip
 * paused intervals.
 */
export class WorkCalendar {
  private readonly holidays = new Map<IsoDate, string>();
  private readonly workdays = new Set<IsoDate>();
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(years: Record<number, YearCalendar> = DEFAULT_CALENDAR) {
    const list = Object.keys(years).map(Number).sort();
    if (list.length === 0) throw new Error("a calendar needs at least one year");
    this.firstYear = list[0]!;
    this.lastYear = list[list.length - 1]!;
    for (const y of list) {
      for (const [d, name] of years[y]!.holidays) this.holidays.set(d, name);
      for (const d of years[y]!.workdays) this.workdays.add(d);
    }
  }

  covers(d: IsoDate): boolean {
    const y = Number(d.slice(0, 4));
    return y >= this.firstYear && y <= this.lastYear;
  }

  private assertCovered(d: IsoDate) {
    if (!this.covers(d)) throw new BeyondCalendarError(d, this.lastYear);
  }

  isWorkingDay(d: IsoDate): boolean {
    this.assertCovered(d);
    if (this.workdays.has(d)) return true;
    if (this.holidays.has(d)) return false;
    const weekday = new Date(toUtc(d)).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The festival a day belongs to, if it is an official holiday. */
  holidayName(d: IsoDate): string | null {
    return this.holidays.get(d) ?? null;
  }

  /**
   * The date by which `n` working days have passed after `start`, not counting days inside the
   * pauses. n = 0 means the same day (即办). Throws BeyondCalendarError past the configured years.
   */
  deadline(start: IsoDate, n: number, pauses: Pause[] = []): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new Error("working days must be a whole number ≥ 0");
    this.assertCovered(start);
    let d = start;
    let counted = 0;
    while (counted < n) {
      d = nextDay(d);
      if (this.isWorkingDay(d) && !paused(d, pauses)) counted++;
    }
    // A still-open pause moves the deadline with it: it cannot be known yet.
    return d;
  }

  /** Working days after `from` up to and including `to` (0 if `to` ≤ `from`), not counting paused days. */
  workingDaysBetween(from: IsoDate, to: IsoDate, pauses: Pause[] = []): number {
    let n = 0;
    for (let d = nextDay(from); d <= to; d = nextDay(d)) if (this.isWorkingDay(d) && !paused(d, pauses)) n++;
    return n;
  }

  /** `deadline`, or null when it would fall past the configured years (the caller flags it). */
  deadlineOrNull(start: IsoDate, n: number, pauses: Pause[] = []): IsoDate | null {
    try {
      return this.deadline(start, n, pauses);
    } catch (err) {
      if (err instanceof BeyondCalendarError) return null;
      throw err;
    }
  }

  /** `light`, or null when the days between are past the configured years. */
  lightOrNull(today: IsoDate, deadline: IsoDate): DeadlineLight | null {
    try {
      return this.light(today, deadline);
    } catch (err) {
      if (err instanceof BeyondCalendarError) return null;
      throw err;
    }
  }

  /** Green with time to spare, yellow with one working day or less left, red when overdue. */
  light(today: IsoDate, deadline: IsoDate): DeadlineLight {
    if (today > deadline) return "red";
    const left = this.workingDaysBetween(today, deadline);
    return left <= 1 ? "yellow" : "green";
  }
}

function paused(d: IsoDate, pauses: Pause[]): boolean {
  return pauses.some((p) => d >= p.from && (p.to === null || d < p.to));
}

/** The built-in calendar (2025–2026), for code that has no administrator-configured one. */
export const DEFAULT_WORK_CALENDAR = new WorkCalendar();
