/**
 * 好差评 (国办发〔2019〕51号): the five levels, the sub-indicators of each channel, the tags a rater may
 * pick, the events that can be rated, and the 差评 case flow as data (code, docs and tests read it).
 */

export const RATING_LEVELS = {
  5: { zh: "非常满意", en: "Very satisfied" },
  4: { zh: "满意", en: "Satisfied" },
  3: { zh: "基本满意", en: "Fairly satisfied" },
  2: { zh: "不满意", en: "Dissatisfied" },
  1: { zh: "非常不满意", en: "Very dissatisfied" },
} as const;
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
/** 1 and 2 are 差评: each opens a case. */
export const isBadRating = (level: number) => level <= 2;

/** Online services are rated on these; on-site services (window, appointment, hotline) on the next. */
export const ONLINE_INDICATORS = {
  efficiency: { zh: "办事效率", en: "Efficiency" },
  guide_accuracy: { zh: "办事指南精确度", en: "Accuracy of the guide" },
  convenience: { zh: "办事便捷度", en: "Convenience" },
  usability: { zh: "平台操作性", en: "Ease of use of the platform" },
} as const;
export const ONSITE_INDICATORS = {
  service_efficiency: { zh: "服务效率", en: "Service efficiency" },
  service_quality: { zh: "服务水平", en: "Service quality" },
  service_attitude: { zh: "服务态度", en: "Service attitude" },
} as const;
export type IndicatorSet = "online" | "onsite";
export const INDICATORS: Record<IndicatorSet, Record<string, { zh: string; en: string }>> = { online: ONLINE_INDICATORS, onsite: ONSITE_INDICATORS };

/** Tags a rater may pick; the bad ones are what 服务溯源 counts. */
export const RATING_TAGS = {
  fast: { zh: "办理快捷", en: "Quick", good: true },
  one_visit: { zh: "一次办成", en: "Done in one go", good: true },
  clear_guide: { zh: "指南清楚", en: "Clear guide", good: true },
  friendly: { zh: "态度热情", en: "Friendly staff", good: true },
  long_wait: { zh: "等待时间长", en: "Long wait", good: false },
  repeated_materials: { zh: "材料反复要求", en: "Documents asked for again", good: false },
  unclear_guide: { zh: "指南不清楚", en: "Unclear guide", good: false },
  many_visits: { zh: "多次跑动", en: "Several visits", good: false },
  poor_attitude: { zh: "服务态度差", en: "Poor attitude", good: false },
  hard_to_use: { zh: "系统不好用", en: "Hard to use", good: false },
} as const;
export type RatingTag = keyof typeof RATING_TAGS;
export const RATING_TAG_CODES = Object.keys(RATING_TAGS) as [RatingTag, ...RatingTag[]];

/** The service events that can be rated, once each (一事一评 online, 一次一评 on site). */
export const RATING_EVENTS = {
  application_accepted: { zh: "受理环节", en: "Acceptance" },
  application_completed: { zh: "办结", en: "Completion" },
  appointment: { zh: "窗口现场办理", en: "Window visit" },
  ticket: { zh: "12345 诉求办理", en: "12345 request" },
} as const;
export type RatingEvent = keyof typeof RATING_EVENTS;
export const RATING_EVENT_CODES = Object.keys(RATING_EVENTS) as [RatingEvent, ...RatingEvent[]];

export const RATING_CHANNELS = {
  web: { zh: "网上评价", en: "Online" },
  window: { zh: "窗口评价器", en: "At the window" },
  hotline: { zh: "热线回访", en: "By phone" },
} as const;
export type RatingChannel = keyof typeof RATING_CHANNELS;

/** 差评 case states. */
export const CASE_STATES = {
  verifying: { zh: "待核实", en: "To verify" },
  appealed: { zh: "申诉复核中", en: "Appeal under review" },
  rectifying: { zh: "整改中", en: "Rectifying" },
  replying: { zh: "待回访", en: "To reply" },
  replied: { zh: "已回访，待评价人确认", en: "Replied; awaiting the rater" },
  closed: { zh: "已办结", en: "Closed" },
  voided: { zh: "申诉成立，差评不计", en: "Appeal upheld; rating not counted" },
} as const;
export type CaseState = keyof typeof CASE_STATES;
export const OPEN_CASE_STATES: CaseState[] = ["verifying", "appealed", "rectifying", "replying", "replied"];

/** Who takes a case action: the responsible org's handlers, a supervisor above it, or the rater. */
export type CaseActor = "org" | "supervisor" | "rater";
export type CaseAction = "verify" | "appeal" | "uphold_appeal" | "reject_appeal" | "rectify" | "reply" | "close" | "rerate";

/**
 * The 差评 case flow (谁办理谁负责): verify → rectify (what was changed) → reply to the rater (回访) →
 * the rater may re-rate, or the org closes it; instead of confirming, the org may appeal a mistaken or
 * malicious rating and a supervisor upholds (the rating no longer counts) or rejects it (rectify).
 * `note` names the text the action requires. A real-name rater must have been replied to before
 * a case closes (`close` from `replying` is only for anonymous raters).
 */
export const CASE_TRANSITIONS: ReadonlyArray<{ action: CaseAction; from: CaseState[]; to: CaseState; by: CaseActor; note: string | null; label: string }> = [
  { action: "verify", from: ["verifying"], to: "rectifying", by: "org", note: "核实情况", label: "核实属实" },
  { action: "appeal", from: ["verifying"], to: "appealed", by: "org", note: "申诉理由", label: "申诉" },
  { action: "uphold_appeal", from: ["appealed"], to: "voided", by: "supervisor", note: "复核意见", label: "申诉成立" },
  { action: "reject_appeal", from: ["appealed"], to: "rectifying", by: "supervisor", note: "复核意见", label: "驳回申诉" },
  { action: "rectify", from: ["rectifying"], to: "replying", by: "org", note: "整改措施", label: "完成整改" },
  { action: "reply", from: ["replying"], to: "replied", by: "org", note: "回访答复", label: "回访答复" },
  { action: "close", from: ["replied", "replying"], to: "closed", by: "org", note: null, label: "办结" },
  { action: "rerate", from: ["replied"], to: "closed", by: "rater", note: null, label: "重新评价" },
];

export function caseTransition(from: CaseState, action: string) {
  return CASE_TRANSITIONS.find((t) => t.action === action && t.from.includes(from)) ?? null;
}

/** Deadlines in working days from the day a case opens (defaults; supervisors change them). */
export const DEFAULT_CASE_DEADLINES = { respondDays: 1, rectifyDays: 15 };
