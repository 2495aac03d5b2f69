import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BeyondCalendarError, nextDay, WorkCalendar } from "./working-days";

const cal = new WorkCalendar();

describe("working-day calendar 2025–2026", () => {
  it("knows weekends, holidays and make-up workdays", () => {
    expect(cal.isWorkingDay("2026-02-13")).toBe(true); // Friday before the Spring Festival
    expect(cal.isWorkingDay("2026-02-14")).toBe(true); // Saturday, make-up workday
    expect(cal.isWorkingDay("2026-02-16")).toBe(false); // Monday in the holiday
    expect(cal.holidayName("2026-02-17")).toBe("春节");
    expect(cal.isWorkingDay("2026-02-24")).toBe(true); // back to work
    expect(cal.isWorkingDay("2026-02-28")).toBe(true); // Saturday, make-up workday
    expect(cal.isWorkingDay("2026-03-01")).toBe(false); // Sunday
    expect(cal.isWorkingDay("2025-01-26")).toBe(true);
    expect(cal.isWorkingDay("2025-10-08")).toBe(false);
    expect(cal.isWorkingDay("2026-01-04")).toBe(true);
  });

  it("computes deadlines across the 2026 Spring Festival", () => {
    // Accepted on Thursday 12 Feb; working days: 13 (Fri), 14 (Sat, make-up), then 24, 25, 26 …
    expect(cal.deadline("2026-02-12", 1)).toBe("2026-02-13");
    expect(cal.deadline("2026-02-12", 2)).toBe("2026-02-14");
    expect(cal.deadline("2026-02-12", 3)).toBe("2026-02-24");
    expect(cal.deadline("2026-02-12", 5)).toBe("2026-02-26");
    expect(cal.deadline("2026-02-12", 7)).toBe("2026-02-28"); // the second make-up Saturday
    expect(cal.deadline("2026-02-12", 0)).toBe("2026-02-12");
  });

  it("across National Day 2025 and New Year 2026", () => {
    expect(cal.deadline("2025-09-30", 1)).toBe("2025-10-09");
    expect(cal.deadline("2025-12-31", 1)).toBe("2026-01-04"); // Sunday make-up workday
  });

  it("stops the clock while paused (补正)", () => {
    // 20 working days from 2 Mar 2026; the applicant takes 9–13 Mar (5 working days) to supplement.
    const plain = cal.deadline("2026-03-02", 20);
    const paused = cal.deadline("2026-03-02", 20, [{ from: "2026-03-09", to: "2026-03-16" }]);
    expect(cal.workingDaysBetween(plain, paused)).toBe(5);
    expect(cal.workingDaysBetween("2026-03-02", paused, [{ from: "2026-03-09", to: "2026-03-16" }])).toBe(20);
  });

  it("flags a deadline past the last configured year instead of guessing", () => {
    expect(() => cal.deadline("2026-12-20", 20)).toThrow(BeyondCalendarError);
    expect(() => cal.isWorkingDay("2027-01-04")).toThrow(BeyondCalendarError);
  });

  it("lights: yellow with one working day left, red when overdue", () => {
    expect(cal.light("2026-02-13", "2026-02-26")).toBe("green");
    expect(cal.light("2026-02-13", "2026-02-14")).toBe("yellow");
    expect(cal.light("2026-02-14", "2026-02-24")).toBe("yellow"); // holidays in between
    expect(cal.light("2026-02-25", "2026-02-24")).toBe("red");
  });

  // Starts up to the end of October 2026, so that every deadline stays inside the configured years.
  const day = fc.integer({ min: 0, max: 668 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const days = fc.integer({ min: 1, max: 30 });

  it("property: a deadline is a working day exactly n working days later", () => {
    fc.assert(
      fc.property(day, days, (start, n) => {
        const end = cal.deadline(start, n);
        expect(cal.isWorkingDay(end)).toBe(true);
        expect(cal.workingDaysBetween(start, end)).toBe(n);
        expect(end > start).toBe(true);
      }),
    );
  });

  it("property: deadlines grow with n and with the start date", () => {
    fc.assert(
      fc.property(day, days, (start, n) => {
        expect(cal.deadline(start, n + 1) > cal.deadline(start, n)).toBe(true);
        expect(cal.deadline(nextDay(start), n) >= cal.deadline(start, n)).toBe(true);
      }),
    );
  });

  it("property: a pause never brings a deadline forward and adds exactly its paused working days", () => {
    fc.assert(
      fc.property(day, days, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 15 }), (start, n, offset, length) => {
        const from = cal.deadline(start, Math.min(offset, n));
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        const pauses = [{ from, to }];
        const withPause = cal.deadline(start, n, pauses);
        expect(withPause >= cal.deadline(start, n)).toBe(true);
        expect(cal.workingDaysBetween(start, withPause, pauses)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
