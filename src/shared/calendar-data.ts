/**
 * Official holidays and make-up workdays (调休上班) by year, as announced by the State Council
 * (domain-rules.md). Later years are added by administrators; a deadline that falls past the last
 * configured year is flagged, never guessed.
 */
export interface YearCalendar {
  /** Days off that would otherwise be working days, with the festival's name. */
  holidays: Array<[string, string]>;
  /** Weekend days that are working days. */
  workdays: string[];
}

function range(from: string, to: string, name: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    out.push([d.toISOString().slice(0, 10), name]);
  }
  return out;
}

export const DEFAULT_CALENDAR: Record<number, YearCalendar> = {
  2025: {
    holidays: [
      ...range("2025-01-01", "2025-01-01", "元旦"),
      ...range("2025-01-28", "2025-02-04", "春节"),
      ...range("2025-04-04", "2025-04-06", "清明节"),
      ...range("2025-05-01", "2025-05-05", "劳动节"),
      ...range("2025-05-31", "2025-06-02", "端午节"),
      ...range("2025-10-01", "2025-10-08", "国庆节、中秋节"),
    ],
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  2026: {
    holidays: [
      ...range("2026-01-01", "2026-01-03", "元旦"),
      ...range("2026-02-15", "2026-02-23", "春节"),
      ...range("2026-04-04", "2026-04-06", "清明节"),
      ...range("2026-05-01", "2026-05-05", "劳动节"),
      ...range("2026-06-19", "2026-06-21", "端午节"),
      ...range("2026-09-25", "2026-09-27", "中秋节"),
      ...range("2026-10-01", "2026-10-07", "国庆节"),
    ],
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};
