import type { z } from "zod";
import type { bundleDefinition } from "../../../shared/schemas/bundle";

type BundleInput = z.input<typeof bundleDefinition>;

/** What items after a new company's registration take from its business licence. */
const FROM_LICENCE_OF = (item: string) => ({ item, certificateAs: "business_licence", fields: { enterpriseName: "enterpriseName", creditCode: "cert.creditCode", legalRep: "legalRep" } });
const FROM_LICENCE = FROM_LICENCE_OF("licence");
/** …and the basic account the bank opens for the new company once it exists (银行开户), not asked up front. */
const FROM_LICENCE_AND_BANK = { ...FROM_LICENCE, fields: { ...FROM_LICENCE.fields, bankAccount: "bank.accountNumber" } };

/**
 * The demo city's 一件事 bundles, built from the catalogue's own items (by basic code). Each
 * applicant's district implementation handles an item; items only the city implements go to the city.
 */
export const DEMO_BUNDLES: BundleInput[] = [
  {
    code: "START_BUSINESS",
    name: "企业开办一件事",
    theme: "start_business",
    summary: "新开办企业一次申请，同步办理营业执照、公章刻制、涉税信息确认和发票领用、社会保险登记、住房公积金缴存登记；营业执照核发后其余事项自动开始，电子营业执照作为共享材料。",
    keywords: ["开公司", "注册公司", "开办企业", "办执照", "开店"],
    audience: "person",
    leadDept: "AMR",
    questions: [
      { key: "seal", text: "是否需要刻制印章（新办企业免费领取首套）？", options: [{ value: "yes", label: "需要" }, { value: "no", label: "不需要", excludes: ["seal"] }] },
      { key: "invoice", text: "开业后是否需要开具发票？", options: [{ value: "yes", label: "需要", includes: ["invoice"] }, { value: "no", label: "暂不需要" }] },
      { key: "staff", text: "是否招用员工？", help: "招用员工的，应办理住房公积金单位缴存登记。", options: [{ value: "yes", label: "招用员工", includes: ["housing_fund"] }, { value: "no", label: "暂不招用" }] },
      { key: "agent", text: "是否委托他人代为办理？", options: [{ value: "no", label: "本人办理", waivesMaterials: ["licence.agent_authorisation"] }, { value: "yes", label: "委托他人" }] },
    ],
    items: [
      { key: "licence", basicCode: "XK00001001" },
      { key: "seal", basicCode: "BA00001000", dependsOn: [FROM_LICENCE] },
      { key: "tax", basicCode: "BA00002000", dependsOn: [FROM_LICENCE_AND_BANK] },
      { key: "invoice", basicCode: "QT00001000", optional: true, dependsOn: [{ item: "licence", fields: FROM_LICENCE.fields }, { item: "tax" }] },
      { key: "social_insurance", basicCode: "QR00004001", dependsOn: [FROM_LICENCE_AND_BANK] },
      { key: "housing_fund", basicCode: "GG00005001", optional: true, dependsOn: [FROM_LICENCE] },
    ],
    onDenial: "stop_dependants",
    limitDays: 3,
  },
  {
    code: "NEWBORN",
    name: "新生儿出生一件事",
    theme: "birth",
    summary: "新生儿出生后一次申请，办理出生医学证明、出生登记（落户）、城乡居民医保参保、社会保障卡申领和预防接种证；前一事项办结后，证照自动作为后续事项的共享材料。",
    keywords: ["生孩子", "生宝宝", "新生儿", "宝宝落户", "出生"],
    audience: "person",
    leadDept: "HEALTH",
    questions: [
      { key: "birth_cert", text: "是否已领取《出生医学证明》？", options: [{ value: "no", label: "尚未领取" }, { value: "yes", label: "已领取", excludes: ["birth_cert"] }] },
      { key: "hukou", text: "新生儿是否在本市落户？", options: [{ value: "yes", label: "在本市落户" }, { value: "no", label: "不在本市落户", excludes: ["hukou"] }] },
      { key: "vaccination", text: "是否同时办理预防接种证？", options: [{ value: "yes", label: "同时办理", includes: ["vaccination"] }, { value: "no", label: "以后再办" }] },
    ],
    items: [
      { key: "birth_cert", basicCode: "GG00008001" },
      { key: "hukou", basicCode: "QR00001001", dependsOn: [{ item: "birth_cert", fields: { childName: "childName", childGender: "childGender", childBirthDate: "childBirthDate" } }] },
      { key: "insurance", basicCode: "GG00004001", dependsOn: [{ item: "hukou", certificateAs: "household_register" }] },
      { key: "ss_card", basicCode: "GG00002001", dependsOn: [{ item: "insurance" }] },
      { key: "vaccination", basicCode: "GG00008002", optional: true, dependsOn: [{ item: "birth_cert", fields: { childName: "childName", childBirthDate: "childBirthDate" } }] },
    ],
    onDenial: "stop_dependants",
    limitDays: 15,
  },
  {
    code: "OPEN_RESTAURANT",
    name: "开办餐饮店一件事",
    theme: "operation",
    summary: "开饭店、开餐馆一次申请：营业执照、食品经营许可、公众聚集场所营业前消防安全检查；营业执照核发后，许可和消防检查同步开始，电子营业执照作为共享材料。",
    keywords: ["开饭店", "开餐馆", "开饭馆", "开餐厅", "开奶茶店", "餐饮开店"],
    audience: "person",
    leadDept: "AMR",
    questions: [
      { key: "licence", text: "是否已有营业执照？", help: "已有营业执照的，直接办理食品经营许可等事项。", options: [{ value: "no", label: "还没有，需要新办" }, { value: "yes", label: "已有营业执照", excludes: ["company"] }] },
      { key: "venue", text: "店面建筑面积是否在 300 平方米以上？", help: "公众聚集场所投入使用、营业前须经消防安全检查。", options: [{ value: "large", label: "300 平方米以上", includes: ["fire"] }, { value: "small", label: "300 平方米以下" }] },
    ],
    items: [
      { key: "company", basicCode: "XK00001001" },
      { key: "food", basicCode: "XK00002001", dependsOn: [FROM_LICENCE_OF("company")] },
      { key: "fire", basicCode: "XK00009001", optional: true, dependsOn: [FROM_LICENCE_OF("company")] },
    ],
    onDenial: "stop_dependants",
    limitDays: 15,
  },
  {
    code: "RETIREMENT",
    name: "退休一件事",
    theme: "elderly",
    summary: "办退休一次申请：退休申请、基本养老金待遇核定、退休人员医保待遇转换，可同时申请提取住房公积金；退休审核通过后后续事项自动开始。",
    keywords: ["退休", "办退休", "退休手续", "领养老金", "退休金"],
    audience: "person",
    leadDept: "HRSS",
    questions: [
      { key: "fund", text: "是否同时提取住房公积金？", options: [{ value: "yes", label: "同时提取", includes: ["housing_fund"] }, { value: "no", label: "暂不提取" }] },
    ],
    items: [
      { key: "retire", basicCode: "JF00001000" },
      { key: "pension", basicCode: "QR00004002", dependsOn: [{ item: "retire", fields: { bankAccount: "bankAccount" } }] },
      { key: "medical", basicCode: "GG00004003", dependsOn: [{ item: "retire" }] },
      { key: "housing_fund", basicCode: "GG00005003", optional: true, dependsOn: [{ item: "retire" }] },
    ],
    onDenial: "stop_dependants",
    limitDays: 20,
  },
  {
    code: "RESALE_HOME",
    name: "二手房转移登记及水电气过户一件事",
    theme: "housing",
    summary: "买二手房一次申请：不动产转移登记办结后，供水、供电、燃气过户自动开始，无需再跑公用事业单位。",
    keywords: ["二手房过户", "买二手房", "房产过户", "水电气过户", "买房过户"],
    audience: "person",
    leadDept: "PLAN",
    questions: [
      { key: "utilities", text: "是否同时办理水电气过户？", options: [{ value: "yes", label: "同时办理" }, { value: "no", label: "暂不办理", excludes: ["utilities"] }] },
    ],
    items: [
      { key: "transfer", basicCode: "QR00006001" },
      { key: "utilities", basicCode: "GG00009001", dependsOn: [{ item: "transfer", fields: { certNumber: "certNumber" } }] },
    ],
    onDenial: "stop_dependants",
    limitDays: 8,
  },
];
