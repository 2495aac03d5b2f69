/** Reference lists of the service catalogue (domain-rules.md: kinds of items, elements of a guide). */

/** Item kinds with their 2-letter type codes for basic codes (DB52/T 1264-style: XK00012000). */
export const ITEM_KINDS = {
  XK: { zh: "行政许可", en: "Administrative licence" },
  QR: { zh: "行政确认", en: "Administrative confirmation" },
  CJ: { zh: "行政裁决", en: "Administrative adjudication" },
  JF: { zh: "行政给付", en: "Administrative benefit" },
  JL: { zh: "行政奖励", en: "Administrative award" },
  BA: { zh: "行政备案", en: "Administrative filing" },
  QT: { zh: "其他行政权力", en: "Other administrative power" },
  GG: { zh: "公共服务", en: "Public service" },
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const ITEM_KIND_CODES = Object.keys(ITEM_KINDS) as [ItemKind, ...ItemKind[]];

export const ITEM_ACTIONS = { new: "新设", change: "变更", renew: "延续", cancel: "注销", none: "—" } as const;
export type ItemAction = keyof typeof ITEM_ACTIONS;

export const LEVELS = {
  city: { zh: "市级", en: "City" },
  district: { zh: "区级", en: "District" },
  street: { zh: "街镇级", en: "Street/town" },
  community: { zh: "村居级", en: "Community" },
} as const;
export type Level = keyof typeof LEVELS;
export const LEVEL_CODES = Object.keys(LEVELS) as [Level, ...Level[]];
/** The digit for the level of authority in implementation codes. */
export const LEVEL_DIGIT: Record<Level, string> = { city: "2", district: "3", street: "4", community: "5" };

export const AUDIENCES = { person: { zh: "个人", en: "Citizens" }, enterprise: { zh: "法人", en: "Businesses" } } as const;
export type Audience = keyof typeof AUDIENCES;

/** Themes for browsing (个人 and 法人). */
export const THEMES = {
  birth: { zh: "生育", en: "Birth" },
  education: { zh: "教育", en: "Education" },
  employment: { zh: "就业", en: "Employment" },
  social_security: { zh: "社保", en: "Social security" },
  medical: { zh: "医疗", en: "Health care" },
  elderly: { zh: "养老", en: "Old age" },
  housing: { zh: "住房", en: "Housing" },
  marriage: { zh: "婚姻", en: "Marriage" },
  travel: { zh: "出行", en: "Travel" },
  household: { zh: "户籍", en: "Household registration" },
  disability: { zh: "残疾人", en: "Disability" },
  start_business: { zh: "企业开办", en: "Starting a business" },
  operation: { zh: "经营", en: "Operating" },
  tax: { zh: "税务", en: "Tax" },
  construction: { zh: "工程建设", en: "Construction" },
  closure: { zh: "注销", en: "Closing down" },
} as const;
export type Theme = keyof typeof THEMES;
export const THEME_CODES = Object.keys(THEMES) as [Theme, ...Theme[]];

export const CHANNELS = { online: { zh: "网上办理", en: "Online" }, window: { zh: "窗口办理", en: "At a window" }, post: { zh: "邮寄办理", en: "By post" } } as const;
export type Channel = keyof typeof CHANNELS;

/** Online-handling depth: 一级 information only … 四级 全程网办. */
export const ONLINE_DEPTHS = {
  1: { zh: "一级（网上咨询）", en: "Level 1: information online" },
  2: { zh: "二级（网上预约/下载表格）", en: "Level 2: booking and forms online" },
  3: { zh: "三级（网上预审）", en: "Level 3: pre-check online" },
  4: { zh: "四级（全程网办）", en: "Level 4: fully online" },
} as const;

export const SCOPES = { citywide: { zh: "全市通办", en: "Anywhere in the city" }, cross_province: { zh: "跨省通办", en: "Across provinces" } } as const;
export type Scope = keyof typeof SCOPES;

export const FIELD_TYPES = {
  text: "文本",
  textarea: "多行文本",
  number: "数字",
  date: "日期",
  choice: "选择",
  address: "地址",
  idNumber: "身份证号码",
  creditCode: "统一社会信用代码",
  mobile: "手机号码",
  table: "表格（可重复）",
  attachment: "附件",
} as const;
export type FieldType = keyof typeof FIELD_TYPES;
export const FIELD_TYPE_CODES = Object.keys(FIELD_TYPES) as [FieldType, ...FieldType[]];

export const MATERIAL_FORMS = { original: "原件", copy: "复印件", original_and_copy: "原件和复印件" } as const;
export const MATERIAL_MEDIA = { paper: "纸质", electronic: "电子", either: "纸质或电子" } as const;

export const POLICY_STATUSES = { valid: { zh: "有效", en: "In force" }, revised: { zh: "已修订", en: "Revised" }, repealed: { zh: "已废止", en: "Repealed" } } as const;
export type PolicyStatus = keyof typeof POLICY_STATUSES;

/** Certificate types that can stand in for a material (the once-only issue issues them). */
export const CERTIFICATE_TYPES: Record<string, string> = {
  resident_id: "居民身份证",
  household_register: "居民户口簿",
  business_licence: "营业执照",
  marriage_certificate: "结婚证",
  birth_certificate: "出生医学证明",
  residence_permit: "上海市居住证",
  property_certificate: "不动产权证书",
  disability_certificate: "残疾人证",
  food_business_licence: "食品经营许可证",
  social_security_card: "社会保障卡",
  planning_permit: "建设工程规划许可证",
  retirement_certificate: "退休证",
  education_certificate: "学历证书",
  senior_card: "上海市敬老卡",
};

/** How often a person (or enterprise) may hold an item: absent means as often as they apply. */
export const HOLDING_LIMITS = {
  once: { zh: "每人（或每个企业）限享受一次", en: "Once per person or enterprise" },
  once_per_child: { zh: "每名子女限享受一次", en: "Once per child" },
  one_in_progress: { zh: "同一时间只能有一件在办", en: "One application in progress at a time" },
} as const;
export type HoldingLimit = keyof typeof HOLDING_LIMITS;
export const HOLDING_LIMIT_CODES = Object.keys(HOLDING_LIMITS) as [HoldingLimit, ...HoldingLimit[]];
