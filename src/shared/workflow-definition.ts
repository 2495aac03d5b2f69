import { z } from "zod";
import { int32 } from "./schemas/common";
import { ROLE_CODES } from "./roles";

/**
 * A per-item workflow definition, as data: states, actions between them, who may act, per-state
 * time limits, parallel sign-off (会签), supplements (补正, which pause the clock) and decisions
 * with mandatory reasons. `validateWorkflow` checks it before it is saved.
 */
export const workflowState = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  name: z.string().trim().min(1).max(20),
  kind: z.enum(["start", "normal", "waiting_applicant", "terminal"]),
  /** Working days allowed in this state (null: no own limit). */
  limitDays: int32.min(0).max(365).nullable().default(null),
  /** Parallel sign-off: every listed role must act before the state may be left by `action`. */
  parallel: z.strictObject({ roles: z.array(z.enum(ROLE_CODES)).min(2), thenAction: z.string() }).optional(),
  /** For terminal states: the outcome recorded on the application. */
  outcome: z.enum(["approved", "denied", "rejected", "withdrawn"]).optional(),
});

export const workflowAction = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  name: z.string().trim().min(1).max(20),
  from: z.array(z.string()).min(1),
  to: z.string(),
  /** Who may take it; "applicant" for the applicant's own actions. */
  roles: z.array(z.union([z.enum(ROLE_CODES), z.literal("applicant")])).min(1),
  reasonRequired: z.boolean().default(false),
  /** 补正: the reviewer lists the fields and materials to fix; the clock stops until resubmission. */
  supplement: z.boolean().default(false),
});

export const workflowDefinition = z.strictObject({
  name: z.string().trim().min(1).max(40),
  states: z.array(workflowState).min(2).max(30),
  actions: z.array(workflowAction).min(1).max(60),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinition>;

/** Every problem of a definition, in words a catalogue administrator understands. */
export function validateWorkflow(def: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const states = new Map(def.states.map((s) => [s.key, s]));
  if (states.size !== def.states.length) problems.push("状态标识有重复");
  const actionKeys = new Set<string>();
  for (const a of def.actions) {
    if (actionKeys.has(a.key)) problems.push(`操作标识“${a.key}”重复`);
    actionKeys.add(a.key);
    for (const f of a.from) if (!states.has(f)) problems.push(`操作“${a.name}”的起始状态“${f}”不存在`);
    if (!states.has(a.to)) problems.push(`操作“${a.name}”的目标状态“${a.to}”不存在`);
    if (a.from.some((f) => states.get(f)?.kind === "terminal")) problems.push(`操作“${a.name}”不能从办结状态出发`);
    if (a.supplement && states.get(a.to)?.kind !== "waiting_applicant") problems.push(`补正操作“${a.name}”须进入“等待申请人”状态`);
    if (a.roles.length === 0) problems.push(`操作“${a.name}”没有指定角色`);
  }
  const starts = def.states.filter((s) => s.kind === "start");
  if (starts.length !== 1) problems.push("须有且只有一个开始状态");
  if (!def.states.some((s) => s.kind === "terminal")) problems.push("至少须有一个办结状态");
  for (const s of def.states) {
    if (s.kind === "terminal" && !s.outcome) problems.push(`办结状态“${s.name}”须注明办理结果`);
    if (s.parallel && !def.actions.some((a) => a.key === s.parallel!.thenAction && a.from.includes(s.key))) problems.push(`会签状态“${s.name}”的后续操作不存在`);
  }
  for (const a of def.actions) {
    const target = states.get(a.to);
    if (target?.kind === "terminal" && (target.outcome === "denied" || target.outcome === "rejected") && !a.reasonRequired) {
      problems.push(`作出“${target.name}”决定的操作“${a.name}”须要求填写理由`);
    }
  }
  if (starts.length === 1 && problems.length === 0) {
    // Every state reachable from the start …
    const reached = new Set([starts[0]!.key]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of def.actions) {
        if (a.from.some((f) => reached.has(f)) && !reached.has(a.to)) {
          reached.add(a.to);
          grew = true;
        }
      }
    }
    for (const s of def.states) if (!reached.has(s.key)) problems.push(`状态“${s.name}”无法到达`);
    // … and every non-terminal state can still end.
    const ends = new Set(def.states.filter((s) => s.kind === "terminal").map((s) => s.key));
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of def.actions) {
        if (!ends.has(a.to)) continue;
        for (const f of a.from) {
          if (!ends.has(f)) {
            ends.add(f);
            grew = true;
          }
        }
      }
    }
    for (const s of def.states) if (!ends.has(s.key)) problems.push(`从状态“${s.name}”出发无法办结（存在死路）`);
  }
  return problems;
}

/** 即办件: accepted and decided at once by the window. */
export const INSTANT_TEMPLATE: WorkflowDefinition = {
  name: "即办件",
  states: [
    { key: "submitted", name: "待受理", kind: "start", limitDays: 0 },
    { key: "approved", name: "准予办结", kind: "terminal", limitDays: null, outcome: "approved" },
    { key: "denied", name: "不予办理", kind: "terminal", limitDays: null, outcome: "denied" },
    { key: "rejected", name: "不予受理", kind: "terminal", limitDays: null, outcome: "rejected" },
    { key: "withdrawn", name: "已撤回", kind: "terminal", limitDays: null, outcome: "withdrawn" },
  ],
  actions: [
    { key: "approve", name: "受理并准予", from: ["submitted"], to: "approved", roles: ["window_clerk", "approver"], reasonRequired: false, supplement: false },
    { key: "deny", name: "不予办理", from: ["submitted"], to: "denied", roles: ["window_clerk", "approver"], reasonRequired: true, supplement: false },
    { key: "reject", name: "不予受理", from: ["submitted"], to: "rejected", roles: ["window_clerk", "reviewer"], reasonRequired: true, supplement: false },
    { key: "withdraw", name: "撤回申请", from: ["submitted"], to: "withdrawn", roles: ["applicant"], reasonRequired: false, supplement: false },
  ],
};

/** 承诺件: 受理 → 审查 → 决定 → 办结, with 补正 during acceptance and review. */
export const PROMISE_TEMPLATE: WorkflowDefinition = {
  name: "承诺件",
  states: [
    { key: "submitted", name: "待受理", kind: "start", limitDays: 1 },
    { key: "supplement", name: "待补正", kind: "waiting_applicant", limitDays: null },
    { key: "reviewing", name: "待审查", kind: "normal", limitDays: null },
    { key: "deciding", name: "待决定", kind: "normal", limitDays: 2 },
    { key: "approved", name: "准予许可", kind: "terminal", limitDays: null, outcome: "approved" },
    { key: "denied", name: "不予许可", kind: "terminal", limitDays: null, outcome: "denied" },
    { key: "rejected", name: "不予受理", kind: "terminal", limitDays: null, outcome: "rejected" },
    { key: "withdrawn", name: "已撤回", kind: "terminal", limitDays: null, outcome: "withdrawn" },
  ],
  actions: [
    { key: "accept", name: "受理", from: ["submitted"], to: "reviewing", roles: ["window_clerk", "reviewer"], reasonRequired: false, supplement: false },
    { key: "reject", name: "不予受理", from: ["submitted"], to: "rejected", roles: ["window_clerk", "reviewer"], reasonRequired: true, supplement: false },
    { key: "request_supplement", name: "一次性告知补正", from: ["submitted", "reviewing"], to: "supplement", roles: ["window_clerk", "reviewer"], reasonRequired: true, supplement: true },
    { key: "resubmit", name: "补正后提交", from: ["supplement"], to: "reviewing", roles: ["applicant"], reasonRequired: false, supplement: false },
    { key: "pass_review", name: "审查通过", from: ["reviewing"], to: "deciding", roles: ["reviewer"], reasonRequired: false, supplement: false },
    { key: "approve", name: "准予", from: ["deciding"], to: "approved", roles: ["approver"], reasonRequired: false, supplement: false },
    { key: "deny", name: "不予", from: ["deciding"], to: "denied", roles: ["approver"], reasonRequired: true, supplement: false },
    { key: "withdraw", name: "撤回申请", from: ["submitted", "supplement", "reviewing"], to: "withdrawn", roles: ["applicant"], reasonRequired: false, supplement: false },
  ],
};

/**
 * The words of a decision for each kind of item: an allowance is granted (给付), not licensed (许可).
 * The applicant reads them as the application's state.
 */
const LICENCE_WORDS = { approved: "准予许可", denied: "不予许可" };
const DECISION_WORDS: Record<string, { approved: string; denied: string }> = {
  XK: LICENCE_WORDS,
  JF: { approved: "准予给付", denied: "不予给付" },
  JL: { approved: "准予奖励", denied: "不予奖励" },
  QR: { approved: "予以确认", denied: "不予确认" },
  BA: { approved: "准予备案", denied: "不予备案" },
};
const OTHER_DECISION = { approved: "准予办理", denied: "不予办理" };

/** The decision words of an item's kind (准予给付 for an allowance …; 准予办理 for a kind without its own). */
export function decisionWords(kind: string): { approved: string; denied: string } {
  return DECISION_WORDS[kind] ?? OTHER_DECISION;
}

/** The template an item without its own definition uses: 即办件 when it is decided on the spot, else 承诺件 with its kind's decision words. */
export function templateFor(committedLimitDays: number | null, kind?: string): WorkflowDefinition {
  if (committedLimitDays === 0) return INSTANT_TEMPLATE;
  // The template itself speaks of licences; an item of unknown kind keeps it.
  const words = kind === undefined ? LICENCE_WORDS : (DECISION_WORDS[kind] ?? OTHER_DECISION);
  if (words === LICENCE_WORDS) return PROMISE_TEMPLATE;
  return { ...PROMISE_TEMPLATE, states: PROMISE_TEMPLATE.states.map((s) => (s.outcome === "approved" ? { ...s, name: words.approved } : s.outcome === "denied" ? { ...s, name: words.denied } : s)) };
}

/**
 * The shortest sequence of staff actions from a state to an approval (秒批 walks it as the system):
 * no applicant actions, no supplements, no refusals and no state waiting for a countersignature.
 * Null when the workflow has no such path.
 */
export function approvalPath(def: WorkflowDefinition, from: string): WorkflowDefinition["actions"] | null {
  const states = new Map(def.states.map((s) => [s.key, s]));
  const usable = def.actions.filter((a) => !a.roles.includes("applicant") && !a.supplement && !a.reasonRequired);
  const seen = new Set([from]);
  let frontier: Array<{ state: string; path: WorkflowDefinition["actions"] }> = [{ state: from, path: [] }];
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const { state, path } of frontier) {
      if (states.get(state)?.outcome === "approved") return path;
      if (states.get(state)?.parallel) continue;
      for (const a of usable.filter((x) => x.from.includes(state) && !seen.has(x.to))) {
        seen.add(a.to);
        next.push({ state: a.to, path: [...path, a] });
      }
    }
    frontier = next;
  }
  return null;
}
