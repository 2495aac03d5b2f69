import { buildCreditCode } from "../../shared/validation/credit-code";
import { SHANGHAI_DISTRICTS } from "../../shared/validation/division-code";
import { buildIdNumber } from "../../shared/validation/id-number";
import { addressIn } from "./demo-addresses";
import { Prng } from "./prng";

export const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤".split("");
const GIVEN_M = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯峰建国志文龙俊彬宇晨阳天翔".split("");
const GIVEN_F = "芳娜敏静丽艳娟霞秀英华玲燕萍红梅琳雪婷颖倩慧佳欣怡悦晶璐瑶蕾".split("");
/** A synthetic resident of the demo city. */
export interface PersonSeed {
  key: string;
  name: string;
  idNumber: string;
  gender: "M" | "F";
  birthDate: string;
  districtCode: string;
  hukouDivisionCode: string;
  address: string;
  mobile: string;
  maritalStatus: "unmarried" | "married" | "divorced" | "widowed";
  spouseKey?: string;
  fatherKey?: string;
  motherKey?: string;
}

export interface EnterpriseSeed {
  creditCode: string;
  name: string;
  type: "企业" | "个体工商户" | "农民专业合作社";
  legalRepKey: string;
  districtCode: string;
  establishedOn: string;
  industry: string;
  registeredCapitalWan: number;
  address: string;
}

/**
 * Builds an ID number from an index so that generated people never collide. Demo people use
 * sequence numbers 500–999; the scale generator uses 000–499 with the same scheme.
 */
export function idNumberFor(districtCode: string, birthDate: string, k: number, gender: "M" | "F", base = 250): string {
  const seq = 2 * (base + (k % 250)) + (gender === "M" ? 1 : 0);
  return buildIdNumber(districtCode, birthDate, seq);
}

function pad(n: number, width = 2) {
  return String(n).padStart(width, "0");
}

export function randomName(rng: Prng, gender: "M" | "F"): string {
  const given = gender === "M" ? GIVEN_M : GIVEN_F;
  return rng.pick(SURNAMES) + rng.pick(given) + (rng.next() < 0.6 ? rng.pick(given) : "");
}

/** The demo account holders (mobiles 13800000001…) and people in the life situations later features use. */
const NAMED: Array<Omit<PersonSeed, "idNumber" | "address" | "mobile" | "hukouDivisionCode"> & { seq: number; hukou?: string }> = [
  { key: "p01", name: "张伟明", gender: "M", birthDate: "1985-03-12", districtCode: "310101", maritalStatus: "married", spouseKey: "p02", seq: 1 },
  { key: "p02", name: "李雪梅", gender: "F", birthDate: "1987-06-20", districtCode: "310101", maritalStatus: "married", spouseKey: "p01", seq: 2 },
  { key: "p03", name: "王建国", gender: "M", birthDate: "1966-11-15", districtCode: "310104", maritalStatus: "married", seq: 3 },
  { key: "p04", name: "赵秀英", gender: "F", birthDate: "1944-02-08", districtCode: "310106", maritalStatus: "widowed", seq: 4 },
  { key: "p05", name: "陈志强", gender: "M", birthDate: "1979-09-01", districtCode: "310115", maritalStatus: "married", seq: 5 },
  { key: "p06", name: "刘芳", gender: "F", birthDate: "1992-04-18", districtCode: "310112", maritalStatus: "unmarried", seq: 6 },
  // 孙浩 lives and works in Yangpu with a household registration in Nanjing: he holds a 上海市居住证.
  { key: "p07", name: "孙浩", gender: "M", birthDate: "1998-12-03", districtCode: "310110", hukou: "320106", maritalStatus: "unmarried", seq: 7 },
  { key: "p08", name: "周婷", gender: "F", birthDate: "1990-07-25", districtCode: "310105", maritalStatus: "married", spouseKey: "p13", seq: 8 },
  { key: "p09", name: "吴秀兰", gender: "F", birthDate: "1976-05-30", districtCode: "310107", maritalStatus: "married", seq: 9 },
  // 郑国华 has just turned 80: the platform tells him of the 高龄 allowance, which he gets in one click.
  { key: "p10", name: "郑国华", gender: "M", birthDate: "1946-11-20", districtCode: "310104", maritalStatus: "married", seq: 10 },
  // Newborns and another parent; people without accounts, for registration and life-event features.
  { key: "p11", name: "张子涵", gender: "M", birthDate: "2026-10-08", districtCode: "310101", maritalStatus: "unmarried", fatherKey: "p01", motherKey: "p02", seq: 11 },
  { key: "p12", name: "黄丽娟", gender: "F", birthDate: "1995-01-17", districtCode: "310109", maritalStatus: "unmarried", seq: 12 },
  { key: "p13", name: "吴磊", gender: "M", birthDate: "1988-02-14", districtCode: "310105", maritalStatus: "married", spouseKey: "p08", seq: 13 },
  { key: "p14", name: "吴思琪", gender: "F", birthDate: "2026-09-21", districtCode: "310105", maritalStatus: "unmarried", fatherKey: "p13", motherKey: "p08", seq: 14 },
];

/** 230 synthetic people: the named ones first, then generated residents of every district. */
export function demoPersons(count = 230): PersonSeed[] {
  const rng = new Prng(20261127);
  const people: PersonSeed[] = NAMED.map((p, i) => ({
    key: p.key,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    districtCode: p.districtCode,
    maritalStatus: p.maritalStatus,
    ...(p.spouseKey ? { spouseKey: p.spouseKey } : {}),
    ...(p.fatherKey ? { fatherKey: p.fatherKey } : {}),
    ...(p.motherKey ? { motherKey: p.motherKey } : {}),
    idNumber: idNumberFor(p.districtCode, p.birthDate, p.seq, p.gender),
    hukouDivisionCode: p.hukou ?? p.districtCode,
    address: addressIn(rng, p.districtCode),
    mobile: i < 10 ? `138000000${pad(i + 1)}` : `13900${String(100000 + i).slice(-6)}`,
  }));
  for (let i = people.length; i < count; i++) {
    const gender = i % 2 === 0 ? "M" : "F";
    const district = SHANGHAI_DISTRICTS[i % SHANGHAI_DISTRICTS.length]!.code;
    const birthDate = `${rng.int(1938, 2008)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    people.push({
      key: `p${pad(i + 1, 3)}`,
      name: randomName(rng, gender),
      gender,
      birthDate,
      districtCode: district,
      hukouDivisionCode: district,
      idNumber: idNumberFor(district, birthDate, 20 + i, gender),
      address: addressIn(rng, district),
      mobile: `13900${String(100000 + i).slice(-6)}`,
      maritalStatus: rng.next() < 0.6 ? "married" : "unmarried",
    });
  }
  return people;
}

const BRANDS = ["明远", "华信", "申江", "浦润", "东方星", "汇智", "锦程", "新禾", "博雅", "恒通", "云帆", "瑞丰", "海纳", "同创", "启明", "天成", "卓越", "金穗", "长风", "嘉和"];
const INDUSTRIES: Array<[string, string]> = [
  ["科技", "软件和信息技术服务业"],
  ["贸易", "批发业"],
  ["餐饮管理", "餐饮业"],
  ["物流", "道路运输业"],
  ["文化传媒", "文化艺术业"],
  ["建筑工程", "建筑装饰业"],
  ["生物医药", "医药制造业"],
];

/** 56 enterprises with valid credit codes, whose legal representatives are demo people. */
export function demoEnterprises(people: PersonSeed[]): EnterpriseSeed[] {
  const rng = new Prng(3100);
  const adults = people.filter((p) => p.birthDate >= "1956-01-01" && p.birthDate <= "2000-12-31" && !["p01", "p05", "p12"].includes(p.key));
  const result: EnterpriseSeed[] = [];
  const add = (e: Omit<EnterpriseSeed, "creditCode">, category: string, i: number) => {
    const body = `MA${String(1000000 + i * 7919).slice(-6)}`; // new-style organisation codes start with MA
    result.push({ ...e, creditCode: buildCreditCode("9", category, e.districtCode, body) });
  };
  add({ name: "上海明远科技有限公司", type: "企业", legalRepKey: "p01", districtCode: "310101", establishedOn: "2019-05-20", industry: "软件和信息技术服务业", registeredCapitalWan: 500, address: "上海市黄浦区四川中路213号5楼" }, "1", 0);
  add({ name: "上海浦润贸易有限公司", type: "企业", legalRepKey: "p05", districtCode: "310115", establishedOn: "2015-08-11", industry: "批发业", registeredCapitalWan: 1000, address: "上海市浦东新区世纪大道88号1201室" }, "1", 1);
  add({ name: "浦东新区志强小吃店", type: "个体工商户", legalRepKey: "p05", districtCode: "310115", establishedOn: "2021-03-02", industry: "餐饮业", registeredCapitalWan: 10, address: "上海市浦东新区张江路18号" }, "2", 2);
  add({ name: "上海崇明东风果蔬专业合作社", type: "农民专业合作社", legalRepKey: (adults.find((p) => p.districtCode === "310151") ?? adults[0]!).key, districtCode: "310151", establishedOn: "2012-10-10", industry: "农业", registeredCapitalWan: 200, address: "上海市崇明区城桥镇东风村8号" }, "3", 3);
  for (let i = 4; i < 56; i++) {
    const rep = adults[(i * 7) % adults.length]!;
    const [word, industry] = rng.pick(INDUSTRIES);
    const district = SHANGHAI_DISTRICTS[i % SHANGHAI_DISTRICTS.length]!;
    add(
      {
        name: `上海${BRANDS[i % BRANDS.length]}${word}${["", "发展", "服务"][Math.floor(i / 20)]}有限公司`,
        type: "企业",
        legalRepKey: rep.key,
        districtCode: district.code,
        establishedOn: `${rng.int(2001, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
        industry,
        registeredCapitalWan: rng.int(10, 5000),
        address: addressIn(rng, district.code),
      },
      "1",
      i,
    );
  }
  return result;
}

/** Staff of every role in several orgs; usernames are the README's demo accounts; `posts`: further posts (一人多岗). */
export const DEMO_STAFF: ReadonlyArray<{ username: string; name: string; org: string; roles: string[]; posts?: Array<{ org: string; roles: string[] }> }> = [
  { username: "admin", name: "林志远", org: "310000", roles: ["sys_admin"] },
  { username: "admin.huangpu", name: "顾佳怡", org: "310101", roles: ["sys_admin"] },
  { username: "catalog.admin", name: "许文博", org: "310000", roles: ["catalog_admin"] },
  { username: "catalog.admin.huangpu", name: "金晓岚", org: "310101", roles: ["catalog_admin"] },
  { username: "data.admin", name: "钱思远", org: "310000-BDC", roles: ["data_admin"] },
  { username: "window.huangpu", name: "沈晓燕", org: "310101-SC-W01", roles: ["window_clerk"] },
  { username: "window.pudong", name: "蒋立新", org: "310115-SC-W01", roles: ["window_clerk"] },
  // 一人多岗: 韩雪 also takes turns at the district centre's window.
  { username: "window.nanjingdonglu", name: "韩雪", org: "310101001-SC-W01", roles: ["window_clerk"], posts: [{ org: "310101-SC-W01", roles: ["window_clerk"] }] },
  { username: "review.amr", name: "唐国栋", org: "310000-AMR", roles: ["reviewer"] },
  { username: "approve.amr", name: "冯美玲", org: "310000-AMR", roles: ["approver"] },
  { username: "review.amr.huangpu", name: "曹磊", org: "310101-AMR", roles: ["reviewer"] },
  { username: "approve.amr.huangpu", name: "彭丽", org: "310101-AMR", roles: ["approver"] },
  { username: "review.amr.pudong", name: "葛振华", org: "310115-AMR", roles: ["reviewer", "approver"] },
  { username: "review.psb", name: "邓建华", org: "310000-PSB", roles: ["reviewer"] },
  { username: "review.psb.huangpu", name: "朱海峰", org: "310101-PSB", roles: ["reviewer"] },
  { username: "approve.psb.huangpu", name: "方慧", org: "310101-PSB", roles: ["approver"] },
  { username: "review.hrss", name: "曾晓东", org: "310000-HRSS", roles: ["reviewer"] },
  { username: "review.tax", name: "肖静", org: "310000-TAX", roles: ["reviewer"] },
  { username: "review.hsa", name: "田野", org: "310000-HSA", roles: ["reviewer"] },
  { username: "hotline.agent", name: "董小萌", org: "310000-HOTLINE", roles: ["hotline_agent"] },
  { username: "street.nanjingdonglu", name: "钱立伟", org: "310101001", roles: ["appeal_handler"] },
  { username: "street.waitan", name: "许文静", org: "310101002", roles: ["appeal_handler"] },
  { username: "supervisor", name: "袁正清", org: "310000-OFFICE", roles: ["supervisor"] },
  { username: "supervisor.huangpu", name: "潘明", org: "310101", roles: ["supervisor"] },
  { username: "finance", name: "何晓芳", org: "310000", roles: ["finance"] },
];

export const DEMO_PASSWORD = "Haoban@2026";
