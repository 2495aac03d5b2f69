import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, outcomeOf, rule, ruleProblems, type Rule } from "./rules";

/** 高龄津贴: 80 or older with a Shanghai household registration. */
const ELDERLY: Rule = { all: [{ fact: "person.age", op: "gte", value: 80 }, { fact: "person.hukou_shanghai", op: "eq", value: true }] };

describe("rules: evaluation with reasons", () => {
  it("passes with every condition explained in plain Chinese", () => {
    const e = evaluate(ELDERLY, { "person.age": 82, "person.hukou_shanghai": true });
    expect(e.outcome).toBe("pass");
    expect(e.conditions.map((c) => c.text)).toEqual(["年龄不小于 80 周岁（实际 82 周岁）：符合", "本市户籍为 是（实际 是）：符合"]);
  });

  it("fails when a condition fails, naming it", () => {
    const e = evaluate(ELDERLY, { "person.age": 79, "person.hukou_shanghai": true });
    expect(e.outcome).toBe("fail");
    expect(e.conditions[0]).toMatchObject({ outcome: "fail", text: "年龄不小于 80 周岁（实际 79 周岁）：不符合" });
  });

  it("a missing fact or a wrong type never passes: the rule is unknown and says why", () => {
    expect(evaluate(ELDERLY, { "person.age": 85 })).toMatchObject({ outcome: "unknown", conditions: [{ outcome: "pass" }, { outcome: "unknown", text: "本市户籍为 是（实际 未知）：无法判断（没有这项数据）" }] });
    expect(evaluate(ELDERLY, { "person.age": "八十五", "person.hukou_shanghai": true }).conditions[0]!.text).toContain("无法判断（数据类型不符）");
    // A failing condition decides an `all` even when another is unknown.
    expect(evaluate(ELDERLY, { "person.hukou_shanghai": false }).outcome).toBe("fail");
  });

  it("combines any, not, in, contains and exists, and reads form answers", () => {
    const r: Rule = {
      any: [
        { all: [{ fact: "person.certificates", op: "contains", value: "居住证" }, { fact: "person.certificate_days_left", op: "lte", value: 30 }] },
        { not: { fact: "form.reason", op: "in", value: ["lost", "damaged"] } },
      ],
    };
    expect(evaluate(r, { "person.certificates": ["居住证"], "person.certificate_days_left": 12 }).outcome).toBe("pass");
    expect(evaluate(r, { "person.certificates": [], "form.reason": "lost" }).outcome).toBe("fail");
    expect(evaluate(r, { "person.certificates": [] }).outcome).toBe("unknown");
    expect(evaluate({ fact: "enterprise.credit_listed", op: "exists" }, {}).outcome).toBe("fail");
  });

  it("tells a condition under `not` as what must hold, so a met one reads 符合", () => {
    const r: Rule = { all: [{ fact: "person.gender", op: "eq", value: "F" }, { not: { fact: "person.benefits", op: "contains", value: "育儿补贴申领" } }] };
    const met = evaluate(r, { "person.gender": "F", "person.benefits": [] });
    expect(met.outcome).toBe("pass");
    expect(met.conditions.map((c) => [c.text, c.outcome])).toEqual([
      ["性别为 女（实际 女）：符合", "pass"],
      ["已享受的待遇不包含 育儿补贴申领（实际 无）：符合", "pass"],
    ]);
    const held = evaluate(r, { "person.gender": "F", "person.benefits": ["育儿补贴申领"] });
    expect(held.outcome).toBe("fail");
    expect(held.conditions.filter((c) => c.outcome === "fail").map((c) => c.text)).toEqual(["已享受的待遇不包含 育儿补贴申领（实际 育儿补贴申领）：不符合"]);
    // Twice negated is the condition itself.
    expect(evaluate({ not: { not: { fact: "person.age", op: "gte", value: 80 } } }, { "person.age": 82 }).conditions[0]!.text).toBe("年龄不小于 80 周岁（实际 82 周岁）：符合");
  });

  it("names coded values as a citizen reads them", () => {
    expect(evaluate({ fact: "person.gender", op: "eq", value: "F" }, { "person.gender": "F" }).conditions[0]!.text).toBe("性别为 女（实际 女）：符合");
    expect(evaluate({ fact: "person.marital_status", op: "in", value: ["married", "widowed"] }, { "person.marital_status": "unmarried" }).conditions[0]!.text).toBe("婚姻状况属于 已婚、丧偶（实际 未婚）：不符合");
  });

  it("finds problems in a rule as written", () => {
    expect(ruleProblems({ all: [{ fact: "person.height", op: "gt", value: 1 }, { fact: "person.gender", op: "gte", value: 1 }, { fact: "person.children", op: "in", value: 2 }] })).toEqual([
      "rule.all[0]: 没有“person.height”这项数据",
      "rule.all[1]: “性别”不是数值，不能比较大小",
      "rule.all[2]: “属于”需要一组值",
    ]);
    expect(rule.safeParse({ all: [] }).success).toBe(false);
    expect(rule.safeParse(ELDERLY).success).toBe(true);
  });
});

describe("rules: properties", () => {
  const facts = fc.record({ "person.age": fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), "person.hukou_shanghai": fc.option(fc.boolean(), { nil: undefined }) });
  const leaf = fc.oneof(
    fc.integer({ min: 0, max: 120 }).map((v): Rule => ({ fact: "person.age", op: "gte", value: v })),
    fc.boolean().map((v): Rule => ({ fact: "person.hukou_shanghai", op: "eq", value: v })),
  );
  const rules = fc.letrec<{ r: Rule }>((tie) => ({ r: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("r"), { minLength: 1, maxLength: 3 }).map((all): Rule => ({ all })), fc.array(tie("r"), { minLength: 1, maxLength: 3 }).map((any): Rule => ({ any })), tie("r").map((not): Rule => ({ not }))) })).r;

  it("not inverts a decided outcome and keeps an undecided one", () => {
    fc.assert(fc.property(rules, facts, (r, f) => {
      const a = evaluate(r, f).outcome;
      const b = evaluate({ not: r }, f).outcome;
      return a === "unknown" ? b === "unknown" : b !== a && b !== "unknown";
    }));
  });

  it("with every fact known, a rule is always decided; removing facts never turns a fail into a pass", () => {
    fc.assert(fc.property(rules, fc.integer({ min: 0, max: 120 }), fc.boolean(), (r, age, hukou) => {
      const full = evaluate(r, { "person.age": age, "person.hukou_shanghai": hukou }).outcome;
      const partial = evaluate(r, { "person.age": age }).outcome;
      return full !== "unknown" && (partial === "unknown" || partial === full);
    }));
  });

  it("the outcome alone (for matching at scale) always agrees with the explained evaluation", () => {
    fc.assert(fc.property(rules, facts, (r, f) => outcomeOf(r, f) === evaluate(r, f).outcome));
  });
});
