import { describe, expect, it } from "vitest";
import { applyRoles, declaredRoles, valueAt, withValues } from "./self-roles";

const FIELDS = [
  { key: "name", label: "企业名称", type: "text", dataElement: "enterprise.name" },
  { key: "legalRep", label: "法定代表人姓名", type: "text", dataElement: "enterprise.legalRepName" },
  { key: "legalRepId", label: "法定代表人身份证号码", type: "idNumber", dataElement: "enterprise.legalRepIdNumber" },
  {
    key: "investors",
    label: "股东",
    type: "table",
    columns: [
      { key: "investorName", label: "姓名", dataElement: "shareholder.name" },
      { key: "investorId", label: "证件号码", dataElement: "shareholder.idNumber" },
      { key: "amount", label: "出资额" },
    ],
  },
];

describe("本人担任", () => {
  it("finds the roles a form declares by data element, a table's in its first row", () => {
    expect(declaredRoles(FIELDS)).toEqual([
      {
        role: "legalRep",
        fields: [
          { key: "legalRep", label: "法定代表人姓名", element: "enterprise.legalRepName", own: "name" },
          { key: "legalRepId", label: "法定代表人身份证号码", element: "enterprise.legalRepIdNumber", own: "idNumber" },
        ],
      },
      {
        role: "shareholder",
        fields: [
          { key: "investors.0.investorName", label: "股东 · 姓名", element: "shareholder.name", own: "name" },
          { key: "investors.0.investorId", label: "股东 · 证件号码", element: "shareholder.idNumber", own: "idNumber" },
        ],
      },
    ]);
    expect(declaredRoles([{ key: "x", label: "x", type: "text", dataElement: "person.name" }])).toEqual([]);
  });

  it("sets and reads a table's cell, creating the row, keeping the others", () => {
    const before = { name: "好办", investors: [{ investorName: "", amount: 10 }, { investorName: "李四", amount: 20 }] };
    const after = withValues(before, [
      { key: "investors.0.investorName", value: "张三" },
      { key: "legalRep", value: "张三" },
    ]);
    expect(after).toEqual({ name: "好办", legalRep: "张三", investors: [{ investorName: "张三", amount: 10 }, { investorName: "李四", amount: 20 }] });
    expect(before.investors[0]!.investorName).toBe("");
    expect(valueAt(after, "investors.1.investorName")).toBe("李四");
    expect(valueAt(after, "legalRep")).toBe("张三");
    expect(valueAt({}, "investors.0.investorName")).toBeUndefined();
    expect(withValues({}, [{ key: "investors.1.investorId", value: "x" }])).toEqual({ investors: [{}, { investorId: "x" }] });
  });

  it("after a change of ticks, fills the ticked roles, empties the ones unticked, and keeps what was typed", () => {
    const filled = [
      { key: "name", value: "登记的名称" },
      { key: "legalRep", value: "张三" },
      { key: "legalRepId", value: "110" },
      { key: "investors.0.investorName", value: "张三" },
    ];
    const typed = { name: "我输入的名称", legalRep: "李四" };
    const ticked = applyRoles(typed, FIELDS, filled, [], ["shareholder"]);
    // legalRep was typed and its role not ticked before: it stays.
    expect(ticked).toEqual({ name: "我输入的名称", legalRep: "李四", investors: [{ investorName: "张三" }] });
    const both = applyRoles(ticked, FIELDS, filled, ["shareholder"], ["shareholder", "legalRep"]);
    expect(both).toMatchObject({ name: "我输入的名称", legalRep: "张三", legalRepId: "110" });
    const untick = applyRoles(both, FIELDS, filled.filter((f) => !f.key.startsWith("legalRep")), ["shareholder", "legalRep"], ["shareholder"]);
    expect(untick).toMatchObject({ name: "我输入的名称", legalRep: undefined, legalRepId: undefined, investors: [{ investorName: "张三" }] });
  });
});
