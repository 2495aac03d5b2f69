import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { ROLES, ORG_KINDS, AGENT_SCOPES } from "../shared/roles";
import { appealsEn, appealsZh } from "./features/appeals/i18n";
import { applicationsEn, applicationsZh } from "./features/applications/i18n";
import { appointmentsEn, appointmentsZh } from "./features/appointments/i18n";
import { bundlesEn, bundlesZh } from "./features/bundles/i18n";
import { catalogueEn, catalogueZh } from "./features/catalogue/i18n";
import { catalogueAdminEn, catalogueAdminZh } from "./features/workbench/catalogue/i18n";
import { certificatesEn, certificatesZh } from "./features/certificates/i18n";
import { dataAdminEn, dataAdminZh } from "./features/workbench/data/i18n";
import { homeEn, homeZh } from "./features/home/i18n";
import { identityEn, identityZh } from "./features/identity/i18n";
import { proactiveEn, proactiveZh } from "./features/proactive/i18n";
import { ratingsEn, ratingsZh } from "./features/ratings/i18n";
import { workbenchEn, workbenchZh } from "./features/workbench/i18n";
import { workbenchAdminEn, workbenchAdminZh } from "./features/workbench/admin/i18n";

const zh = {
  app: { name: "好办", city: "上海市", slogan: "一网好办 · 政务服务平台", skip: "跳到主要内容", footer: "上海市一网好办政务服务平台 · 咨询投诉请拨打 12345" },
  nav: { policies: "政策", appeals: "12345 诉求", main: "主导航", home: "首页", personal: "个人办事", enterprise: "法人办事", bundles: "一件事", departments: "部门", login: "登录", register: "注册", me: "个人中心", workbench: "工作台", logout: "退出登录", language: "English", languageLabel: "切换语言" },
  msg: { title: "消息中心", toolDesc: "办件提醒、超期督办和系统通知", unread: "未读 {{n}} 条", readAll: "全部标为已读", markRead: "标为已读", empty: "暂无消息", new: "未读", channel_sms: "短信", channel_email: "邮件", status_sent: "已发送", status_pending: "发送中", status_failed: "发送失败", settings: "通知设置", smsLabel: "办件状态变化时发送短信到注册手机", emailLabel: "通知邮箱", noEmail: "未设置", saveEmail: "保存邮箱", emailOff: "本平台未开通邮件通知", proactiveLabel: "接收主动服务提醒（“您可能需要办理…”、政策找人、免申即享）" },
  form: { check: "检查填写", valid: "填写符合要求", boundTo: "对应数据元：{{element}}", noRows: "暂无内容", addRow: "添加{{label}}", removeRow: "删除" },
  staff: {
    title: "工作人员管理",
    search: "按姓名或用户名搜索",
    add: "新增工作人员",
    username: "用户名",
    name: "姓名",
    org: "所属机构",
    roles: "岗位角色",
    status: "状态",
    enabled: "正常",
    disabled: "已停用",
    actions: "操作",
    edit: "编辑",
    save: "保存",
    cancel: "取消",
    mobile: "手机号码（选填）",
    initialPassword: "初始密码",
    disableAccount: "停用账号",
    created: "已新增工作人员",
    saved: "已保存",
    total: "共 {{total}} 人",
    chooseOrg: "请选择机构",
  },
  common: { loading: "正在加载…", error: "出错了", retry: "重试", back: "返回", notFound: "页面不存在", notFoundDesc: "您访问的页面不存在或已被移除。", home: "返回首页", pageLoadFailed: "页面没有加载成功", pageLoadFailedDesc: "可能是网络不稳定，或平台刚刚更新，请刷新页面后再试。", reload: "刷新页面", needLogin: "请先登录", forbidden: "您没有访问此页面的权限", yes: "是", no: "否" },
  roles: Object.fromEntries(Object.entries(ROLES).map(([k, v]) => [k, v.zh as string])) as Record<string, string>,
  ...appealsZh,
  ...applicationsZh,
  ...appointmentsZh,
  ...bundlesZh,
  ...catalogueZh,
  ...catalogueAdminZh,
  ...certificatesZh,
  ...dataAdminZh,
  ...homeZh,
  ...identityZh,
  ...proactiveZh,
  ...ratingsZh,
  ...workbenchZh,
  ...workbenchAdminZh,
  orgKinds: Object.fromEntries(Object.entries(ORG_KINDS).map(([k, v]) => [k, v.zh as string])) as Record<string, string>,
  scopes: Object.fromEntries(Object.entries(AGENT_SCOPES).map(([k, v]) => [k, v.zh as string])) as Record<string, string>,
  marital: { unmarried: "未婚", married: "已婚", divorced: "离异", widowed: "丧偶", unknown: "未知" },
};

/** English mirrors the Chinese keys; a missing key fails the type check. */
type Messages = { [K in keyof typeof zh]: (typeof zh)[K] extends Record<string, string> ? Record<keyof (typeof zh)[K], string> : never };

const en: Messages = {
  app: { name: "Haoban", city: "Shanghai", slogan: "One network, easy to use · Government services", skip: "Skip to main content", footer: "Shanghai one-network government services · Enquiries and complaints: call 12345" },
  nav: { appeals: "12345", policies: "Policies", main: "Main navigation", home: "Home", personal: "For citizens", enterprise: "For businesses", bundles: "Life events", departments: "Departments", login: "Log in", register: "Register", me: "My account", workbench: "Workbench", logout: "Log out", language: "中文", languageLabel: "Switch language" },
  msg: { title: "Messages", toolDesc: "Application reminders, overdue alerts and notices", unread: "{{n}} unread", readAll: "Mark all read", markRead: "Mark read", empty: "No messages", new: "new", channel_sms: "SMS", channel_email: "E-mail", status_sent: "sent", status_pending: "sending", status_failed: "failed", settings: "Notification settings", smsLabel: "Text my registered mobile when an application changes", emailLabel: "E-mail", noEmail: "not set", saveEmail: "Save e-mail", emailOff: "E-mail notifications are not enabled on this platform", proactiveLabel: "Tell me what I may need (proactive reminders, matching policies, benefits without applying)" },
  form: { check: "Check", valid: "All answers are valid", boundTo: "Data element: {{element}}", noRows: "No rows", addRow: "Add {{label}}", removeRow: "Remove" },
  staff: {
    title: "Staff administration",
    search: "Search by name or username",
    add: "Add staff",
    username: "Username",
    name: "Name",
    org: "Organisation",
    roles: "Roles",
    status: "Status",
    enabled: "Active",
    disabled: "Disabled",
    actions: "Actions",
    edit: "Edit",
    save: "Save",
    cancel: "Cancel",
    mobile: "Mobile (optional)",
    initialPassword: "Initial password",
    disableAccount: "Disable account",
    created: "Staff member added",
    saved: "Saved",
    total: "{{total}} in all",
    chooseOrg: "Choose an organisation",
  },
  common: { loading: "Loading…", error: "Something went wrong", retry: "Retry", back: "Back", notFound: "Page not found", notFoundDesc: "The page you asked for does not exist.", home: "Home", pageLoadFailed: "The page did not load", pageLoadFailedDesc: "The connection may be unstable, or the platform was just updated. Please reload the page and try again.", reload: "Reload page", needLogin: "Please log in", forbidden: "You may not view this page", yes: "Yes", no: "No" },
  roles: Object.fromEntries(Object.entries(ROLES).map(([k, v]) => [k, v.en])),
  ...appealsEn,
  ...applicationsEn,
  ...appointmentsEn,
  ...bundlesEn,
  ...catalogueEn,
  ...catalogueAdminEn,
  ...certificatesEn,
  ...dataAdminEn,
  ...homeEn,
  ...identityEn,
  ...proactiveEn,
  ...ratingsEn,
  ...workbenchEn,
  ...workbenchAdminEn,
  orgKinds: Object.fromEntries(Object.entries(ORG_KINDS).map(([k, v]) => [k, v.en])),
  scopes: Object.fromEntries(Object.entries(AGENT_SCOPES).map(([k, v]) => [k, v.en])),
  marital: { unmarried: "Single", married: "Married", divorced: "Divorced", widowed: "Widowed", unknown: "Unknown" },
};

export type Lang = "zh" | "en";

function initialLang(): Lang {
  const cookie = document.cookie.match(/(?:^|; )haoban_lang=(zh|en)/)?.[1];
  return (cookie as Lang | undefined) ?? "zh";
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: "zh",
  interpolation: { escapeValue: false },
});

/** Switches the UI language and tells the server (error messages follow the same cookie). */
export function setLanguage(lang: Lang) {
  document.cookie = `haoban_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  void i18n.changeLanguage(lang);
}

// The UI language decides the API's language too (names, messages), whatever the browser asks for.
setLanguage(initialLang());

export default i18n;
