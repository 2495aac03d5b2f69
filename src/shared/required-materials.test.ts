import { describe, expect, it } from "vitest";
import { missingMaterials } from "./required-materials";

const M = [
  { key: "id", name: "身份证", medium: "either" as const },
  { key: "lease", name: "租赁合同", medium: "electronic" as const },
  { key: "original", name: "原件", medium: "paper" as const },
  { key: "agent", name: "委托书", medium: "either" as const, situation: "by_agent" },
];

describe("materials an online application still lacks", () => {
  it("counts what everyone must hand in electronically, less what was uploaded or shared", () => {
    expect(missingMaterials(M, new Set(), new Set()).map((m) => m.key)).toEqual(["id", "lease"]);
    expect(missingMaterials(M, new Set(["lease"]), new Set(["id"]))).toEqual([]);
    expect(missingMaterials(M, new Set(["lease"]), new Set()).map((m) => m.name)).toEqual(["身份证"]);
  });
});
