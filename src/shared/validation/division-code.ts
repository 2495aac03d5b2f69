/**
 * Administrative division codes (GB/T 2260 and the 12-digit township/village extension).
 * 6 digits: province + prefecture + county; 9: township; 12: village/community.
 */

export type DivisionLevel = "province" | "prefecture" | "county" | "township" | "village";

/** The level of a 6-, 9- or 12-digit division code, or null if it is not one. */
export function divisionLevel(code: string): DivisionLevel | null {
  if (/^\d{12}$/.test(code)) return code.endsWith("000") ? divisionLevel(code.slice(0, 9)) : "village";
  if (/^\d{9}$/.test(code)) return code.endsWith("000") ? divisionLevel(code.slice(0, 6)) : "township";
  if (!/^\d{6}$/.test(code) || code.startsWith("00")) return null;
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "prefecture";
  return "county";
}

/** The county-level (district) code a longer code belongs to, e.g. 310101002 → 310101. */
export function countyOf(code: string): string {
  return code.slice(0, 6);
}

/** Township codes: 001–099 街道, 100–199 镇, 200–399 乡. */
export function townshipKind(code9: string): "街道" | "镇" | "乡" | null {
  const n = Number(code9.slice(6, 9));
  if (n >= 1 && n <= 99) return "街道";
  if (n >= 100 && n <= 199) return "镇";
  if (n >= 200 && n <= 399) return "乡";
  return null;
}

/** Shanghai's 16 districts (GB/T 2260). */
export const SHANGHAI_DISTRICTS: ReadonlyArray<{ code: string; name: string; nameEn: string }> = [
  { code: "310101", name: "黄浦区", nameEn: "Huangpu" },
  { code: "310104", name: "徐汇区", nameEn: "Xuhui" },
  { code: "310105", name: "长宁区", nameEn: "Changning" },
  { code: "310106", name: "静安区", nameEn: "Jing'an" },
  { code: "310107", name: "普陀区", nameEn: "Putuo" },
  { code: "310109", name: "虹口区", nameEn: "Hongkou" },
  { code: "310110", name: "杨浦区", nameEn: "Yangpu" },
  { code: "310112", name: "闵行区", nameEn: "Minhang" },
  { code: "310113", name: "宝山区", nameEn: "Baoshan" },
  { code: "310114", name: "嘉定区", nameEn: "Jiading" },
  { code: "310115", name: "浦东新区", nameEn: "Pudong" },
  { code: "310116", name: "金山区", nameEn: "Jinshan" },
  { code: "310117", name: "松江区", nameEn: "Songjiang" },
  { code: "310118", name: "青浦区", nameEn: "Qingpu" },
  { code: "310120", name: "奉贤区", nameEn: "Fengxian" },
  { code: "310151", name: "崇明区", nameEn: "Chongming" },
];
