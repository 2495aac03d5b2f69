import { SHANGHAI_DISTRICTS } from "./division-code";

/**
 * 上海市黄浦区福州路100号3楼 → 上海市黄浦区福州路****: an address shown without its number, for
 * screens that need to know roughly where, not exactly. Keeps everything up to the road (路/街/道/巷/弄
 * or 村), else the district.
 */
export function maskAddress(address: string): string {
  const chars = [...address];
  const district = Math.max(address.indexOf("区"), address.indexOf("县"));
  const after = district >= 0 ? district + 1 : 0;
  const road = chars.findIndex((c, i) => i >= after && "路街道巷弄村".includes(c));
  const keep = road >= 0 ? road + 1 : after > 0 ? after : Math.min(6, chars.length);
  return keep >= chars.length ? address : `${chars.slice(0, keep).join("")}****`;
}

/** A city address in its parts, as the address registry (标准地址库) keeps it. */
export interface AddressParts {
  /** The district's 6-digit code, when the text names one of the city's districts. */
  districtCode: string | null;
  /** A town named before the road (城桥镇东风村8号), else "". */
  town: string;
  /** 路、街、巷、大道、公路 or 村. */
  road: string;
  /** The door: 100号, 100弄, 100弄5号. */
  door: string;
  /** What follows the door (1203室, 5楼), else "". */
  room: string;
}

const CITY = "上海市";
const ROAD_AT = /^(.*?(?:镇|乡))?([^\d\s]+?(?:大道|公路|路|街|巷|村|里|坊|道))(\d+弄\d+号|\d+弄|\d+号)(.*)$/u;

/** The district a text names, and the text after it (上海市 is optional). */
function districtOf(text: string): { code: string; rest: string } | null {
  const t = text.startsWith(CITY) ? text.slice(CITY.length) : text;
  const d = SHANGHAI_DISTRICTS.find((x) => t.startsWith(x.name));
  return d ? { code: d.code, rest: t.slice(d.name.length) } : null;
}

/**
 * Splits 上海市黄浦区福州路100弄5号1203室 into district, road, door and room; null when there is no road
 * with a door number. Text without a district (福州路100号, for a form that asks the district apart) still parses.
 */
export function parseAddress(text: string): AddressParts | null {
  const t = text.replace(/\s+/g, "");
  const d = districtOf(t);
  const m = ROAD_AT.exec(d ? d.rest : t);
  if (!m) return null;
  return { districtCode: d?.code ?? null, town: m[1] ?? "", road: m[2]!, door: m[3]!, room: m[4] ?? "" };
}

export type AddressProblem = "OUT_OF_CITY" | "NO_DISTRICT" | "DISTRICT_MISMATCH" | "NO_ROAD_OR_NUMBER";

export const ADDRESS_PROBLEM_WORDS: Record<AddressProblem, { zh: string; en: string }> = {
  OUT_OF_CITY: { zh: "须为本市的地址", en: "must be an address in the city" },
  NO_DISTRICT: { zh: "须写明所在区，如：上海市黄浦区福州路100号", en: "must name its district, e.g. 上海市黄浦区福州路100号" },
  DISTRICT_MISMATCH: { zh: "与所选的区不一致", en: "is not in the district chosen" },
  NO_ROAD_OR_NUMBER: { zh: "须写明路（街、巷、村）名和门牌号，如：福州路100号", en: "must give the road (street, lane, village) and the door number, e.g. 福州路100号" },
};

/**
 * What is wrong with a typed address, or null. `division` is the district or street the same form
 * asks apart (the text may then leave the district out, but must not name another).
 */
export function addressProblem(text: string, division?: string | null): AddressProblem | null {
  const t = text.replace(/\s+/g, "");
  const d = districtOf(t);
  if (!d && /^[^\d]{2,}?(?:省|自治区|市)/u.test(t) && !t.startsWith(CITY)) return "OUT_OF_CITY";
  if (!parseAddress(t)) return "NO_ROAD_OR_NUMBER";
  const chosen = division && /^31\d{4}/.test(division) ? division.slice(0, 6) : null;
  if (!d && !chosen) return "NO_DISTRICT";
  if (d && chosen && d.code !== chosen) return "DISTRICT_MISMATCH";
  return null;
}

/**
 * Data elements that hold a street address, each with the element of the division it lies in: a form
 * field bound to one is picked from the address registry and checked when typed.
 */
export const ADDRESS_ELEMENTS: Readonly<Record<string, string>> = {
  "address.detail": "address.divisionCode",
  "enterprise.address": "enterprise.divisionCode",
  "person.address": "address.divisionCode",
};
