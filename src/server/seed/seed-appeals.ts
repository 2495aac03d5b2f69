import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { OrgSeed } from "./demo-orgs";
import { seedUuid } from "./seed-demo-ids";

/** Roads in the address registry at street level, so that a ticket's address finds its street. */
export const DEMO_STREET_ADDRESSES: ReadonlyArray<[string, string]> = [
  ["上海市黄浦区福州路", "310101001"],
  ["上海市黄浦区九江路", "310101001"],
  ["上海市黄浦区宁海东路", "310101001"],
  ["上海市黄浦区中山东一路", "310101002"],
  ["上海市黄浦区金陵东路", "310101002"],
  ["上海市黄浦区方浜中路", "310101003"],
  ["上海市徐汇区天平路", "310104001"],
  ["上海市徐汇区漕溪北路", "310104002"],
  ["上海市长宁区华阳路", "310105001"],
  ["上海市静安区江宁路", "310106001"],
  ["上海市普陀区枣阳路", "310107001"],
  ["上海市杨浦区国定路", "310110001"],
  ["上海市闵行区江川路", "310112001"],
  ["上海市宝山区友谊路", "310113001"],
  ["上海市浦东新区世纪大道", "310115001"],
  ["上海市浦东新区张杨路", "310115002"],
];

/** Street matters go to the street; functional matters to the district's (or city's) department. */
const STREET_CATEGORIES = ["CITY.NOISE.LIFE", "CITY.ENV", "CITY.BUILD", "CITY.PARKING", "HOUSING.PROPERTY"];
const DISTRICT_DEPARTMENTS: ReadonlyArray<[string, string]> = [
  ["CITY.NOISE.BUILD", "HUD"],
  ["MARKET", "AMR"],
  ["LABOUR", "HRSS"],
  ["HOUSING.REPAIR", "HOUSING"],
  ["HEALTH", "HSA"],
];
const CITY_DEPARTMENTS: ReadonlyArray<[string, string]> = [
  ["MARKET", "AMR"],
  ["LABOUR", "HRSS"],
  ["HEALTH", "HSA"],
  ["GOV", "OFFICE"],
];

/**
 * 12345's reference data: the street-level addresses and the dispatch catalogue (派单目录) for every
 * district and street of the demo city. Government-service matters (GOV) go to the city's office,
 * which the desk may pass on; anything the catalogue does not name is dispatched by hand.
 */
export async function seedDispatchCatalogue(db: Kysely<DB>, orgs: OrgSeed[]): Promise<number> {
  const districtOf = (code: string) => code.slice(0, 6);
  await db
    .insertInto("addresses")
    .values(DEMO_STREET_ADDRESSES.map(([detail, code]) => ({ division_code: code, detail, source_org_code: `${districtOf(code)}-PSB`, region_code: districtOf(code), updated_at: new Date("2026-01-01T00:00:00Z") })))
    .onConflict((oc) => oc.columns(["division_code", "detail"]).doNothing())
    .execute();
  const codes = new Set(orgs.map((o) => o.code));
  const rules: Array<{ category_code: string; division_prefix: string; org_id: string; updated_by: string }> = [];
  const add = (category: string, prefix: string, orgCode: string) => {
    if (codes.has(orgCode)) rules.push({ category_code: category, division_prefix: prefix, org_id: seedUuid(`org:${orgCode}`), updated_by: "系统初始化" });
  };
  for (const [category, dep] of CITY_DEPARTMENTS) add(category, "31", `310000-${dep}`);
  for (const d of orgs.filter((o) => o.kind === "district")) {
    for (const [category, dep] of DISTRICT_DEPARTMENTS) add(category, d.code, `${d.code}-${dep}`);
    // A street matter whose street is not known stays with the district.
    for (const category of STREET_CATEGORIES) add(category, d.code, d.code);
  }
  for (const s of orgs.filter((o) => o.kind === "street")) for (const category of STREET_CATEGORIES) add(category, s.code, s.code);
  for (let i = 0; i < rules.length; i += 500) await db.insertInto("dispatch_rules").values(rules.slice(i, i + 500)).execute();
  return rules.length;
}
