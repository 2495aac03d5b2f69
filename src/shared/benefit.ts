import { z } from "zod";
import { outcomeOf, rule } from "./rules";
import { nextDay, type IsoDate, type WorkCalendar } from "./working-days";
import { BENEFIT_PERIODS, type AssessedBenefit, type BenefitPeriod } from "./benefit-words";

export * from "./benefit-words";

/**
 * 待遇标准: what a benefit item (an allowance, a subsidy) pays, as catalogue content. The first band
 * whose condition passes on the applicant's facts gives the amount (a band without a condition
 * always applies); payments are made on `payDay` of the month, the first one in the month after
 * the decision, moved to the next working day when that day is a holiday or a weekend (遇节假日顺延).
 */
export const benefitBand = z.strictObject({
  /** How the band reads to a citizen: "80 至 89 周岁". */
  label: z.string().trim().min(1).max(40),
  when: rule.optional(),
  /** Yuan, at most two decimals. */
  amount: z.number().positive().max(1_000_000).multipleOf(0.01),
});
export const benefitTerms = z.strictObject({
  period: z.enum(Object.keys(BENEFIT_PERIODS) as [BenefitPeriod, ...BenefitPeriod[]]),
  payDay: z.number().int().min(1).max(28),
  /** Where it is paid: "本人社会保障卡金融账户". */
  payTo: z.string().trim().min(1).max(60),
  bands: z.array(benefitBand).min(1).max(12),
});
export type BenefitTerms = z.infer<typeof benefitTerms>;

/** A benefit as assessed when an application is approved (kept in the application's timeline). */
export const assessedBenefit = z.object({
  amount: z.number(),
  period: z.enum(Object.keys(BENEFIT_PERIODS) as [BenefitPeriod, ...BenefitPeriod[]]),
  band: z.string(),
  firstPayDate: z.string(),
  payTo: z.string(),
}) satisfies z.ZodType<AssessedBenefit>;

/** The band that applies to these facts; null when none does or a condition cannot be decided before one passes. */
export function bandFor(terms: BenefitTerms, facts: Record<string, unknown>): BenefitTerms["bands"][number] | null {
  for (const band of terms.bands) {
    const outcome = band.when ? outcomeOf(band.when, facts) : "pass";
    if (outcome === "pass") return band;
    if (outcome === "unknown") return null;
  }
  return null;
}

/** The first pay date after a decision on `decidedOn`: `payDay` of the next month, or the next working day after it. */
export function firstPayDate(terms: BenefitTerms, decidedOn: IsoDate, calendar: WorkCalendar): IsoDate {
  const [y, m] = decidedOn.split("-").map(Number) as [number, number];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  let d = `${next.y}-${String(next.m).padStart(2, "0")}-${String(terms.payDay).padStart(2, "0")}`;
  // Beyond the configured calendar the date cannot be checked: it stays as published (顺延 then applies).
  while (calendar.covers(d) && !calendar.isWorkingDay(d)) d = nextDay(d);
  return d;
}

/** The benefit for an approved application, or null when no band applies. */
export function assessBenefit(terms: BenefitTerms, facts: Record<string, unknown>, decidedOn: IsoDate, calendar: WorkCalendar): AssessedBenefit | null {
  const band = bandFor(terms, facts);
  if (!band) return null;
  return { amount: band.amount, period: terms.period, band: band.label, firstPayDate: firstPayDate(terms, decidedOn, calendar), payTo: terms.payTo };
}

