/**
 * 12345 诉求 (国办发〔2020〕53号): request types with their default deadlines, the category tree, and
 * the ticket's closed loop as data: 受理 → 派单 → 签收/办理 → 答复 → 回访 → 评价, with 退单/改派,
 * 督办, merging of duplicates and one reopening.
 */

export const TICKET_TYPES = {
  enquiry: { zh: "咨询", en: "Enquiry" },
  help: { zh: "求助", en: "Request for help" },
  complaint: { zh: "投诉", en: "Complaint" },
  report: { zh: "举报", en: "Report" },
  suggestion: { zh: "建议", en: "Suggestion" },
} as const;
export type TicketType = keyof typeof TICKET_TYPES;
export const TICKET_TYPE_CODES = Object.keys(TICKET_TYPES) as [TicketType, ...TicketType[]];

/** Working days to reply, per type (local practice; supervisors change them), and to sign for a ticket. */
export const DEFAULT_TICKET_DEADLINES: { replyDays: Record<TicketType, number>; signDays: number } = {
  replyDays: { enquiry: 3, help: 5, complaint: 13, report: 15, suggestion: 15 },
  signDays: 1,
};

/**
 * The category tree. `functional`: the matter belongs to a functional department, which must not
 * push it down to a street (the dispatch catalogue refuses such a rule).
 */
export interface AppealCategory {
  code: string;
  zh: string;
  en: string;
  functional: boolean;
}
export const APPEAL_CATEGORIES: ReadonlyArray<AppealCategory> = [
  { code: "CITY", zh: "城市管理", en: "City management", functional: false },
  { code: "CITY.NOISE", zh: "噪声扰民", en: "Noise", functional: false },
  { code: "CITY.NOISE.LIFE", zh: "社会生活噪声", en: "Neighbourhood noise", functional: false },
  { code: "CITY.NOISE.BUILD", zh: "建筑施工噪声", en: "Construction noise", functional: true },
  { code: "CITY.ENV", zh: "市容环境", en: "Street cleanliness", functional: false },
  { code: "CITY.BUILD", zh: "违法搭建", en: "Illegal structures", functional: false },
  { code: "CITY.PARKING", zh: "停车管理", en: "Parking", functional: false },
  { code: "MARKET", zh: "市场监管", en: "Market regulation", functional: true },
  { code: "MARKET.FOOD", zh: "食品安全", en: "Food safety", functional: true },
  { code: "MARKET.CONSUMER", zh: "消费维权", en: "Consumer rights", functional: true },
  { code: "LABOUR", zh: "人力社保", en: "Labour and social security", functional: true },
  { code: "LABOUR.WAGE", zh: "拖欠工资", en: "Unpaid wages", functional: true },
  { code: "LABOUR.INSURANCE", zh: "社保缴纳", en: "Social insurance contributions", functional: true },
  { code: "HOUSING", zh: "住房物业", en: "Housing and property", functional: false },
  { code: "HOUSING.PROPERTY", zh: "物业管理", en: "Property management", functional: false },
  { code: "HOUSING.REPAIR", zh: "房屋维修", en: "Housing repairs", functional: true },
  { code: "GOV", zh: "政务服务", en: "Government services", functional: true },
  { code: "GOV.GUIDE", zh: "办事咨询", en: "How to apply", functional: true },
  { code: "GOV.EFFICIENCY", zh: "办事效率", en: "Speed of service", functional: true },
  { code: "GOV.CONDUCT", zh: "工作作风", en: "Staff conduct", functional: true },
  { code: "HEALTH", zh: "医疗医保", en: "Health and medical insurance", functional: true },
  { code: "HEALTH.INSURANCE", zh: "医保报销", en: "Medical insurance claims", functional: true },
  { code: "OTHER", zh: "其他", en: "Other", functional: false },
];
export const APPEAL_CATEGORY_CODES = APPEAL_CATEGORIES.map((c) => c.code) as [string, ...string[]];
const CATEGORY_BY_CODE = new Map(APPEAL_CATEGORIES.map((c) => [c.code, c]));
export const appealCategory = (code: string) => CATEGORY_BY_CODE.get(code) ?? null;
/** The category and its ancestors, most specific first ("CITY.NOISE.LIFE", "CITY.NOISE", "CITY"). */
export function categoryLineage(code: string): string[] {
  const parts = code.split(".");
  return parts.map((_, i) => parts.slice(0, parts.length - i).join("."));
}
/** "城市管理 / 噪声扰民 / 社会生活噪声" */
export function categoryPath(code: string, lang: "zh" | "en" = "zh"): string {
  return categoryLineage(code)
    .reverse()
    .map((c) => CATEGORY_BY_CODE.get(c)?.[lang] ?? c)
    .join(" / ");
}

export const TICKET_STATES = {
  answered: { zh: "已按知识库答复", en: "Answered from the knowledge base" },
  pending_dispatch: { zh: "待派单", en: "To dispatch" },
  dispatched: { zh: "待签收", en: "To sign for" },
  returned: { zh: "退单待审核", en: "Returned; under review" },
  handling: { zh: "办理中", en: "Being handled" },
  replied: { zh: "已答复，待回访评价", en: "Replied; awaiting follow-up" },
  closed: { zh: "已办结", en: "Closed" },
  merged: { zh: "已合并", en: "Merged" },
} as const;
export type TicketState = keyof typeof TICKET_STATES;
export const OPEN_TICKET_STATES: TicketState[] = ["pending_dispatch", "dispatched", "returned", "handling", "replied"];

/** desk: 12345 agents; org: staff of the org the ticket is with; supervisor: 效能监督 above it; citizen: the requester. */
export type TicketActor = "desk" | "org" | "supervisor" | "citizen";
export type TicketAction = "answer" | "dispatch" | "sign" | "return" | "reassign" | "reject_return" | "reply" | "callback" | "rate" | "close" | "reopen" | "urge" | "merge";

/** `to: null` records the action without moving the ticket. `note` names the text required. */
export const TICKET_TRANSITIONS: ReadonlyArray<{ action: TicketAction; from: TicketState[]; to: TicketState | null; by: TicketActor[]; note: string | null; label: string }> = [
  { action: "answer", from: ["pending_dispatch"], to: "answered", by: ["desk"], note: "答复内容", label: "按知识库答复" },
  { action: "dispatch", from: ["pending_dispatch"], to: "dispatched", by: ["desk"], note: null, label: "派单" },
  { action: "sign", from: ["dispatched"], to: "handling", by: ["org"], note: null, label: "签收" },
  { action: "return", from: ["dispatched", "handling"], to: "returned", by: ["org"], note: "退单理由", label: "退单" },
  { action: "reassign", from: ["returned"], to: "dispatched", by: ["desk"], note: "改派说明", label: "改派" },
  { action: "reject_return", from: ["returned"], to: "dispatched", by: ["desk"], note: "不予退单理由", label: "退单不成立" },
  { action: "reply", from: ["handling"], to: "replied", by: ["org"], note: "答复内容", label: "答复" },
  { action: "callback", from: ["replied"], to: null, by: ["desk"], note: "回访记录", label: "回访" },
  { action: "rate", from: ["replied"], to: "closed", by: ["citizen", "desk"], note: null, label: "评价" },
  { action: "close", from: ["replied"], to: "closed", by: ["desk"], note: "办结说明", label: "办结" },
  { action: "reopen", from: ["closed"], to: "handling", by: ["citizen"], note: "不满意的原因", label: "重新办理" },
  { action: "urge", from: ["dispatched", "returned", "handling"], to: null, by: ["supervisor", "desk"], note: "督办意见", label: "督办" },
  { action: "merge", from: ["pending_dispatch", "dispatched", "returned", "handling"], to: "merged", by: ["desk"], note: null, label: "合并重复诉求" },
];

export function ticketTransition(from: TicketState, action: string) {
  return TICKET_TRANSITIONS.find((t) => t.action === action && t.from.includes(from)) ?? null;
}
