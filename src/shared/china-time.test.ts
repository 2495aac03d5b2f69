import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chinaDate, chinaDateTime, chinaTime, chinaToday } from "./china-time";

describe("China Standard Time formatting", () => {
  it("shows 23:41 UTC on 5 December as 07:41 on 6 December", () => {
    expect(chinaDate("2026-12-05T23:41:00.000Z")).toBe("2026-12-06");
    expect(chinaDateTime("2026-12-05T23:41:00.000Z")).toBe("2026-12-06 07:41");
    expect(chinaDateTime("2026-12-05T23:41:09Z", { seconds: true })).toBe("2026-12-06 07:41:09");
    expect(chinaTime(new Date("2026-12-05T23:41:00Z"))).toBe("07:41");
    expect(chinaToday(new Date("2026-12-05T16:00:00Z"))).toBe("2026-12-06");
    expect(chinaToday(new Date("2026-12-05T15:59:59Z"))).toBe("2026-12-05");
  });

  it("leaves plain dates alone and an invalid instant empty", () => {
    expect(chinaDate("2026-02-28")).toBe("2026-02-28");
    expect(chinaDateTime("not a date")).toBe("");
  });

  it("property: agrees with the platform's Intl formatting in Asia/Shanghai", () => {
    const fmt = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    fc.assert(
      fc.property(fc.date({ min: new Date("1992-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        expect(chinaDateTime(d)).toBe(fmt.format(d).replace(",", ""));
      }),
    );
  });
});
