import type { ItemContent } from "../../../shared/schemas/catalogue";

/** One published implementation item as the audits see it. */
export interface AuditedItem {
  id: string;
  implCode: string;
  basicCode: string;
  level: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  consistencyNote: string | null;
  content: ItemContent;
}

/** The required elements of a complete guide (DB31/T 544-style), each with its check. */
export const REQUIRED_ELEMENTS: Array<{ key: string; name: string; ok: (c: ItemContent) => boolean }> = [
  { key: "legalBasisSetting", name: "设定依据", ok: (c) => c.guide.legalBasisSetting.trim().length > 0 },
  { key: "legalBasisImplementing", name: "实施依据", ok: (c) => c.guide.legalBasisImplementing.trim().length > 0 },
  { key: "audiences", name: "服务对象", ok: (c) => c.audiences.length > 0 },
  { key: "conditions", name: "受理条件", ok: (c) => c.guide.conditions.length > 0 },
  { key: "noCatchAll", name: "受理条件无兜底条款", ok: (c) => !c.guide.conditions.some((x) => /其他(条件|情形)|法律法规规定的其他/.test(x)) },
  { key: "materials", name: "申请材料", ok: (c) => c.guide.materials.length > 0 },
  { key: "materialDetails", name: "材料要素（来源、要求、份数、介质）", ok: (c) => c.guide.materials.every((m) => m.source && m.requirements && m.count > 0) },
  { key: "form", name: "申请表单", ok: (c) => c.form.fields.length > 0 },
  { key: "steps", name: "办理流程", ok: (c) => c.guide.steps.length > 0 },
  { key: "committedLimit", name: "承诺时限", ok: (c) => c.guide.committedLimitDays !== null },
  { key: "fees", name: "收费标准及依据", ok: (c) => c.guide.free || (c.guide.fees.length > 0 && c.guide.fees.every((f) => f.basis)) },
  { key: "location", name: "办理地点", ok: (c) => c.guide.location.trim().length > 0 },
  { key: "hours", name: "办理时间", ok: (c) => c.guide.hours.trim().length > 0 },
  { key: "channels", name: "办理渠道", ok: (c) => c.guide.channels.length > 0 },
  { key: "scope", name: "通办范围", ok: (c) => c.guide.scope.length > 0 },
  { key: "consultPhone", name: "咨询电话", ok: (c) => c.guide.consultPhone.trim().length > 0 },
  { key: "complaintPhone", name: "投诉电话", ok: (c) => c.guide.complaintPhone.trim().length > 0 },
  { key: "faq", name: "常见问题", ok: (c) => c.guide.faq.length > 0 },
];

export interface CompletenessResult {
  id: string;
  implCode: string;
  name: string;
  orgName: string;
  score: number;
  missing: string[];
}

/** The share of required elements a guide has, 0–100, and the names of those it lacks. */
export function completeness(item: AuditedItem): CompletenessResult {
  const missing = REQUIRED_ELEMENTS.filter((e) => !e.ok(item.content)).map((e) => e.name);
  return {
    id: item.id,
    implCode: item.implCode,
    name: item.content.name,
    orgName: item.orgName,
    score: Math.round(((REQUIRED_ELEMENTS.length - missing.length) / REQUIRED_ELEMENTS.length) * 100),
    missing,
  };
}

export interface ConsistencyFinding {
  basicCode: string;
  implCode: string;
  itemId: string;
  orgName: string;
  element: string;
  reference: string;
  actual: string;
  /** The recorded reason, when the difference is accepted. */
  acceptedReason: string | null;
}

function describeFees(c: ItemContent) {
  return c.guide.free ? "不收费" : c.guide.fees.map((f) => `${f.name} ${f.amount}`).join("；");
}

/** The most common value (ties: the first seen). */
function mode(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const v of values) if (counts.get(v)! > counts.get(best)!) best = v;
  return best;
}

const ASPECTS: Array<{ element: string; value: (c: ItemContent) => string }> = [
  { element: "事项名称", value: (c) => c.name },
  { element: "申请材料", value: (c) => c.guide.materials.map((m) => m.name).sort().join("、") },
  { element: "法定时限", value: (c) => String(c.guide.legalLimitDays ?? "—") },
  { element: "承诺时限", value: (c) => String(c.guide.committedLimitDays ?? "—") },
  { element: "收费", value: describeFees },
];

/**
 * Compares each implementation with the reference for its base item: the city-level
 * implementation where there is one, otherwise what most implementations say. Names, materials,
 * time limits and fees are compared; a difference with a recorded reason is reported as accepted.
 */
export function consistency(items: AuditedItem[]): ConsistencyFinding[] {
  const byBase = new Map<string, AuditedItem[]>();
  for (const i of items) byBase.set(i.basicCode, [...(byBase.get(i.basicCode) ?? []), i]);
  const findings: ConsistencyFinding[] = [];
  for (const [basicCode, group] of byBase) {
    if (group.length < 2) continue;
    const city = group.find((i) => i.level === "city");
    for (const aspect of ASPECTS) {
      const reference = city ? aspect.value(city.content) : mode(group.map((i) => aspect.value(i.content)));
      for (const item of group) {
        if (item === city) continue;
        const actual = aspect.value(item.content);
        if (actual !== reference) {
          findings.push({ basicCode, implCode: item.implCode, itemId: item.id, orgName: item.orgName, element: aspect.element, reference, actual, acceptedReason: item.consistencyNote });
        }
      }
    }
  }
  return findings.sort((a, b) => a.implCode.localeCompare(b.implCode) || a.element.localeCompare(b.element));
}

export interface OrgScore {
  orgId: string;
  orgName: string;
  items: number;
  averageScore: number;
  incomplete: number;
  inconsistencies: number;
}

/** Per implementing organisation: average completeness and open (unaccepted) inconsistencies, worst first. */
export function orgScores(items: AuditedItem[], results: CompletenessResult[], findings: ConsistencyFinding[]): OrgScore[] {
  const orgs = new Map<string, OrgScore>();
  items.forEach((item, i) => {
    const s = orgs.get(item.orgId) ?? { orgId: item.orgId, orgName: item.orgName, items: 0, averageScore: 0, incomplete: 0, inconsistencies: 0 };
    s.items += 1;
    s.averageScore += results[i]!.score;
    if (results[i]!.score < 100) s.incomplete += 1;
    s.inconsistencies += findings.filter((f) => f.itemId === item.id && !f.acceptedReason).length;
    orgs.set(item.orgId, s);
  });
  return [...orgs.values()]
    .map((s) => ({ ...s, averageScore: Math.round(s.averageScore / s.items) }))
    .sort((a, b) => a.averageScore - b.averageScore || b.inconsistencies - a.inconsistencies || a.orgName.localeCompare(b.orgName));
}
