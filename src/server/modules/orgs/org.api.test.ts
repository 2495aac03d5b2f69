import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}` });

describe("行政区划 for address pickers", () => {
  it("lists the city's districts, and a district's streets and towns by name with their codes, to anyone", async () => {
    const districts = (await get("/divisions")).json().items as Array<{ code: string; name: string }>;
    expect(districts).toHaveLength(16);
    expect(districts[0]).toEqual({ code: "310101", name: "黄浦区", nameEn: "Huangpu" });
    const streets = (await get("/divisions?parent=310101")).json().items as Array<{ code: string; name: string }>;
    expect(streets.map((s) => s.name)).toEqual(["南京东路街道", "外滩街道", "豫园街道"]);
    for (const s of streets) expect(s.code).toMatch(/^310101\d{3}$/);
    const towns = (await get("/divisions?parent=310112")).json().items as Array<{ code: string; name: string }>;
    expect(towns.find((s) => s.name === "莘庄镇")?.code).toMatch(/^3101121\d{2}$/);
  });

  it("refuses what is not one of the city's districts, with the reason", async () => {
    const notCity = await get("/divisions?parent=110101");
    expect(notCity.statusCode).toBe(400);
    const unknown = await get("/divisions?parent=319999");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: "DIVISION_NOT_FOUND", message: "没有这个行政区划" });
    expect((await get("/divisions?parent=310101002")).statusCode).toBe(400);
  });
});
