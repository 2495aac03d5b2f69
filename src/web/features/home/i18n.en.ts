import type { homeZh } from "./i18n";

/** English for the texts of web/features/home/i18n.ts (loaded when English is chosen). */
export const homeEn: typeof homeZh = {
  home: {
    searchLabel: "Search services",
    searchPlaceholder: "What do you need to do? e.g. start a company, register a newborn",
    search: "Search",
    hot: "Popular",
    entries: "Start here",
    personalDesc: "Birth, education, jobs, social insurance, health, pensions, housing",
    enterpriseDesc: "Starting a business, licences, tax, employment and social insurance",
    bundlesDesc: "Cross-department life events: start a business, a newborn, retirement",
    departmentsDesc: "Find services by city and district department",
    elderTitle: "Common services",
    elderPension: "Pension",
    elderPensionQuery: "养老金",
    elderMedical: "Medical insurance",
    elderMedicalQuery: "医保",
    elderAllowance: "Old-age allowance",
    elderAllowanceQuery: "高龄津贴",
    elderCard: "Social security card",
    elderCardQuery: "社保卡",
    elderDoctor: "Seeing a doctor",
    elderDoctorQuery: "就医",
    elderTransit: "Senior and transit cards",
    elderTransitQuery: "敬老卡",
    elderHelp: "If you need help, ask your family or call the hotline",
  },
};
