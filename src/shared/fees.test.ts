import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assessFee, buildPayCode, feeRuleProblems, feeRules, feeStates, payCodeValid } from "./fees";
import { INSTANT_TEMPLATE, PROMISE_TEMPLATE } from "./workflow-definition";

const rules = feeRules.parse({
  stage: "acceptance",
  lines: [
    { kind: "fixed", name: "登记费", amountFen: 8000 },
    { kind: "per_unit", name: "证书工本费", field: "copies", unitFen: 1000, unit: "本", freeUnits: 1 },
    { kind: "by_option", name: "加急费", field: "speed", amounts: { urgent: 5000 } },
  ],
  exemptions: [
    { name: "小微企业免收登记费", when: { fact: "form.small", op: "eq", value: true }, lines: ["登记费"] },
    { name: "低保对象全免", when: { fact: "person.benefits", op: "contains", value: "最低生活保障申请" } },
  ],
});

describe("收费规则", () => {
  it("reckons each line from the answers: fixed, per unit beyond the free ones, by the option chosen", () => {
    const a = assessFee(rules, { copies: 3, speed: "urgent" }, {}, (_f, v) => (v === "urgent" ? "加急办理" : v));
    expect(a.lines).toEqual([
      { name: "登记费", amountFen: 8000, detail: "", exemptBy: null },
      { name: "证书工本费", amountFen: 2000, detail: "2 本 × 10.00 元（1 本以内免收）", exemptBy: null },
      { name: "加急费", amountFen: 5000, detail: "按“加急办理”收取", exemptBy: null },
    ]);
    expect(a.totalFen).toBe(15000);
    expect(assessFee(rules, { copies: 1, speed: "normal" }, {}).totalFen).toBe(8000);
  });

  it("waives the lines an exemption names when its rule clearly holds, and nothing when it cannot be decided", () => {
    expect(assessFee(rules, { copies: 2, small: true }, {})).toMatchObject({ totalFen: 1000, exemptions: ["小微企业免收登记费"] });
    expect(assessFee(rules, { copies: 2 }, { "person.benefits": ["最低生活保障申请"] })).toMatchObject({ totalFen: 0, exemptions: ["低保对象全免"] });
    // The fact is unknown (no profile): no exemption is assumed.
    expect(assessFee(rules, { copies: 2 }, {}).totalFen).toBe(9000);
  });

  it("never charges a negative amount, whatever the answers", () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.double(), fc.integer(), fc.string()), fc.anything(), (copies, speed) => {
      const a = assessFee(rules, { copies, speed }, {});
      // Whole fen, never negative, each line within the largest fee (an int32 column holds the total of ten lines).
      return a.totalFen >= 0 && a.totalFen <= 2 ** 31 - 1 && a.lines.every((l) => Number.isInteger(l.amountFen) && l.amountFen >= 0 && l.amountFen <= 100_000_000) && a.totalFen === a.lines.reduce((s, l) => s + l.amountFen, 0);
    }), { numRuns: 500 });
  });

  it("checks the rules against the form", () => {
    const problems = feeRuleProblems(rules, [{ key: "copies", type: "text" }, { key: "speed", type: "choice", options: [{ value: "normal", label: "普通" }] }]);
    expect(problems.map((p) => p.message)).toEqual(["按数量收费须对应数字字段，“copies”不是", "字段“speed”没有选项“urgent”", "申请表没有字段“small”"]);
  });

  it("finds the states where the fee is owed from the workflow", () => {
    expect([...feeStates(PROMISE_TEMPLATE, "submission")]).toEqual(["submitted"]);
    expect([...feeStates(PROMISE_TEMPLATE, "acceptance")]).toEqual(["reviewing"]);
    expect([...feeStates(PROMISE_TEMPLATE, "issuance")]).toEqual(["deciding"]);
    // A workflow that decides at once owes it at the start.
    expect([...feeStates(INSTANT_TEMPLATE, "acceptance")]).toEqual(["submitted"]);
    expect([...feeStates(INSTANT_TEMPLATE, "issuance")]).toEqual(["submitted"]);
  });

  it("makes 缴款码 whose check digit catches any one mistyped digit and most swapped neighbours", () => {
    const code = buildPayCode("310101", 2026, "12070000017");
    expect(code).toMatch(/^3101012612070000017\d$/);
    expect(payCodeValid(code)).toBe(true);
    for (let i = 0; i < 20; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        expect(payCodeValid(code.slice(0, i) + d + code.slice(i + 1))).toBe(false);
      }
    }
  });
});
