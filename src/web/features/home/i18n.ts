/** UI texts of this feature (merged into the dictionaries in web/i18n.ts); English mirrors the Chinese keys. */
export const homeZh = {
  home: {
    searchLabel: "搜索办事事项",
    searchPlaceholder: "请输入要办理的事项，如：开公司、新生儿落户",
    search: "搜索",
    hot: "热门搜索",
    entries: "办事入口",
    personalDesc: "生育、教育、就业、社保、医疗、养老、住房等个人事项",
    enterpriseDesc: "开办企业、经营许可、税务、人力社保等法人事项",
    bundlesDesc: "企业开办、新生儿出生、退休等跨部门“一件事”",
    departmentsDesc: "按市、区两级部门查找服务",
  },
};

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
  },
};
