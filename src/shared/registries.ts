/** The base registries a value can come from. */
export const REGISTRIES = {
  population: { zh: "人口库", en: "Population registry" },
  legal_person: { zh: "法人库", en: "Legal-person registry" },
  certificates: { zh: "电子证照库", en: "E-certificate library" },
  address: { zh: "地址库", en: "Address registry" },
  credit: { zh: "信用库", en: "Credit registry" },
  account: { zh: "实名账户", en: "Real-name account" },
} as const;
export type Registry = keyof typeof REGISTRIES;

/** The base registries departments load by file. */
export const IMPORTABLE = ["population", "legal_person", "credit", "address"] as const;
export type ImportableRegistry = (typeof IMPORTABLE)[number];
