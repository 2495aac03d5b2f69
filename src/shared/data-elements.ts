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
};

export function dataElementLabel(code: string, lang: "zh" | "en"): string {
  return DATA_ELEMENTS[code]?.[lang] ?? code;
}
