import type { Rule } from "./rules";

/**
 * 为您推荐 and 主动推送: what the platform suggests from a subject's profile, as data — a rule, the
 * service or bundle it leads to, and the reason in plain Chinese and in English ({fact} is replaced by
 * the subject's value). An entry with `push` is also sent to the subject's message centre ("您可能需要办理…") by the
 * daily proactive-service job, once per subject and event: `ref` names the event (a child's birth
 * date, the certificates coming due), so the same event is never pushed twice.
 */
export interface Recommendation {
  key: string;
  audience: "person" | "enterprise";
  target: { kind: "item"; basicCode: string } | { kind: "bundle"; code: string } | { kind: "page"; path: string; title: string };
  rule: Rule;
  reason: string;
  /** The reason in English, for readers who chose English. */
  reasonEn: string;
  push?: { title: string; titleEn: string; ref: string };
}

export const RECOMMENDATIONS: ReadonlyArray<Recommendation> = [
  {
    key: "elderly_80",
    audience: "person",
    target: { kind: "item", basicCode: "JF00003000" },
    rule: { all: [{ fact: "person.age", op: "gte", value: 80 }, { fact: "person.hukou_shanghai", op: "eq", value: true }, { not: { fact: "person.benefits", op: "contains", value: "老年综合津贴申领" } }] },
    reason: "因为您已年满 {person.age} 周岁且为本市户籍，可以申领高龄津贴（老年综合津贴），一键申请，符合条件的即时办结",
    reasonEn: "You are {person.age} and registered in Shanghai: you can claim the senior allowance in one click, decided at once when you qualify",
    push: { title: "您可能需要办理：老年综合津贴（高龄津贴）", titleEn: "You may need: the senior allowance", ref: "age-80" },
  },
  {
    key: "elderly_allowance",
    audience: "person",
    target: { kind: "item", basicCode: "JF00003000" },
    rule: { all: [{ fact: "person.age", op: "gte", value: 65 }, { fact: "person.hukou_shanghai", op: "eq", value: true }, { not: { fact: "person.benefits", op: "contains", value: "老年综合津贴申领" } }] },
    reason: "因为您已年满 {person.age} 周岁且为本市户籍，可以按月领取老年综合津贴",
    reasonEn: "You are {person.age} and registered in Shanghai: you can receive the senior allowance every month",
    push: { title: "您可能需要办理：老年综合津贴", titleEn: "You may need: the senior allowance", ref: "age-65" },
  },
  {
    key: "newborn",
    audience: "person",
    target: { kind: "bundle", code: "NEWBORN" },
    rule: { fact: "person.youngest_child_months", op: "lte", value: 6 },
    reason: "因为您的孩子出生 {person.youngest_child_months} 个月，出生登记、医保参保和社保卡可以一次办好",
    reasonEn: "Your child is {person.youngest_child_months} months old: birth registration, health insurance and the social security card can be done together",
    push: { title: "您可能需要办理：新生儿出生一件事", titleEn: "You may need: the newborn package", ref: "birth-{person.youngest_child_birth}" },
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
    reasonEn: "You are {person.age}, at or near retirement age: retirement, the pension, health insurance and the housing fund can be done together",
    push: { title: "您可能需要办理：退休一件事", titleEn: "You may need: the retirement package", ref: "retirement" },
  },
  {
    key: "residence_permit_renewal",
    audience: "person",
    target: { kind: "item", basicCode: "QR00002003" },
    rule: { fact: "person.expiring", op: "contains", value: "上海市居住证" },
    reason: "因为您的上海市居住证将在 30 天内到期，可以在线办理签注，符合条件的即时办结",
    reasonEn: "Your Shanghai residence permit expires within 30 days: renew it online, decided at once when you qualify",
    push: { title: "您可能需要办理：上海市居住证签注", titleEn: "You may need: residence permit renewal", ref: "permit-{person.next_certificate}" },
  },
  {
    key: "certificate_expiring",
    audience: "person",
    target: { kind: "page", path: "/me/certificates", title: "我的证照" },
    rule: { fact: "person.certificate_days_left", op: "lte", value: 30 },
    reason: "因为您有证照将在 {person.certificate_days_left} 天内到期，请及时办理延续或换领",
    reasonEn: "One of your certificates expires in {person.certificate_days_left} days: renew or replace it in time",
  },
  {
    key: "food_licence_expiring",
    audience: "enterprise",
    target: { kind: "item", basicCode: "XK00002001" },
    rule: { fact: "enterprise.expiring", op: "contains", value: "食品经营许可证" },
    reason: "因为企业的食品经营许可证将在 30 天内到期（{enterprise.next_licence}），请在有效期届满前办理延续",
    reasonEn: "The enterprise's food business licence expires within 30 days ({enterprise.next_licence}): renew it before it expires",
    push: { title: "您可能需要办理：食品经营许可延续", titleEn: "You may need: food business licence renewal", ref: "licence-{enterprise.next_licence}" },
  },
  {
    key: "licence_expiring",
    audience: "enterprise",
    target: { kind: "page", path: "/me/certificates", title: "企业证照" },
    rule: { fact: "enterprise.licence_days_left", op: "lte", value: 60 },
    reason: "因为企业有证照将在 {enterprise.licence_days_left} 天内到期，请及时办理延续",
    reasonEn: "One of the enterprise's licences expires in {enterprise.licence_days_left} days: renew it in time",
  },
  {
    key: "new_enterprise",
    audience: "enterprise",
    target: { kind: "item", basicCode: "QR00004001" },
    rule: { fact: "enterprise.age_days", op: "lte", value: 30 },
    reason: "因为企业成立 {enterprise.age_days} 天，招用职工的应当自成立之日起 30 日内办理单位社会保险登记",
    reasonEn: "The enterprise was set up {enterprise.age_days} days ago: an employer must register for social insurance within 30 days of being set up",
    push: { title: "您可能需要办理：单位社会保险登记", titleEn: "You may need: employer social insurance registration", ref: "established" },
  },
];

/** The reason with the subject's values filled in. */
export function reasonFor(template: string, facts: Record<string, unknown>): string {
  return template.replace(/\{([a-z_.]+)\}/g, (_, k: string) => {
    const v = facts[k];
    return Array.isArray(v) ? v.join("、") : String(v ?? "—");
  });
}
