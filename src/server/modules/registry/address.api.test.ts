import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const options = (query: string) => t.app.inject({ method: "GET", url: `/api/v1/addresses/options?${query}` });
const check = (body: Record<string, string>) => t.app.inject({ method: "POST", url: "/api/v1/addresses/check", payload: body });

describe("标准地址库 for pickers", () => {
  it("walks a street's roads, a road's doors and a door's rooms down to a whole address", async () => {
    const roads = (await options("street=310101001")).json();
    expect(roads.level).toBe("road");
    expect(roads.items.map((r: { value: string }) => r.value)).toEqual(expect.arrayContaining(["南京东路", "福州路", "九江路"]));
    expect(roads.items.every((r: { leaf: boolean }) => !r.leaf)).toBe(true);

    const doors = (await options(`street=310101001&road=${encodeURIComponent("福州路")}`)).json();
    expect(doors.level).toBe("door");
    // A lane of the registry's own (people's homes add lanes with their one flat).
    const lane = doors.items.find((d: { leaf: boolean; value: string }) => !d.leaf && d.value.endsWith("弄1号"));
    const shop = doors.items.find((d: { leaf: boolean }) => d.leaf);
    expect(lane.value).toMatch(/^\d+弄\d+号$/);
    expect(shop.address).toMatch(/^上海市黄浦区福州路\d+号$/);
    // Doors go by their numbers: 8弄 before 12弄.
    const firstNumbers = doors.items.map((d: { value: string }) => Number(/\d+/.exec(d.value)![0]));
    expect(firstNumbers).toEqual([...firstNumbers].sort((a, b) => a - b));

    const rooms = (await options(`street=310101001&road=${encodeURIComponent("福州路")}&door=${encodeURIComponent(lane.value)}`)).json();
    expect(rooms.level).toBe("room");
    expect(rooms.items[0]).toMatchObject({ value: "101室", leaf: true, address: `上海市黄浦区福州路${lane.value}101室` });
  });

  it("holds the addresses people and enterprises are registered at, in the street of their road", async () => {
    const r = (await check({ address: "上海市黄浦区四川中路213号5楼" })).json();
    expect(r).toMatchObject({ known: true, problem: null, place: { districtCode: "310101", streetCode: "310101002", road: "四川中路", door: "213号", room: "5楼" } });
    // The same address typed with the district chosen apart, and with spaces.
    const apart = (await check({ address: "四川中路 213号5楼", division: "310101" })).json();
    expect(apart).toMatchObject({ known: true, address: "四川中路213号5楼", place: { address: "上海市黄浦区四川中路213号5楼" } });
  });

  it("checks a typed address the registry lacks and names what is wrong", async () => {
    const unknown = (await check({ address: "上海市黄浦区福州路9999号" })).json();
    expect(unknown).toMatchObject({ known: false, problem: null, place: null });
    const problems: Array<[Record<string, string>, string]> = [
      [{ address: "北京市东城区东长安街1号" }, "OUT_OF_CITY"],
      [{ address: "福州路100号" }, "NO_DISTRICT"],
      [{ address: "上海市黄浦区福州路100号", division: "310104" }, "DISTRICT_MISMATCH"],
      [{ address: "上海市黄浦区人民广场" }, "NO_ROAD_OR_NUMBER"],
    ];
    for (const [body, code] of problems) {
      const r = (await check(body)).json();
      expect(r.problem.code, body.address).toBe(code);
      expect(r.problem.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("refuses a malformed query with a clear error", async () => {
    const bad = await options("street=310101");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    expect((await options(`street=310101001&door=1${encodeURIComponent("号")}`)).statusCode).toBe(400);
    expect((await check({ address: "" })).statusCode).toBe(400);
  });

  it("an empty street has no roads, not an error", async () => {
    const r = (await options("street=310101099")).json();
    expect(r).toEqual({ level: "road", items: [] });
  });
});

describe("forms check a typed address", () => {
  it("a form field bound to an address is refused when it names no road and door", async () => {
    const { validateFormValues } = await import("../../../shared/form-values");
    const fields = [
      { key: "division", label: "住所所在区", type: "address" as const, dataElement: "enterprise.divisionCode", required: true },
      { key: "address", label: "住所详细地址", type: "text" as const, dataElement: "enterprise.address", required: true },
    ];
    expect(validateFormValues(fields, { division: "310101", address: "福州路100号" })).toEqual([]);
    expect(validateFormValues(fields, { division: "310104", address: "上海市黄浦区福州路100号" })[0]!.message).toBe("“住所详细地址”与所选的区不一致");
    expect(validateFormValues(fields, { division: "310101", address: "随便" })[0]!.message).toMatch(/门牌号/);
  });
});
