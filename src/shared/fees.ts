import { z } from "zod";
import { int32 } from "./schemas/common";
import { FACTS, outcomeOf, rule, ruleProblems, factsOf } from "./rules";
import type { WorkflowDefinition } from "./workflow-definition";
import { luhnDigit, luhnValid } from "./validation/luhn";

/**
 * 收费规则: what an item charges, as data — fixed amounts, amounts per unit of a form answer, amounts
 * by a chosen option — with exemptions (免收) by the rule language on the applicant's facts and answers,
 * and the step at which the payment is due. Amounts are integers in fen everywhere.
 */

export const FEE_STAGES = {
  submission: { zh: "提交申请时缴费", en: "Paid on submission" },
  acceptance: { zh: "受理后缴费", en: "Paid after acceptance" },
  issuance: { zh: "办结出证前缴费", en: "Paid before the result is issued" },
} as const;
export type FeeStage = keyof typeof FEE_STAGES;

const lineName = z.string().trim().min(1).max(40);
const fieldKey = z.string().regex(/^[A-Za-z][\w]{0,39}$/);
/** Up to 1,000,000 yuan. */
export const fen = int32.min(0).max(100_000_000);
const MAX_LINE_FEN = 100_000_000;
const MAX_UNITS = 10_000;

export const feeLine = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed"), name: lineName, amountFen: fen }),
  z.strictObject({
    kind: z.literal("per_unit"),
    name: lineName,
    /** A number field of the form: how many units. */
    field: fieldKey,
    unitFen: fen,
    unit: z.string().trim().min(1).max(6),
    /** Units free of charge (第一本免收). */
    freeUnits: int32.min(0).max(1000).default(0),
  }),
  z.strictObject({
    kind: z.literal("by_option"),
    name: lineName,
    /** A choice field of the form: the amount of each option (an option not listed costs nothing). */
    field: fieldKey,
    amounts: z.record(z.string().max(40), fen),
  }),
]);
export type FeeLine = z.infer<typeof feeLine>;

export const feeExemption = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** The rule on the applicant's facts (person.*, enterprise.*) and answers (form.*) under which it applies. */
  when: rule,
  /** The lines it waives (by name); empty: all. */
  lines: z.array(lineName).max(10).default([]),
});

export const feeRules = z.strictObject({
  stage: z.enum(Object.keys(FEE_STAGES) as [FeeStage, ...FeeStage[]]),
  /** Working days to pay once the order is made; they do not count against the department's time limit. */
  payDays: int32.min(1).max(60).default(7),
  lines: z.array(feeLine).min(1).max(10),
  exemptions: z.array(feeExemption).max(10).default([]),
});
export type FeeRules = z.infer<typeof feeRules>;

/** What a form field is, as far as fee rules care. */
export interface FeeField {
  key: string;
  type: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
}

/** Every problem of an item's fee rules against its form, in words a catalogue administrator understands. */
export function feeRuleProblems(rules: FeeRules, fields: readonly FeeField[]): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const names = new Set<string>();
  rules.lines.forEach((line, i) => {
    if (names.has(line.name)) problems.push({ path: ["lines", i, "name"], message: `收费项目“${line.name}”重复` });
    names.add(line.name);
    if (line.kind === "fixed") return;
    const field = byKey.get(line.field);
    if (!field) problems.push({ path: ["lines", i, "field"], message: `申请表没有字段“${line.field}”` });
    else if (line.kind === "per_unit" && field.type !== "number") problems.push({ path: ["lines", i, "field"], message: `按数量收费须对应数字字段，“${line.field}”不是` });
    else if (line.kind === "by_option") {
      if (!field.options?.length) problems.push({ path: ["lines", i, "field"], message: `按选项收费须对应选择字段，“${line.field}”不是` });
      for (const value of Object.keys(line.amounts)) {
        if (field.options?.length && !field.options.some((o) => o.value === value)) problems.push({ path: ["lines", i, "amounts", value], message: `字段“${line.field}”没有选项“${value}”` });
      }
    }
  });
  rules.exemptions.forEach((ex, i) => {
    for (const message of ruleProblems(ex.when)) problems.push({ path: ["exemptions", i, "when"], message });
    for (const fact of factsOf(ex.when)) {
      if (fact.startsWith("form.") && !byKey.has(fact.slice(5))) problems.push({ path: ["exemptions", i, "when"], message: `申请表没有字段“${fact.slice(5)}”` });
    }
    for (const name of ex.lines) if (!names.has(name)) problems.push({ path: ["exemptions", i, "lines"], message: `没有收费项目“${name}”` });
  });
  return problems;
}

export interface FeeLineResult {
  name: string;
  amountFen: number;
  /** How it was reckoned, in plain words: "2 本 × 10.00 元". */
  detail: string;
  /** The exemption that waived it. */
  exemptBy: string | null;
}
export interface FeeAssessment {
  lines: FeeLineResult[];
  totalFen: number;
  /** Exemptions that applied. */
  exemptions: string[];
}

/** 20.00 元 */
export const formatYuan = (fenAmount: number) => `${(fenAmount / 100).toFixed(2)} 元`;

/**
 * The fee for an application: each line from the answers, then the exemptions whose rule clearly passes
 * on the facts (an undecidable exemption does not apply: the person can still ask staff). `labelOf` names
 * a chosen option in words, so no code reaches the citizen.
 */
export function assessFee(rules: FeeRules, values: Record<string, unknown>, facts: Record<string, unknown>, labelOf: (field: string, value: string) => string = (_f, v) => v): FeeAssessment {
  const all: Record<string, unknown> = { ...facts };
  for (const [k, v] of Object.entries(values)) all[`form.${k}`] = v;
  const applied = rules.exemptions.filter((ex) => outcomeOf(ex.when, all) === "pass");
  const lines = rules.lines.map((line): FeeLineResult => {
    let amountFen: number;
    let detail = "";
    if (line.kind === "fixed") {
      amountFen = line.amountFen;
    } else if (line.kind === "per_unit") {
      const answer = values[line.field];
      const n = typeof answer === "number" ? answer : typeof answer === "string" && answer.trim() !== "" ? Number(answer) : Number.NaN;
      // However large the answer, a line never passes the largest amount a fee may have.
      const units = Number.isFinite(n) ? Math.min(MAX_UNITS, Math.max(0, Math.floor(n) - line.freeUnits)) : 0;
      amountFen = Math.min(units * line.unitFen, MAX_LINE_FEN);
      detail = `${units} ${line.unit} × ${formatYuan(line.unitFen)}${line.freeUnits ? `（${line.freeUnits} ${line.unit}以内免收）` : ""}`;
    } else {
      const chosen = values[line.field];
      amountFen = typeof chosen === "string" && Object.hasOwn(line.amounts, chosen) ? line.amounts[chosen]! : 0;
      detail = typeof chosen === "string" ? `按“${labelOf(line.field, chosen)}”收取` : "";
    }
    const exempt = amountFen > 0 ? applied.find((ex) => ex.lines.length === 0 || ex.lines.includes(line.name)) : undefined;
    return { name: line.name, amountFen: exempt ? 0 : amountFen, detail: exempt ? `${detail ? `${detail}，` : ""}${exempt.name}` : detail, exemptBy: exempt?.name ?? null };
  });
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0), exemptions: [...new Set(lines.flatMap((l) => (l.exemptBy ? [l.exemptBy] : [])))] };
}

/** The facts an item's fee rules read from a profile (none: no profile is needed). */
export const feeFacts = (rules: FeeRules) => [...new Set(rules.exemptions.flatMap((ex) => factsOf(ex.when)).filter((f) => f in FACTS))];

const REFUSALS = new Set(["denied", "rejected", "withdrawn"]);

/** Whether taking an action into `to` ends the application without granting it (refusals and withdrawal stay open while a fee is unpaid). */
export function endsWithoutGrant(workflow: WorkflowDefinition, to: string): boolean {
  const target = workflow.states.find((s) => s.key === to);
  return target?.kind === "terminal" && REFUSALS.has(target.outcome ?? "");
}

/**
 * The states in which an application of this workflow owes the fee, by stage: on submission the start
 * state; after acceptance the states an acceptance leads to from the start (for a workflow that decides
 * at once, the start); before issuance the states from which an approval is taken.
 */
export function feeStates(workflow: WorkflowDefinition, stage: FeeStage): Set<string> {
  const start = workflow.states.find((s) => s.kind === "start")!.key;
  const kind = new Map(workflow.states.map((s) => [s.key, s]));
  if (stage === "submission") return new Set([start]);
  if (stage === "acceptance") {
    const accepted = workflow.actions.filter((a) => a.from.includes(start) && !a.supplement && kind.get(a.to)?.kind === "normal").map((a) => a.to);
    return new Set(accepted.length ? accepted : [start]);
  }
  const approving = workflow.actions.filter((a) => kind.get(a.to)?.kind === "terminal" && kind.get(a.to)?.outcome === "approved");
  return new Set(approving.flatMap((a) => a.from));
}

/**
 * 缴款码 (the non-tax payment code printed on the payment notice and typed at a bank): 20 digits —
 * the collecting department's division code (6), the year (2), the order's day and serial (11) — and
 * a Luhn check digit, so a mistyped code is caught at the counter.
 */
export function buildPayCode(division: string, year: number, serial11: string): string {
  if (!/^\d{6}$/.test(division) || !/^\d{11}$/.test(serial11)) throw new Error("bad pay code parts");
  const body = `${division}${String(year % 100).padStart(2, "0")}${serial11}`;
  return body + luhnDigit(body);
}
export const payCodeValid = (code: string) => /^\d{20}$/.test(code) && luhnValid(code);
/** 3101 0125 0000 0000 0017 — read out in groups of four. */
export const groupDigits = (code: string) => code.replace(/(\d{4})(?=\d)/g, "$1 ");
