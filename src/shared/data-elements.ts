/**
 * The standard data elements (数据元) the platform ships with: forms, registries, certificates and the
 * sharing log refer to elements by these codes. The dictionary administrators maintain lives in the
 * database (seeded from this list); this list is the built-in standard and the fallback for labels.
 */
export type DataElementValueType = "string" | "date" | "number" | "code" | "boolean";
export type Sensitivity = "public" | "internal" | "personal" | "sensitive";

export interface DataElementDef {
  code: string;
  name: string;
  nameEn: string;
  valueType: DataElementValueType;
  format?: string;
  codeList?: Array<{ value: string; label: string }>;
  description: string;
  /** 公开 / 内部 / 个人 / 敏感个人信息. */
  sensitivity: Sensitivity;
  /** The registry's value is legally binding: a prefilled field bound to it cannot be altered. */
  authoritative: boolean;
}

export const SENSITIVITY_LABELS: Record<Sensitivity, { zh: string; en: string }> = {
  public: { zh: "公开", en: "Public" },
  internal: { zh: "内部", en: "Internal" },
  personal: { zh: "个人信息", en: "Personal" },
  sensitive: { zh: "敏感个人信息", en: "Sensitive personal" },
};

/** Element codes: a lower-case namespace, a dot and a camelCase name (person.idNumber). */
export const DATA_ELEMENT_CODE = /^[a-z][a-z0-9]{1,19}\.[a-z][a-zA-Z0-9]{1,39}$/;

export const STANDARD_DATA_ELEMENTS: DataElementDef[] = [
  { code: "person.name", name: "姓名", nameEn: "Name", valueType: "string", description: "姓名，以居民身份证登记为准", sensitivity: "personal", authoritative: true },
  { code: "person.idNumber", name: "身份证号码", nameEn: "ID number", valueType: "string", format: "GB 11643：18 位，末位校验码（MOD 11-2）", description: "公民身份号码", sensitivity: "sensitive", authoritative: true },
  { code: "person.gender", name: "性别", nameEn: "Gender", valueType: "code", codeList: [{ value: "M", label: "男" }, { value: "F", label: "女" }], description: "GB/T 2261.1 人的性别代码", sensitivity: "personal", authoritative: true },
  { code: "person.birthDate", name: "出生日期", nameEn: "Date of birth", valueType: "date", format: "YYYY-MM-DD", description: "出生日期", sensitivity: "personal", authoritative: true },
  { code: "person.hukou", name: "户籍地", nameEn: "Household registration", valueType: "code", format: "GB/T 2260 行政区划代码（6 位）", description: "常住户口所在地", sensitivity: "personal", authoritative: true },
  { code: "person.address", name: "居住地址", nameEn: "Address", valueType: "string", description: "实际居住地址", sensitivity: "sensitive", authoritative: false },
  { code: "person.mobile", name: "手机号码", nameEn: "Mobile", valueType: "string", format: "11 位手机号码", description: "本人手机号码", sensitivity: "sensitive", authoritative: false },
  { code: "person.maritalStatus", name: "婚姻状况", nameEn: "Marital status", valueType: "code", codeList: [{ value: "unmarried", label: "未婚" }, { value: "married", label: "已婚" }, { value: "divorced", label: "离婚" }, { value: "widowed", label: "丧偶" }], description: "GB/T 2261.2 婚姻状况代码", sensitivity: "personal", authoritative: true },
  { code: "person.ethnicity", name: "民族", nameEn: "Ethnicity", valueType: "code", description: "GB/T 3304 民族代码", sensitivity: "personal", authoritative: true },
  { code: "person.education", name: "学历", nameEn: "Education", valueType: "code", description: "最高学历", sensitivity: "personal", authoritative: false },
  { code: "person.employer", name: "工作单位", nameEn: "Employer", valueType: "string", description: "现工作单位名称", sensitivity: "personal", authoritative: false },
  { code: "person.bankAccount", name: "银行账号", nameEn: "Bank account", valueType: "string", description: "本人银行结算账户", sensitivity: "sensitive", authoritative: false },
  { code: "person.socialSecurityNumber", name: "社会保障号码", nameEn: "Social security number", valueType: "string", description: "社会保障号码（与公民身份号码一致）", sensitivity: "sensitive", authoritative: true },
  { code: "person.disabilityCertNumber", name: "残疾人证号", nameEn: "Disability certificate number", valueType: "string", description: "残疾人证号", sensitivity: "sensitive", authoritative: true },
  { code: "spouse.name", name: "配偶姓名", nameEn: "Spouse's name", valueType: "string", description: "配偶姓名", sensitivity: "personal", authoritative: true },
  { code: "spouse.idNumber", name: "配偶身份证号码", nameEn: "Spouse's ID number", valueType: "string", format: "GB 11643：18 位", description: "配偶公民身份号码", sensitivity: "sensitive", authoritative: true },
  { code: "child.name", name: "子女姓名", nameEn: "Child's name", valueType: "string", description: "子女姓名", sensitivity: "personal", authoritative: true },
  { code: "child.gender", name: "子女性别", nameEn: "Child's gender", valueType: "code", codeList: [{ value: "M", label: "男" }, { value: "F", label: "女" }], description: "子女性别", sensitivity: "personal", authoritative: true },
  { code: "child.birthDate", name: "子女出生日期", nameEn: "Child's date of birth", valueType: "date", format: "YYYY-MM-DD", description: "子女出生日期", sensitivity: "personal", authoritative: true },
  { code: "child.birthPlace", name: "出生地点", nameEn: "Place of birth", valueType: "string", description: "出生地点（助产机构）", sensitivity: "personal", authoritative: true },
  { code: "child.birthCertNumber", name: "出生医学证明编号", nameEn: "Birth certificate number", valueType: "string", description: "出生医学证明编号", sensitivity: "personal", authoritative: true },
  { code: "enterprise.name", name: "企业名称", nameEn: "Enterprise name", valueType: "string", description: "市场主体名称，以营业执照为准", sensitivity: "public", authoritative: true },
  { code: "enterprise.creditCode", name: "统一社会信用代码", nameEn: "Unified social credit code", valueType: "string", format: "GB 32100：18 位，末位校验码", description: "统一社会信用代码", sensitivity: "public", authoritative: true },
  { code: "enterprise.type", name: "企业类型", nameEn: "Enterprise type", valueType: "code", codeList: [{ value: "企业", label: "企业" }, { value: "个体工商户", label: "个体工商户" }, { value: "农民专业合作社", label: "农民专业合作社" }], description: "市场主体类型", sensitivity: "public", authoritative: true },
  { code: "enterprise.legalRepName", name: "法定代表人姓名", nameEn: "Legal representative", valueType: "string", description: "法定代表人（负责人）姓名", sensitivity: "public", authoritative: true },
  { code: "enterprise.legalRepIdNumber", name: "法定代表人身份证号码", nameEn: "Legal representative's ID number", valueType: "string", format: "GB 11643：18 位", description: "法定代表人公民身份号码", sensitivity: "sensitive", authoritative: true },
  { code: "enterprise.registeredCapital", name: "注册资本（万元）", nameEn: "Registered capital (10k yuan)", valueType: "number", format: "万元，两位小数", description: "注册资本", sensitivity: "public", authoritative: true },
  { code: "enterprise.businessScope", name: "经营范围", nameEn: "Business scope", valueType: "string", description: "经营范围", sensitivity: "public", authoritative: false },
  { code: "enterprise.industry", name: "所属行业", nameEn: "Industry", valueType: "code", format: "GB/T 4754 国民经济行业分类", description: "所属行业", sensitivity: "public", authoritative: false },
  { code: "enterprise.employees", name: "从业人数", nameEn: "Employees", valueType: "number", description: "从业人数", sensitivity: "internal", authoritative: false },
  { code: "enterprise.address", name: "企业住所", nameEn: "Registered address", valueType: "string", description: "企业登记的住所（经营场所）详细地址；设立时由申请人选择，不是法定代表人的住址", sensitivity: "public", authoritative: true },
  { code: "enterprise.divisionCode", name: "企业住所所在行政区划", nameEn: "Division of the registered address", valueType: "code", format: "GB/T 2260", description: "企业住所所在的区（街道、镇）行政区划代码", sensitivity: "public", authoritative: true },
  { code: "enterprise.bankAccount", name: "对公银行账号", nameEn: "Corporate bank account", valueType: "string", description: "对公银行结算账户", sensitivity: "internal", authoritative: false },
  { code: "address.divisionCode", name: "行政区划代码", nameEn: "Division code", valueType: "code", format: "GB/T 2260 行政区划代码", description: "地址所在行政区划", sensitivity: "public", authoritative: false },
  { code: "address.detail", name: "详细地址", nameEn: "Street address", valueType: "string", description: "详细地址", sensitivity: "sensitive", authoritative: false },
  { code: "contact.name", name: "联系人", nameEn: "Contact person", valueType: "string", description: "联系人姓名", sensitivity: "personal", authoritative: false },
  { code: "contact.mobile", name: "联系电话", nameEn: "Contact phone", valueType: "string", format: "11 位手机号码", description: "联系电话", sensitivity: "sensitive", authoritative: false },
  { code: "shareholder.name", name: "股东（自然人）姓名", nameEn: "Shareholder's name", valueType: "string", description: "自然人股东（出资人）姓名", sensitivity: "personal", authoritative: false },
  { code: "shareholder.idNumber", name: "股东（自然人）身份证号码", nameEn: "Shareholder's ID number", valueType: "string", format: "GB 11643：18 位", description: "自然人股东（出资人）公民身份号码", sensitivity: "sensitive", authoritative: false },
  { code: "tax.officerName", name: "办税人员姓名", nameEn: "Tax officer's name", valueType: "string", description: "企业办税人员姓名", sensitivity: "personal", authoritative: false },
  { code: "tax.officerIdNumber", name: "办税人员身份证号码", nameEn: "Tax officer's ID number", valueType: "string", format: "GB 11643：18 位", description: "企业办税人员公民身份号码", sensitivity: "sensitive", authoritative: false },
  { code: "property.certNumber", name: "不动产权证书号", nameEn: "Property certificate number", valueType: "string", description: "不动产权证书号", sensitivity: "personal", authoritative: true },
  { code: "property.area", name: "建筑面积（平方米）", nameEn: "Floor area (m²)", valueType: "number", format: "平方米，两位小数", description: "建筑面积", sensitivity: "personal", authoritative: true },
  { code: "project.name", name: "项目名称", nameEn: "Project name", valueType: "string", description: "建设项目名称", sensitivity: "public", authoritative: false },
  { code: "project.landArea", name: "用地面积（平方米）", nameEn: "Land area (m²)", valueType: "number", format: "平方米", description: "用地面积", sensitivity: "public", authoritative: false },
  { code: "vehicle.plateNumber", name: "号牌号码", nameEn: "Plate number", valueType: "string", description: "机动车号牌号码", sensitivity: "personal", authoritative: true },
  { code: "application.reason", name: "申请事由", nameEn: "Reason", valueType: "string", description: "申请事由", sensitivity: "internal", authoritative: false },
  { code: "application.date", name: "申请日期", nameEn: "Date", valueType: "date", format: "YYYY-MM-DD", description: "申请日期", sensitivity: "internal", authoritative: false },
  { code: "application.amount", name: "金额（元）", nameEn: "Amount (yuan)", valueType: "number", format: "元", description: "申请金额", sensitivity: "internal", authoritative: false },
  { code: "application.count", name: "数量", nameEn: "Quantity", valueType: "number", description: "申请数量", sensitivity: "internal", authoritative: false },];

export const DATA_ELEMENTS: Record<string, { zh: string; en: string }> = Object.fromEntries(STANDARD_DATA_ELEMENTS.map((e) => [e.code, { zh: e.name, en: e.nameEn }]));

export function dataElementLabel(code: string, lang: "zh" | "en"): string {
  return DATA_ELEMENTS[code]?.[lang] ?? code;
}
