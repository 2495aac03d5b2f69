import { z } from "zod";

/**
 * The one rule language of instant and proactive service (秒批, 政策找人, 免申即享, recommendations):
 * conditions on named facts of a subject's profile or an application's answers, combined with
 * all / any / not, stored as JSON and evaluated with three values. A fact that is missing or of the
 * wrong type makes its condition `unknown`, and a rule that is not clearly `pass` never approves
 * anything: it falls back to people, saying which condition could not be decided.
 */

export type FactType = "number" | "string" | "boolean" | "list";

/** The facts a rule may name (`form.<key>` names an application's answer). */
export const FACTS: Record<string, { zh: string; en: string; type: FactType; unit?: string; values?: Record<string, string> }> = {
  "person.age": { zh: "年龄", en: "Age", type: "number", unit: "周岁" },
  "person.gender": { zh: "性别", en: "Gender", type: "string", values: { M: "男", F: "女" } },
  "person.hukou_shanghai": { zh: "本市户籍", en: "Shanghai household registration", type: "boolean" },
  "person.hukou_district": { zh: "户籍所在区（区划代码）", en: "District of household registration", type: "string" },
  "person.marital_status": { zh: "婚姻状况", en: "Marital status", type: "string", values: { unmarried: "未婚", married: "已婚", divorced: "离异", widowed: "丧偶" } },
  "person.children": { zh: "子女人数", en: "Number of children", type: "number", unit: "人" },
  "person.youngest_child_months": { zh: "最小子女月龄", en: "Youngest child's age in months", type: "number", unit: "个月" },
  "person.certificates": { zh: "持有的电子证照", en: "Certificates held", type: "list" },
  "person.certificate_days_left": { zh: "证照最近到期天数", en: "Days to the next certificate expiry", type: "number", unit: "天" },
  "person.next_certificate": { zh: "最近到期的证照", en: "Next certificate to expire", type: "string" },
  "person.expiring": { zh: "30 天内到期的证照", en: "Certificates expiring within 30 days", type: "list" },
  "person.youngest_child_birth": { zh: "最小子女出生日期", en: "Youngest child's date of birth", type: "string" },
  "person.benefits": { zh: "已享受的待遇", en: "Benefits received", type: "list" },
  "enterprise.type": { zh: "企业类型", en: "Enterprise type", type: "string" },
  "enterprise.industry": { zh: "行业", en: "Industry", type: "string" },
  "enterprise.age_years": { zh: "成立年限", en: "Years since establishment", type: "number", unit: "年" },
  "enterprise.age_days": { zh: "成立天数", en: "Days since establishment", type: "number", unit: "天" },
  "enterprise.capital_wan": { zh: "注册资本", en: "Registered capital", type: "number", unit: "万元" },
  "enterprise.district": { zh: "注册地（区划代码）", en: "District of registration", type: "string" },
  "enterprise.credit_listed": { zh: "列入失信或经营异常名录", en: "On a dishonesty or abnormal-operation list", type: "boolean" },
  "enterprise.licences": { zh: "持有的证照", en: "Licences held", type: "list" },
  "enterprise.licence_days_left": { zh: "证照最近到期天数", en: "Days to the next licence expiry", type: "number", unit: "天" },
  "enterprise.next_licence": { zh: "最近到期的证照", en: "Next licence to expire", type: "string" },
  "enterprise.expiring": { zh: "30 天内到期的证照", en: "Licences expiring within 30 days", type: "list" },
};

export const OPERATORS = {
  eq: { zh: "为", en: "is" },
  ne: { zh: "不为", en: "is not" },
  gt: { zh: "大于", en: ">" },
  gte: { zh: "不小于", en: "≥" },
  lt: { zh: "小于", en: "<" },
  lte: { zh: "不大于", en: "≤" },
  in: { zh: "属于", en: "is one of" },
  contains: { zh: "包含", en: "contains" },
  exists: { zh: "已登记", en: "is known" },
} as const;
export type Operator = keyof typeof OPERATORS;

/** The operators' words under a `not`: a condition is told as what must hold ("不包含 育儿补贴申领"), never as a failing check that passes. */
const NEGATED: Record<Operator, string> = { eq: "不为", ne: "为", gt: "不大于", gte: "小于", lt: "不小于", lte: "大于", in: "不属于", contains: "不包含", exists: "未登记" };

const factName = z.string().regex(/^(person|enterprise)\.[a-z_]+$|^form\.[A-Za-z][\w]{0,39}$/);
const scalar = z.union([z.string().max(100), z.number(), z.boolean()]);
export const condition = z.strictObject({
  fact: factName,
  op: z.enum(Object.keys(OPERATORS) as [Operator, ...Operator[]]),
  value: z.union([scalar, z.array(scalar).max(50)]).optional(),
});
export type Condition = z.infer<typeof condition>;
export type Rule = Condition | { all: Rule[] } | { any: Rule[] } | { not: Rule };
// Registered by id: the OpenAPI document names the recursive schema once, as a component.
export const rule: z.ZodType<Rule> = z.lazy(() => z.union([condition, z.strictObject({ all: z.array(rule).min(1).max(30) }), z.strictObject({ any: z.array(rule).min(1).max(30) }), z.strictObject({ not: rule })])).meta({ id: "Rule" });

export type Outcome = "pass" | "fail" | "unknown";
export interface ConditionResult {
  fact: string;
  op: Operator;
  expected: unknown;
  actual: unknown;
  outcome: Outcome;
  /** In plain Chinese: "年龄不小于 80 周岁（实际 82 周岁）：符合". */
  text: string;
}
export interface Evaluation {
  outcome: Outcome;
  conditions: ConditionResult[];
}

/** Every fact a rule reads, in order, with repeats. */
export const factsOf = (r: Rule): string[] => ("all" in r ? r.all.flatMap(factsOf) : "any" in r ? r.any.flatMap(factsOf) : "not" in r ? factsOf(r.not) : [r.fact]);

/** Problems with a rule as written: unknown facts, operators that do not suit the fact's type, missing values. */
export function ruleProblems(r: Rule, path = "rule"): string[] {
  if ("all" in r) return r.all.flatMap((x, i) => ruleProblems(x, `${path}.all[${i}]`));
  if ("any" in r) return r.any.flatMap((x, i) => ruleProblems(x, `${path}.any[${i}]`));
  if ("not" in r) return ruleProblems(r.not, `${path}.not`);
  const def = FACTS[r.fact];
  const problems: string[] = [];
  if (!def && !r.fact.startsWith("form.")) problems.push(`${path}: 没有“${r.fact}”这项数据`);
  if (r.op !== "exists" && r.value === undefined) problems.push(`${path}: 缺少比较的值`);
  if (def && ["gt", "gte", "lt", "lte"].includes(r.op) && def.type !== "number") problems.push(`${path}: “${def.zh}”不是数值，不能比较大小`);
  if (def && r.op === "contains" && def.type !== "list") problems.push(`${path}: “${def.zh}”不是列表，不能用“包含”`);
  if (r.op === "in" && !Array.isArray(r.value)) problems.push(`${path}: “属于”需要一组值`);
  return problems;
}

/** A value as a citizen reads it: lists joined, 是/否, coded values by their name (F → 女), with the unit. */
const show = (v: unknown, def?: { unit?: string; values?: Record<string, string> }): string =>
  Array.isArray(v) ? v.map((x) => show(x, def)).join("、") || "无" : typeof v === "boolean" ? (v ? "是" : "否") : v === undefined || v === null ? "未知" : `${def?.values?.[String(v)] ?? String(v)}${def?.unit ? ` ${def.unit}` : ""}`;

function decide(c: Condition, actual: unknown): Outcome {
  if (c.op === "exists") return actual === undefined || actual === null ? "fail" : "pass";
  if (actual === undefined || actual === null) return "unknown";
  const v = c.value;
  switch (c.op) {
    case "eq":
      return typeof actual === typeof v ? (actual === v ? "pass" : "fail") : "unknown";
    case "ne":
      return typeof actual === typeof v ? (actual !== v ? "pass" : "fail") : "unknown";
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      if (typeof actual !== "number" || typeof v !== "number") return "unknown";
      const ok = c.op === "gt" ? actual > v : c.op === "gte" ? actual >= v : c.op === "lt" ? actual < v : actual <= v;
      return ok ? "pass" : "fail";
    }
    case "in":
      return Array.isArray(v) && (typeof actual === "string" || typeof actual === "number" || typeof actual === "boolean") ? (v.includes(actual) ? "pass" : "fail") : "unknown";
    case "contains":
      return Array.isArray(actual) ? (actual.includes(v) ? "pass" : "fail") : "unknown";
  }
}

/** The rule's outcome alone, without the reasons: for matching a rule over very many subjects. */
export function outcomeOf(r: Rule, facts: Record<string, unknown>): Outcome {
  if ("all" in r) {
    let unknown = false;
    for (const x of r.all) {
      const o = outcomeOf(x, facts);
      if (o === "fail") return "fail";
      if (o === "unknown") unknown = true;
    }
    return unknown ? "unknown" : "pass";
  }
  if ("any" in r) {
    let unknown = false;
    for (const x of r.any) {
      const o = outcomeOf(x, facts);
      if (o === "pass") return "pass";
      if (o === "unknown") unknown = true;
    }
    return unknown ? "unknown" : "fail";
  }
  if ("not" in r) {
    const o = outcomeOf(r.not, facts);
    return o === "pass" ? "fail" : o === "fail" ? "pass" : "unknown";
  }
  return decide(r, facts[r.fact]);
}

/** Evaluates a rule over facts with three values; every leaf condition is reported with its reason. */
export function evaluate(r: Rule, facts: Record<string, unknown>): Evaluation {
  const conditions: ConditionResult[] = [];
  const flip = (o: Outcome): Outcome => (o === "pass" ? "fail" : o === "fail" ? "pass" : "unknown");
  // `negated`: under an odd number of `not`s, a leaf is reported as the condition that must hold.
  const walk = (x: Rule, negated: boolean): Outcome => {
    if ("all" in x) {
      const outs = x.all.map((y) => walk(y, negated));
      return outs.includes("fail") ? "fail" : outs.includes("unknown") ? "unknown" : "pass";
    }
    if ("any" in x) {
      const outs = x.any.map((y) => walk(y, negated));
      return outs.includes("pass") ? "pass" : outs.includes("unknown") ? "unknown" : "fail";
    }
    if ("not" in x) return flip(walk(x.not, !negated));
    const def = FACTS[x.fact];
    const actual = facts[x.fact];
    const outcome = decide(x, actual);
    const told = negated ? flip(outcome) : outcome;
    const label = def?.zh ?? x.fact.replace(/^form\./, "申请表“") + (x.fact.startsWith("form.") ? "”" : "");
    const expected = x.op === "exists" ? "" : show(x.value, def);
    const verdict = told === "pass" ? "符合" : told === "fail" ? "不符合" : actual === undefined || actual === null ? "无法判断（没有这项数据）" : "无法判断（数据类型不符）";
    conditions.push({ fact: x.fact, op: x.op, expected: x.value ?? null, actual: actual ?? null, outcome: told, text: `${label}${negated ? NEGATED[x.op] : OPERATORS[x.op].zh}${expected ? ` ${expected}` : ""}（实际 ${show(actual, def)}）：${verdict}` });
    return outcome;
  };
  return { outcome: walk(r, false), conditions };
}
