import type { Rule } from "./rules";

/**
 * 为您推荐: what the platform suggests from a subject's profile, as data — a rule, the service or bundle
 * it leads to, and the reason in plain Chinese ({fact} is replaced by the subject's value).
 */
export interface Recommendation {
  key: string;
  audience: "person" | "enterprise";
  target: { kind: "item"; basicCode: string } | { kind: "bundle"; code: string } | { kind: "page"; path: string; title: string };
  rule: Rule;
  reason: string;
}

export const RECOMMENDATIONS: ReadonlyArray<Recommendation> = [
  {
    key: "elderly_allowance",
    audience: "person",
    target: { kind: "item", basicCode: "JF00003000" },
    rule: { all: [{ fact: "person.age", op: "gte", value: 65 }, { fact: "person.hukou_shanghai", op: "eq", value: true }] },
    reason: "因为您已年满 {person.age} 周岁且为本市户籍，可以按月领取老年综合津贴",
  },
  {
    key: "newborn",
    audience: "person",
    target: { kind: "bundle", code: "NEWBORN" },
    rule: { fact: "person.youngest_child_months", op: "lte", value: 6 },
    reason: "因为您的孩子出生 {person.youngest_child_months} 个月，出生登记、医保参保和社保卡可以一次办好",
  },
  {
    key: "retirement",
    audience: "person",
    target: { kind: "bundle", code: "RETIREMENT" },
    rule: {
      any: [
        { all: [{ fact: "person.gender", op: "eq", value: "M" }, { fact: "person.age", op: "in", value: [59, 60] }] },
        { all: [{ fact: "person.gender", op: "eq", value: "F" }, { fact: "person.age", op: "in", value: [49, 50] }] },
      ],
    },
    reason: "因为您今年 {person.age} 周岁，即将或已经达到退休年龄，退休申请、养老金核定和医保、公积金可以一次办",
  },
  {
    key: "certificate_expiring",
    audience: "person",
    target: { kind: "page", path: "/me/certificates", title: "我的证照" },
    rule: { fact: "person.certificate_days_left", op: "lte", value: 30 },
    reason: "因为您有证照将在 {person.certificate_days_left} 天内到期，请及时办理延续或换领",
  },
  {
    key: "licence_expiring",
    audience: "enterprise",
    target: { kind: "page", path: "/me/certificates", title: "企业证照" },
    rule: { fact: "enterprise.licence_days_left", op: "lte", value: 60 },
    reason: "因为企业有证照将在 {enterprise.licence_days_left} 天内到期，请及时办理延续",
  },
];

/** The reason with the subject's values filled in. */
export function reasonFor(template: string, facts: Record<string, unknown>): string {
  return template.replace(/\{([a-z_.]+)\}/g, (_, k: string) => String(facts[k] ?? "—"));
}
