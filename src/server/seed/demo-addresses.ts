import { SHANGHAI_DISTRICTS } from "../../shared/validation/division-code";
import { parseAddress } from "../../shared/validation/address";
import { demoOrgs } from "./demo-orgs";
import type { Prng } from "./prng";

/**
 * The demo 标准地址库: three roads (or villages) in each demo street and town, in the order of the
 * streets in demo-orgs.ts. Real road names, invented doors and rooms.
 */
const ROADS: Record<string, ReadonlyArray<readonly string[]>> = {
  "310101": [["南京东路", "福州路", "九江路"], ["中山东一路", "四川中路", "延安东路"], ["人民路", "方浜中路", "河南南路"]],
  "310104": [["衡山路", "天平路", "淮海中路"], ["漕溪北路", "天钥桥路", "虹桥路"], ["漕宝路", "田林路", "宜山路"]],
  "310105": [["华阳路", "愚园路", "长宁路"], ["新华路", "番禺路", "法华镇路"], ["仙霞路", "延安西路", "遵义路"]],
  "310106": [["江宁路", "武宁南路", "昌平路"], ["南京西路", "威海路", "茂名北路"], ["共和新路", "平型关路", "临汾路"]],
  "310107": [["曹杨路", "兰溪路", "枣阳路"], ["金沙江路", "大渡河路", "云岭东路"], ["真北路", "铜川路", "梅川路"]],
  "310109": [["欧阳路", "曲阳路", "赤峰路"], ["四川北路", "多伦路", "山阴路"], ["嘉兴路", "海宁路", "周家嘴路"]],
  "310110": [["国定路", "政通路", "淞沪路"], ["控江路", "靖宇东路", "延吉中路"], ["平凉路", "杨树浦路", "大连路"]],
  "310112": [["江川路", "沧源路", "东川路"], ["古美路", "平阳路", "顾戴路"], ["莘松路", "沪闵路", "七莘路"]],
  "310113": [["友谊路", "牡丹江路", "宝杨路"], ["淞滨路", "同济路", "同泰北路"], ["沪太路", "场中路", "环镇北路"]],
  "310114": [["城中路", "新成路", "塔城路"], ["平城路", "嘉罗公路", "环城路"], ["墨玉路", "曹安公路", "昌吉路"]],
  "310115": [["世纪大道", "银城中路", "东昌路"], ["龙阳路", "梅花路", "锦绣路"], ["张江路", "祖冲之路", "郭守敬路"]],
  "310116": [["卫零路", "蒙山路", "龙胜路"], ["沈浜路", "健康路", "万安街"], ["亭枫公路", "新枫路", "枫阳路"]],
  "310117": [["中山中路", "乐都路", "岳阳路"], ["文诚路", "广富林路", "三新北路"], ["泗通路", "江川北路", "泗砖公路"]],
  "310118": [["青松路", "华浦路", "外青松公路"], ["盈港东路", "公园路", "城中东路"], ["课植园路", "祥凝浜路", "淀山湖大道"]],
  "310120": [["环城东路", "奉浦大道", "望园路"], ["南桥路", "解放东路", "江海路"], ["齐贤路", "光明路", "金钱公路"]],
  "310151": [["八一路", "东门路", "东风村"], ["正大街", "工农路", "堡镇南路"], ["裕安路", "陈东公路", "揽海路"]],
};

export interface DemoRoad {
  districtCode: string;
  districtName: string;
  streetCode: string;
  /** The town written before a village (城桥镇东风村), else "". */
  town: string;
  road: string;
}

let roadsCache: DemoRoad[] | null = null;

/** Every demo road with the street or town it lies in. */
export function demoRoads(): DemoRoad[] {
  if (roadsCache) return roadsCache;
  const orgs = demoOrgs();
  roadsCache = SHANGHAI_DISTRICTS.flatMap((d) => {
    const streets = orgs.filter((o) => o.kind === "street" && o.parent === d.code);
    return (ROADS[d.code] ?? []).flatMap((roads, i) => {
      const street = streets[i]!;
      return roads.map((road) => ({ districtCode: d.code, districtName: d.name, streetCode: street.code, town: road.endsWith("村") ? street.name : "", road }));
    });
  });
  return roadsCache;
}

function fullText(r: DemoRoad, door: string, room: string) {
  return `上海市${r.districtName}${r.town}${r.road}${door}${room}`;
}

/** A home address on one of the district's demo roads (an invented lane, building and flat). */
export function addressIn(rng: Prng, districtCode: string): string {
  const road = rng.pick(demoRoads().filter((r) => r.districtCode === districtCode));
  return fullText(road, `${rng.int(1, 999)}弄${rng.int(1, 60)}号`, `${rng.int(1, 30)}0${rng.int(1, 4)}室`);
}

export interface AddressRow {
  division_code: string;
  street_code: string | null;
  detail: string;
  road: string | null;
  door: string | null;
  room: string;
  source_org_code: string;
  region_code: string;
}

/** A registry row for an address text, in the street of its road when that road is a demo road. */
export function addressRow(detail: string, districtCode: string, source: string): AddressRow {
  const parts = parseAddress(detail);
  const road = parts ? demoRoads().find((r) => r.districtCode === districtCode && r.road === parts.road) : undefined;
  return { division_code: districtCode, street_code: road?.streetCode ?? null, detail, road: parts?.road ?? null, door: parts?.door ?? null, room: parts?.room ?? "", source_org_code: source, region_code: districtCode };
}

/**
 * The demo address registry beyond the addresses people and enterprises hold: on every demo road four
 * lanes (弄) of three buildings with four flats each, and three street doors (shops, offices) without rooms.
 */
export function demoAddressRegistry(): AddressRow[] {
  return demoRoads().flatMap((r, i) => {
    const source = `${r.districtCode}-PSB`;
    const row = (door: string, room: string): AddressRow => ({ division_code: r.districtCode, street_code: r.streetCode, detail: fullText(r, door, room), road: r.road, door, room, source_org_code: source, region_code: r.districtCode });
    const lanes = [0, 1, 2, 3].map((k) => 8 + ((i * 53 + k * 97) % 600));
    const rows = lanes.flatMap((lane) => [1, 2, 3].flatMap((b) => ["101室", "102室", "201室", "202室"].map((room) => row(`${lane}弄${b}号`, room))));
    for (const n of [1, 2, 3]) rows.push(row(`${n * 2 + (i % 7) * 10}号`, ""));
    return rows;
  });
}
