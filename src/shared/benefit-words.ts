/**
 * How a benefit reads (待遇标准 and an assessed benefit), without the schemas: citizen pages import
 * this file only, so that zod stays out of their download.
 */
export const BENEFIT_PERIODS = {
  monthly: { zh: "每月", en: "a month" },
  yearly: { zh: "每年", en: "a year" },
  once: { zh: "一次性", en: "once" },
} as const;
export type BenefitPeriod = keyof typeof BENEFIT_PERIODS;

/** A benefit as assessed when an application is approved. */
export interface AssessedBenefit {
  amount: number;
  period: BenefitPeriod;
  /** The band that applied, as published: "80 至 89 周岁". */
  band: string;
  firstPayDate: string;
  payTo: string;
}

/** The timeline entry an application's assessed benefit is kept in (written on approval). */
export const BENEFIT_ASSESSED = "benefit_assessed";

/** The benefit assessed on approval (the latest), and whether a later revocation stopped it; null when none was assessed. */
export function assessedBenefitOf(events: ReadonlyArray<{ action: string; details: unknown }>): (AssessedBenefit & { stopped: boolean }) | null {
  const i = events.findLastIndex((e) => e.action === BENEFIT_ASSESSED && (e.details as { benefit?: AssessedBenefit | null }).benefit);
  if (i < 0) return null;
  return { ...(events[i]!.details as { benefit: AssessedBenefit }).benefit, stopped: events.slice(i + 1).some((e) => e.action === "grant_revoked") };
}

const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** "每月 180 元（80 至 89 周岁），首次于 2027-01-11 发放至本人社会保障卡金融账户" — or in English. */
export function benefitSentence(b: AssessedBenefit, lang: "zh" | "en" = "zh"): string {
  const once = b.period === "once";
  if (lang === "en") return `¥${yuan(b.amount)} ${BENEFIT_PERIODS[b.period].en} (${b.band}), ${once ? "paid" : "first paid"} on ${b.firstPayDate} to ${b.payTo}`;
  return `${BENEFIT_PERIODS[b.period].zh} ${yuan(b.amount)} 元（${b.band}），${once ? "" : "首次"}于 ${b.firstPayDate} 发放至${b.payTo}`;
}

/** The published standard, a line per band: "65 至 69 周岁：每月 75 元". */
export function bandLines(terms: { period: BenefitPeriod; bands: Array<{ label: string; amount: number }> }, lang: "zh" | "en" = "zh"): string[] {
  return terms.bands.map((b) => (lang === "en" ? `${b.label}: ¥${yuan(b.amount)} ${BENEFIT_PERIODS[terms.period].en}` : `${b.label}：${BENEFIT_PERIODS[terms.period].zh} ${yuan(b.amount)} 元`));
}
