/**
 * 绩效考核: the indicators a department's monthly score is made of, how one indicator's value turns into
 * points, and the 督办 flow that follows the worst of them. Weights and thresholds are the city
 * supervisors' versioned settings (`shared/schemas/scorecard.ts`); the defaults below apply until
 * they set their own.
 */

/** Whether more of an indicator is better (on-time rate) or less (补正 rate). */
export type Better = "higher" | "lower";

export const SCORE_INDICATORS = {
  on_time: { zh: "按承诺时限办结率", en: "Decided by the committed deadline", better: "higher" },
  legal: { zh: "法定时限内办结率", en: "Decided within the legal limit", better: "higher" },
  supplement: { zh: "补正率", en: "Sent back for 补正", better: "lower" },
  online: { zh: "全程网办占比", en: "Received online", better: "higher" },
  satisfaction: { zh: "好差评满意率", en: "好差评 satisfaction", better: "higher" },
  rectification: { zh: "差评按期整改率", en: "Poor ratings put right in time", better: "higher" },
  hotline_sign: { zh: "12345 按时签收率", en: "12345 signed for in time", better: "higher" },
  hotline_reply: { zh: "12345 按时答复率", en: "12345 replied in time", better: "higher" },
  hotline_satisfaction: { zh: "12345 满意率", en: "12345 satisfaction", better: "higher" },
} as const satisfies Record<string, { zh: string; en: string; better: Better }>;
export type ScoreIndicator = keyof typeof SCORE_INDICATORS;
export const SCORE_INDICATOR_KEYS = Object.keys(SCORE_INDICATORS) as [ScoreIndicator, ...ScoreIndicator[]];

/**
 * One indicator's setting: its weight (points of 100) and two thresholds — the value that earns full
 * points and the value that earns none; between them points grow in a straight line.
 */
export interface IndicatorSetting {
  weight: number;
  full: number;
  zero: number;
}

export interface ScorecardSettingsValue {
  indicators: Record<ScoreIndicator, IndicatorSetting>;
  /** An indicator earning less than this share of its weight goes on the month's rectification list. */
  rectifyBelow: number;
  /** Working days a department has to put a 督办 right. */
  orderDays: number;
}

export const DEFAULT_SCORECARD_SETTINGS: ScorecardSettingsValue = {
  indicators: {
    on_time: { weight: 25, full: 0.98, zero: 0.8 },
    legal: { weight: 10, full: 1, zero: 0.9 },
    supplement: { weight: 10, full: 0.05, zero: 0.3 },
    online: { weight: 10, full: 0.9, zero: 0.5 },
    satisfaction: { weight: 15, full: 0.99, zero: 0.9 },
    rectification: { weight: 10, full: 1, zero: 0.6 },
    hotline_sign: { weight: 5, full: 1, zero: 0.8 },
    hotline_reply: { weight: 10, full: 0.98, zero: 0.8 },
    hotline_satisfaction: { weight: 5, full: 0.95, zero: 0.7 },
  },
  rectifyBelow: 0.6,
  orderDays: 10,
};

/** The share of an indicator's weight a value earns (0–1): full points at `full` or better, none at `zero` or worse. */
export function earnedShare(value: number, s: IndicatorSetting): number {
  const share = (value - s.zero) / (s.full - s.zero);
  return Math.min(1, Math.max(0, share));
}

/** States of a 督办 (a supervision order sent to a department to put something right). */
export const ORDER_STATES = {
  rectifying: { zh: "整改中", en: "Being put right" },
  answered: { zh: "已反馈，待审核", en: "Answered; under review" },
  closed: { zh: "已办结", en: "Closed" },
} as const;
export type OrderState = keyof typeof ORDER_STATES;

/**
 * The 督办 flow, followed like a 差评 case: the department reports what it put right by the deadline; a
 * supervisor above it accepts (办结) or returns it with the reason; an order still being put right after
 * its deadline is escalated once. `note` names the text an action requires.
 */
export const ORDER_TRANSITIONS: ReadonlyArray<{ action: "answer" | "return" | "close"; from: OrderState[]; to: OrderState; by: "org" | "supervisor"; note: string | null; label: string; labelEn: string }> = [
  { action: "answer", from: ["rectifying"], to: "answered", by: "org", note: "整改情况", label: "反馈整改情况", labelEn: "Report what was put right" },
  { action: "return", from: ["answered"], to: "rectifying", by: "supervisor", note: "退回理由", label: "退回重新整改", labelEn: "Return for more work" },
  { action: "close", from: ["answered"], to: "closed", by: "supervisor", note: null, label: "审核通过，办结", labelEn: "Accept and close" },
];

export function orderTransition(from: OrderState, action: string) {
  return ORDER_TRANSITIONS.find((t) => t.action === action && t.from.includes(from)) ?? null;
}
