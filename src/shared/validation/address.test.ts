import { describe, expect, it } from "vitest";
import { addressProblem, maskAddress, parseAddress } from "./address";

describe("parseAddress", () => {
  it("splits a city address into district, road, door and room", () => {
    expect(parseAddress("上海市黄浦区福州路100弄5号1203室")).toEqual({ districtCode: "310101", town: "", road: "福州路", door: "100弄5号", room: "1203室" });
    expect(parseAddress("上海市浦东新区世纪大道88号1201室")).toMatchObject({ districtCode: "310115", road: "世纪大道", door: "88号", room: "1201室" });
    expect(parseAddress("上海市崇明区城桥镇东风村8号")).toMatchObject({ districtCode: "310151", town: "城桥镇", road: "东风村", door: "8号", room: "" });
    expect(parseAddress("浦东新区张江路18号")).toMatchObject({ districtCode: "310115", road: "张江路", door: "18号" });
    expect(parseAddress("淮海中路200号3楼")).toMatchObject({ districtCode: null, road: "淮海中路", door: "200号", room: "3楼" });
  });

  it("needs a road and a door number", () => {
    expect(parseAddress("上海市黄浦区人民广场")).toBeNull();
    expect(parseAddress("上海市黄浦区福州路")).toBeNull();
    expect(parseAddress("100号")).toBeNull();
  });
});

describe("addressProblem", () => {
  it("accepts a city address, or a road and door with the district chosen apart", () => {
    expect(addressProblem("上海市黄浦区福州路100号")).toBeNull();
    expect(addressProblem("福州路100号", "310101")).toBeNull();
    expect(addressProblem("黄浦区福州路100号", "310101002")).toBeNull();
  });

  it("names what is wrong", () => {
    expect(addressProblem("北京市东城区东长安街1号")).toBe("OUT_OF_CITY");
    expect(addressProblem("江苏省苏州市人民路1号")).toBe("OUT_OF_CITY");
    expect(addressProblem("福州路100号")).toBe("NO_DISTRICT");
    expect(addressProblem("上海市黄浦区福州路100号", "310104")).toBe("DISTRICT_MISMATCH");
    expect(addressProblem("上海市黄浦区人民广场")).toBe("NO_ROAD_OR_NUMBER");
    expect(addressProblem("随便写写")).toBe("NO_ROAD_OR_NUMBER");
  });

  it("keeps masking as before", () => {
    expect(maskAddress("上海市黄浦区福州路100号3楼")).toBe("上海市黄浦区福州路****");
  });
});
