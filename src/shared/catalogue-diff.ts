import { DATA_ELEMENTS } from "./data-elements";
import type { ItemContent } from "./schemas/catalogue";

export interface ContentChange {
  element: string;
  kind: "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
}

const GUIDE_LABELS: Record<string, string> = {
  legalBasisSetting: "设定依据",
  legalBasisImplementing: "实施依据",
  legalLimitDays: "法定时限（工作日）",
  committedLimitDays: "承诺时限（工作日）",
  free: "是否收费",
  location: "办理地点",
  hours: "办理时间",
  channels: "办理渠道",
  onlineDepth: "网办深度",
  visits: "到现场次数",
  scope: "通办范围",
  consultPhone: "咨询电话",
  complaintPhone: "投诉电话",
};

const show = (v: unknown): string => (v === null || v === undefined ? "—" : Array.isArray(v) ? v.join("、") : typeof v === "boolean" ? (v ? "是" : "否") : String(v));

/** Compares list entries by a key and describes each entry as one line. */
function diffList<T>(label: string, before: T[], after: T[], key: (x: T) => string, describe: (x: T) => string, out: ContentChange[]) {
  const a = new Map(before.map((x) => [key(x), x]));
  const b = new Map(after.map((x) => [key(x), x]));
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) out.push({ element: `${label}：${describe(x).split("｜")[0]}`, kind: "removed", before: describe(x), after: null });
    else if (describe(x) !== describe(y)) out.push({ element: `${label}：${describe(y).split("｜")[0]}`, kind: "changed", before: describe(x), after: describe(y) });
  }
  for (const [k, y] of b) if (!a.has(k)) out.push({ element: `${label}：${describe(y).split("｜")[0]}`, kind: "added", before: null, after: describe(y) });
}

/** A readable list of what changed between two versions of an item (for reviewers and the history). */
export function diffContent(before: ItemContent, after: ItemContent): ContentChange[] {
  const out: ContentChange[] = [];
  const scalar = (element: string, x: unknown, y: unknown) => {
    if (show(x) !== show(y)) out.push({ element, kind: "changed", before: show(x), after: show(y) });
  };
  scalar("事项名称", before.name, after.name);
  scalar("事项概述", before.summary, after.summary);
  scalar("服务对象", before.audiences, after.audiences);
  scalar("主题", before.themes, after.themes);
  scalar("搜索关键词", before.keywords, after.keywords);
  for (const [k, label] of Object.entries(GUIDE_LABELS)) scalar(label, (before.guide as Record<string, unknown>)[k], (after.guide as Record<string, unknown>)[k]);
  diffList("受理条件", before.guide.conditions, after.guide.conditions, (c) => c, (c) => c, out);
  diffList("申请材料", before.guide.materials, after.guide.materials, (m) => m.key, (m) => `${m.name}｜${m.form}｜${m.count}份｜${m.medium}｜${m.source}｜${m.requirements}${m.replaceableBy ? `｜可由${m.replaceableBy.code}替代` : ""}`, out);
  diffList("办理流程", before.guide.steps, after.guide.steps, (s) => s.name, (s) => `${s.name}｜${s.days}个工作日${s.countedInLimit ? "" : "（不计时）"}`, out);
  diffList("收费项目", before.guide.fees, after.guide.fees, (f) => f.name, (f) => `${f.name}｜${f.amount}｜${f.basis}`, out);
  diffList("常见问题", before.guide.faq, after.guide.faq, (f) => f.q, (f) => `${f.q}｜${f.a}`, out);
  diffList("办理情形", before.guide.situations, after.guide.situations, (s) => s.key, (s) => s.question, out);
  diffList(
    "表单字段",
    before.form.fields,
    after.form.fields,
    (f) => f.key,
    (f) => `${f.label}｜${f.type}${f.required ? "｜必填" : ""}${f.dataElement ? `｜${DATA_ELEMENTS[f.dataElement]?.zh ?? f.dataElement}` : ""}${f.visibleIf ? `｜当${f.visibleIf.field}=${String(f.visibleIf.equals)}时显示` : ""}`,
    out,
  );
  const order = (c: ItemContent) => c.form.fields.map((f) => f.key).join(",");
  if (order(before) !== order(after) && before.form.fields.length === after.form.fields.length) {
    out.push({ element: "表单字段顺序", kind: "changed", before: before.form.fields.map((f) => f.label).join(" → "), after: after.form.fields.map((f) => f.label).join(" → ") });
  }
  return out;
}
