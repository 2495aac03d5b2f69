/** UI texts of this feature (merged into the dictionaries in web/i18n.ts); English mirrors the Chinese keys. */
export const workbenchAdminZh = {
  cal: { title: "工作日历", toolDesc: "配置法定节假日和调休上班日", year: "年度", source_built_in: "内置（国务院办公厅通知）", source_configured: "管理员配置", holidays: "节假日", workdays: "调休上班日", add: "添加年度", save: "保存", date: "日期", festival: "节日名称", addHoliday: "添加节假日", addWorkday: "添加调休上班日", saved: "{{year}} 年日历已保存" },
};
