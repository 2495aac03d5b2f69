import { describe, expect, it } from "vitest";
import { assessBenefit, bandFor, bandLines, benefitSentence, benefitTerms, firstPayDate, type BenefitTerms } from "./benefit";
import { itemContent } from "./schemas/catalogue";
import { WorkCalendar } from "./working-days";

const cal = new WorkCalendar();
const age = (min: number) => ({ fact: "person.age", op: "gte" as const, value: min });
const ELDERLY: BenefitTerms = {
  period: "monthly",
  payDay: 10,
  payTo: "本人社会保障卡金融账户",
  bands: [
    { label: "100 周岁及以上", when: age(100), amount: 600 },
    { label: "90 至 99 周岁", when: age(90), amount: 350 },
    { label: "80 至 89 周岁", when: age(80), amount: 180 },
    { label: "70 至 79 周岁", when: age(70), amount: 150 },
    { label: "65 至 69 周岁", when: age(65), amount: 75 },
  ],
};

describe("待遇标准", () => {
  it("takes the first band whose condition passes", () => {
    expect(bandFor(ELDERLY, { "person.age": 82 })?.amount).toBe(180);
    expect(bandFor(ELDERLY, { "person.age": 100 })?.amount).toBe(600);
    expect(bandFor(ELDERLY, { "person.age": 65 })?.label).toBe("65 至 69 周岁");
  });

  it("assesses nothing when no band applies or the facts cannot decide", () => {
    expect(bandFor(ELDERLY, { "person.age": 60 })).toBeNull();
    expect(bandFor(ELDERLY, {})).toBeNull();
    expect(bandFor({ ...ELDERLY, bands: [{ label: "统一标准", amount: 3600 }] }, {})?.amount).toBe(3600);
  });

  it("pays on the pay day of the next month, moved past weekends and holidays", () => {
    expect(firstPayDate(ELDERLY, "2026-03-20", cal)).toBe("2026-04-10"); // a Friday
    expect(firstPayDate(ELDERLY, "2026-09-30", cal)).toBe("2026-10-10"); // the make-up Saturday is a working day
    expect(firstPayDate({ ...ELDERLY, payDay: 1 }, "2026-09-15", cal)).toBe("2026-10-08"); // after 国庆
    expect(firstPayDate({ ...ELDERLY, payDay: 15 }, "2026-01-20", cal)).toBe("2026-02-24"); // 春节
    // December's decision pays in January of the next year, even past the configured calendar.
    expect(firstPayDate(ELDERLY, "2026-12-06", cal)).toBe("2027-01-10");
  });

  it("says the amount, the band and the date in Chinese and in English", () => {
    const b = assessBenefit(ELDERLY, { "person.age": 85 }, "2026-03-20", cal)!;
    expect(b).toEqual({ amount: 180, period: "monthly", band: "80 至 89 周岁", firstPayDate: "2026-04-10", payTo: "本人社会保障卡金融账户" });
    expect(benefitSentence(b)).toBe("每月 180 元（80 至 89 周岁），首次于 2026-04-10 发放至本人社会保障卡金融账户");
    expect(benefitSentence(b, "en")).toBe("¥180 a month (80 至 89 周岁), first paid on 2026-04-10 to 本人社会保障卡金融账户");
    expect(benefitSentence({ ...b, period: "once", amount: 1234.5 })).toBe("一次性 1234.50 元（80 至 89 周岁），于 2026-04-10 发放至本人社会保障卡金融账户");
    expect(bandLines(ELDERLY)[4]).toBe("65 至 69 周岁：每月 75 元");
  });

  it("refuses terms that cannot be paid", () => {
    expect(benefitTerms.safeParse({ ...ELDERLY, payDay: 31 }).success).toBe(false);
    expect(benefitTerms.safeParse({ ...ELDERLY, bands: [] }).success).toBe(false);
    expect(benefitTerms.safeParse({ ...ELDERLY, bands: [{ label: "x", amount: -5 }] }).success).toBe(false);
  });

  it("checks the bands' rules as catalogue content", () => {
    const content = {
      name: "测试津贴",
      summary: "",
      audiences: ["person"],
      themes: [],
      keywords: [],
      guide: { legalBasisSetting: "", legalBasisImplementing: "", conditions: [], materials: [], steps: [], legalLimitDays: null, committedLimitDays: null, free: true, fees: [], location: "", hours: "", channels: ["online"], onlineDepth: 4, visits: 0, scope: [], consultPhone: "", complaintPhone: "", faq: [], situations: [] },
      form: { fields: [] },
      benefit: { ...ELDERLY, bands: [{ label: "按性别", when: { fact: "person.gender", op: "gt", value: 1 }, amount: 10 }] },
    };
    const parsed = itemContent.safeParse(content);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("benefit.bands.0.when");
  });
});
