import { describe, expect, it } from "vitest";
import { dataUseDetails, readDataUse } from "./data-use-record";

const purpose = { kind: "application" as const, applicationId: "a1", applicationNumber: "310101-20261207-000001", itemCode: "XK00002001", itemName: "食品经营许可", readerOrgId: "o1", regionCode: "310101" };

describe("a data-use record's details", () => {
  it("are written compact and read back with every registry and element", () => {
    const details = dataUseDetails(
      [
        { registry: "population", orgCode: "310101-PSB", elements: ["person.name", "person.idNumber"] },
        { registry: "certificates", orgCode: "310101-PSB", elements: ["cert:resident_id", "person.name"] },
      ],
      purpose,
      ["person.education"],
    );
    expect(details).toEqual({
      sources: [
        { registry: "population", orgCode: "310101-PSB", elements: ["person.name", "person.idNumber"] },
        { registry: "certificates", orgCode: "310101-PSB", elements: ["cert:resident_id", "person.name"] },
      ],
      denied: ["person.education"],
      consent: true,
      purposeKind: "application",
      itemCode: "XK00002001",
      applicationId: "a1",
      applicationNumber: "310101-20261207-000001",
    });
    expect(readDataUse(JSON.parse(JSON.stringify(details)))).toEqual({ registries: ["population", "certificates"], elements: ["person.name", "person.idNumber", "cert:resident_id"], applicationNumber: "310101-20261207-000001", explanation: null });
  });

  it("written before they were compact (the elements listed, registry names) or by older actions (one source) read the same way", () => {
    const older = { elements: ["person.name"], sources: [{ registry: "population", registryName: "人口库", orgCode: "310101-PSB", elements: ["person.name"] }], consent: true, itemName: "食品经营许可" };
    expect(readDataUse(older)).toEqual({ registries: ["population"], elements: ["person.name"], applicationNumber: null, explanation: null });
    expect(readDataUse({ source: "population", elements: ["person.address"] })).toMatchObject({ registries: ["population"], elements: ["person.address"] });
    expect(readDataUse({ reason: "NO_RULE", explanation: "共享目录中没有允许该部门为该事项调取这些数据的规则", elements: ["person.income"] })).toMatchObject({ registries: [], elements: ["person.income"], explanation: expect.stringContaining("共享目录") });
    expect(readDataUse(null)).toEqual({ registries: [], elements: [], applicationNumber: null, explanation: null });
  });
});
