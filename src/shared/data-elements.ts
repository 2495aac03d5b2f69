/**
 * Standard data elements (数据元) known so far, with their names. Forms, registries and the
 * sharing log refer to elements by these codes; the once-only issue grows this into a dictionary.
 */
export const DATA_ELEMENTS: Record<string, { zh: string; en: string }> = {
  "person.name": { zh: "姓名", en: "Name" },
  "person.idNumber": { zh: "身份证号码", en: "ID number" },
  "person.gender": { zh: "性别", en: "Gender" },
  "person.birthDate": { zh: "出生日期", en: "Date of birth" },
  "person.hukou": { zh: "户籍地", en: "Household registration" },
  "person.address": { zh: "居住地址", en: "Address" },
  "person.mobile": { zh: "手机号码", en: "Mobile" },
  "person.maritalStatus": { zh: "婚姻状况", en: "Marital status" },
  "person.ethnicity": { zh: "民族", en: "Ethnicity" },
  "person.education": { zh: "学历", en: "Education" },
  "person.employer": { zh: "工作单位", en: "Employer" },
  "person.bankAccount": { zh: "银行账号", en: "Bank account" },
  "person.socialSecurityNumber": { zh: "社会保障号码", en: "Social security number" },
  "person.disabilityCertNumber": { zh: "残疾人证号", en: "Disability certificate number" },
  "spouse.name": { zh: "配偶姓名", en: "Spouse's name" },
  "spouse.idNumber": { zh: "配偶身份证号码", en: "Spouse's ID number" },
  "child.name": { zh: "子女姓名", en: "Child's name" },
  "child.gender": { zh: "子女性别", en: "Child's gender" },
  "child.birthDate": { zh: "子女出生日期", en: "Child's date of birth" },
  "child.birthPlace": { zh: "出生地点", en: "Place of birth" },
  "child.birthCertNumber": { zh: "出生医学证明编号", en: "Birth certificate number" },
  "enterprise.name": { zh: "企业名称", en: "Enterprise name" },
  "enterprise.creditCode": { zh: "统一社会信用代码", en: "Unified social credit code" },
  "enterprise.type": { zh: "企业类型", en: "Enterprise type" },
  "enterprise.legalRepName": { zh: "法定代表人姓名", en: "Legal representative" },
  "enterprise.legalRepIdNumber": { zh: "法定代表人身份证号码", en: "Legal representative's ID number" },
  "enterprise.registeredCapital": { zh: "注册资本（万元）", en: "Registered capital (10k yuan)" },
  "enterprise.businessScope": { zh: "经营范围", en: "Business scope" },
  "enterprise.industry": { zh: "所属行业", en: "Industry" },
  "enterprise.employees": { zh: "从业人数", en: "Employees" },
  "enterprise.bankAccount": { zh: "对公银行账号", en: "Corporate bank account" },
  "address.divisionCode": { zh: "行政区划代码", en: "Division code" },
  "address.detail": { zh: "详细地址", en: "Street address" },
  "contact.name": { zh: "联系人", en: "Contact person" },
  "contact.mobile": { zh: "联系电话", en: "Contact phone" },
  "property.certNumber": { zh: "不动产权证书号", en: "Property certificate number" },
  "property.area": { zh: "建筑面积（平方米）", en: "Floor area (m²)" },
  "project.name": { zh: "项目名称", en: "Project name" },
  "project.landArea": { zh: "用地面积（平方米）", en: "Land area (m²)" },
  "vehicle.plateNumber": { zh: "号牌号码", en: "Plate number" },
  "application.reason": { zh: "申请事由", en: "Reason" },
  "application.date": { zh: "申请日期", en: "Date" },
  "application.amount": { zh: "金额（元）", en: "Amount (yuan)" },
  "application.count": { zh: "数量", en: "Quantity" },
};

export function dataElementLabel(code: string, lang: "zh" | "en"): string {
  return DATA_ELEMENTS[code]?.[lang] ?? code;
}
