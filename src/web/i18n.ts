import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { ROLES, ORG_KINDS, AGENT_SCOPES } from "../shared/roles";
import { appealsZh } from "./features/appeals/i18n";
import { applicationsZh } from "./features/applications/i18n";
import { appointmentsZh } from "./features/appointments/i18n";
import { bundlesZh } from "./features/bundles/i18n";
import { signingZh } from "./features/signing/i18n";
import { supervisionZh } from "./features/supervision/i18n";
import { paymentsZh } from "./features/payments/i18n";
import { integrationsZh } from "./features/integrations/i18n";
import { deliveryZh } from "./features/delivery/i18n";
import { catalogueZh } from "./features/catalogue/i18n";
import { catalogueAdminZh } from "./features/workbench/catalogue/i18n";
import { certificatesZh } from "./features/certificates/i18n";
import { dataAdminZh } from "./features/workbench/data/i18n";
import { homeZh } from "./features/home/i18n";
import { identityZh } from "./features/identity/i18n";
import { proactiveZh } from "./features/proactive/i18n";
import { ratingsZh } from "./features/ratings/i18n";
import { workbenchZh } from "./features/workbench/i18n";
import { workbenchAdminZh } from "./features/workbench/admin/i18n";

const zh = {
  app: { name: "好办", city: "上海市", slogan: "一网好办 · 政务服务平台", skip: "跳到主要内容", footer: "上海市一网好办政务服务平台 · 咨询投诉请拨打 12345" },
  staffNav: { post: "当前岗位", label: "工作台导航", waiting: "件待办", open: "件未办结", overdue: "件已超期" },
  nav: { policies: "政策", appeals: "12345 诉求", main: "主导航", home: "首页", personal: "个人办事", enterprise: "法人办事", bundles: "一件事", departments: "部门", login: "登录", register: "注册", me: "个人中心", workbench: "工作台", logout: "退出登录", language: "English", languageLabel: "切换语言", menu: "菜单", accountMenu: "{{name}}的账户菜单", messages: "消息", messagesUnread: "消息，{{n}} 条未读", myApplications: "我的办件", elder: "长辈模式" },
  msg: { title: "消息中心", toolDesc: "办件提醒、超期督办和系统通知", unread: "未读 {{n}} 条", readAll: "全部标为已读", markRead: "标为已读", empty: "暂无消息", new: "未读", channel_sms: "短信", channel_email: "邮件", status_sent: "已发送", status_pending: "发送中", status_failed: "发送失败", settings: "通知设置", smsLabel: "办件状态变化时发送短信到注册手机", emailLabel: "通知邮箱", noEmail: "未设置", saveEmail: "保存邮箱", emailOff: "本平台未开通邮件通知", proactiveLabel: "接收主动服务提醒（“您可能需要办理…”、政策找人、免申即享）" },
  form: { errorSummary: "有 {{count}} 处需要修改，请按提示填写：", check: "检查填写", valid: "填写符合要求", boundTo: "对应数据元：{{element}}", noRows: "暂无内容", addRow: "添加{{label}}", removeRow: "删除" },
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
  division: { placeholder: "请选择区，可再选街道（镇）" },
  address: {
    problem: "该地址{{problem}}",
    unverified: "标准地址库中暂无该地址，由承办部门核实",
    placeholder: "请依次选择区、街道（镇）、道路、门牌号、室号",
    type: "地址库中没有？手动填写",
    pick: "从标准地址库选择",
    typeHint: "如：上海市黄浦区福州路100号",
    known: "该地址已在标准地址库中",
    unknown: "标准地址库中暂无该地址，提交后由承办部门核实",
  },
  benefitResult: { title: "待遇已核定", body: "{{sentence}}。", stopped: "该待遇已停发。" },
  common: { empty: "暂无内容", loading: "正在加载…", error: "出错了", retry: "重试", back: "返回", notFound: "页面不存在", notFoundDesc: "您访问的页面不存在或已被移除。", home: "返回首页", pageLoadFailed: "页面没有加载成功", pageLoadFailedDesc: "可能是网络不稳定，或平台刚刚更新，请刷新页面后再试。", reload: "刷新页面", needLogin: "请先登录", forbidden: "您没有访问此页面的权限", yes: "是", no: "否" },
  roles: Object.fromEntries(Object.entries(ROLES).map(([k, v]) => [k, v.zh as string])) as Record<string, string>,
  ...appealsZh,
  ...applicationsZh,
  ...appointmentsZh,
  ...bundlesZh,
  ...signingZh,
  ...supervisionZh,
  ...paymentsZh,
  ...integrationsZh,
  ...deliveryZh,
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

/** English mirrors the Chinese keys (web/i18n.en.ts); a missing key fails the type check. */
export type Messages = { [K in keyof typeof zh]: (typeof zh)[K] extends Record<string, string> ? Record<keyof (typeof zh)[K], string> : never };

export type Lang = "zh" | "en";

function initialLang(): Lang {
  const cookie = document.cookie.match(/(?:^|; )haoban_lang=(zh|en)/)?.[1];
  return (cookie as Lang | undefined) ?? "zh";
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh } },
  lng: "zh",
  fallbackLng: "zh",
  interpolation: { escapeValue: false },
});

/** English is downloaded the first time it is chosen: a Chinese page does not carry its dictionary. */
async function load(lang: Lang) {
  if (lang === "en" && !i18n.hasResourceBundle("en", "translation")) {
    const { en } = await import("./i18n.en");
    i18n.addResourceBundle("en", "translation", en);
  }
}

/** Switches the UI language and tells the server (error messages follow the same cookie). */
export async function setLanguage(lang: Lang) {
  await load(lang);
  document.cookie = `haoban_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  await i18n.changeLanguage(lang);
}

/** The UI language decides the API's language too (names, messages), whatever the browser asks for. Resolves once its dictionary is here. */
export const languageReady: Promise<void> = setLanguage(initialLang()).catch(() => setLanguage("zh"));

export default i18n;
