import { describe, expect, it } from "vitest";
import { countyOf, divisionLevel, SHANGHAI_DISTRICTS, townshipKind } from "./division-code";

describe("division codes (GB/T 2260)", () => {
  it("tells the level of 6-, 9- and 12-digit codes", () => {
    expect(divisionLevel("310000")).toBe("province");
    expect(divisionLevel("310100")).toBe("prefecture");
    expect(divisionLevel("310101")).toBe("county");
    expect(divisionLevel("310101002")).toBe("township");
    expect(divisionLevel("310101002003")).toBe("village");
    expect(divisionLevel("310101000000")).toBe("county");
    expect(divisionLevel("31010")).toBeNull();
    expect(divisionLevel("abcdef")).toBeNull();
  });

  it("names township kinds by their number range", () => {
    expect(townshipKind("310101002")).toBe("街道");
    expect(townshipKind("310112101")).toBe("镇");
    expect(townshipKind("310151201")).toBe("乡");
    expect(townshipKind("310151500")).toBeNull();
    expect(countyOf("310101002003")).toBe("310101");
  });

  it("lists Shanghai's 16 districts", () => {
    expect(SHANGHAI_DISTRICTS).toHaveLength(16);
    expect(SHANGHAI_DISTRICTS.every((d) => divisionLevel(d.code) === "county" && d.code.startsWith("31"))).toBe(true);
    expect(SHANGHAI_DISTRICTS.find((d) => d.code === "310115")?.name).toBe("浦东新区");
  });
});
