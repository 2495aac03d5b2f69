import { describe, expect, it } from "vitest";
import { pickPlace, placeFor } from "./pick-place";

const city = { id: "city", regionCode: "310000", level: "city" };
const huangpu = { id: "hp", regionCode: "310101", level: "district" };
const xuhui = { id: "xh", regionCode: "310104", level: "district" };
const jingan = { id: "ja-street", regionCode: "310106001", level: "street" };
const xuhuiStreets = [
  { id: "xh-1", regionCode: "310104001", level: "street" },
  { id: "xh-2", regionCode: "310104002", level: "street" },
];

describe("the implementation opened for a person's place", () => {
  it("is their own district's, not the first in the list", () => {
    expect(pickPlace([huangpu, xuhui], "310104")?.id).toBe("xh");
    expect(pickPlace([huangpu, xuhui], "310104003")?.id).toBe("xh");
  });
  it("is their own street's before their district's, and a street of their district before one elsewhere", () => {
    expect(pickPlace([jingan, xuhui, ...xuhuiStreets], "310104002")?.id).toBe("xh-2");
    expect(pickPlace([jingan, ...xuhuiStreets], "310104")?.id).toBe("xh-1");
    expect(pickPlace([jingan, ...xuhuiStreets], "310104009")?.id).toBe("xh-1");
  });
  it("falls back to the city-wide one, then the first, when their place has none or is unknown", () => {
    expect(pickPlace([huangpu, city], "310115")?.id).toBe("city");
    expect(pickPlace([huangpu, xuhui], "310115")?.id).toBe("hp");
    expect(pickPlace([huangpu, city], null)?.id).toBe("city");
    expect(pickPlace([], "310104")).toBeUndefined();
  });
});

describe("a place of one's own", () => {
  it("is only a real match: none for a district without its own office, none for the city-wide one, none without a place", () => {
    expect(placeFor([huangpu, xuhui, city], "310105")).toBeUndefined();
    expect(placeFor([city], "310104")).toBeUndefined();
    expect(placeFor([huangpu, xuhui], null)).toBeUndefined();
    expect(placeFor([huangpu, xuhui], "310104")?.id).toBe("xh");
  });
});

