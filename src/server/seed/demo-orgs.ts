import { SHANGHAI_DISTRICTS } from "../../shared/validation/division-code";
import type { OrgKind } from "../../shared/roles";

/** One org of the demo city, before it has an id. `parent` is the parent's code. */
export interface OrgSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: OrgKind;
  parent: string | null;
  divisionCode: string | null;
  regionCode: string;
}

/** Departments at city level and, where `district` is set, in every district. */
const DEPARTMENTS: ReadonlyArray<{ key: string; city: string; district?: (d: string) => string; en: string }> = [
  { key: "AMR", city: "上海市市场监督管理局", district: (d) => `${d}市场监督管理局`, en: "Administration for Market Regulation" },
  { key: "PSB", city: "上海市公安局", district: (d) => `上海市公安局${d.replace(/区$/, "")}分局`, en: "Public Security Bureau" },
  { key: "TAX", city: "国家税务总局上海市税务局", district: (d) => `国家税务总局上海市${d}税务局`, en: "Tax Service" },
  { key: "HRSS", city: "上海市人力资源和社会保障局", district: (d) => `${d}人力资源和社会保障局`, en: "Human Resources and Social Security Bureau" },
  { key: "HSA", city: "上海市医疗保障局", district: (d) => `${d}医疗保障局`, en: "Healthcare Security Administration" },
  { key: "HEALTH", city: "上海市卫生健康委员会", district: (d) => `${d}卫生健康委员会`, en: "Health Commission" },
  { key: "CA", city: "上海市民政局", district: (d) => `${d}民政局`, en: "Civil Affairs Bureau" },
  { key: "HOUSING", city: "上海市房屋管理局", district: (d) => `${d}房屋管理局`, en: "Housing Administration" },
  { key: "PLAN", city: "上海市规划和自然资源局", district: (d) => `${d}规划和自然资源局`, en: "Planning and Natural Resources Bureau" },
  { key: "EDU", city: "上海市教育委员会", district: (d) => `${d}教育局`, en: "Education Commission" },
  { key: "DPF", city: "上海市残疾人联合会", district: (d) => `${d}残疾人联合会`, en: "Disabled Persons' Federation" },
  { key: "FIRE", city: "上海市消防救援总队", district: (d) => `${d}消防救援支队`, en: "Fire and Rescue" },
  { key: "HUD", city: "上海市住房和城乡建设管理委员会", district: (d) => `${d}建设和管理委员会`, en: "Housing and Urban-Rural Development Commission" },
  { key: "TRANS", city: "上海市交通委员会", en: "Transport Commission" },
  { key: "HPF", city: "上海市公积金管理中心", en: "Housing Provident Fund Centre" },
  { key: "UTIL", city: "上海市水电气公用服务联合受理中心", en: "Water, Power and Gas Joint Service Centre" },
  { key: "BDC", city: "上海市大数据中心", en: "Big Data Centre" },
  { key: "HOTLINE", city: "上海市12345市民服务热线管理中心", en: "12345 Citizen Service Hotline Centre" },
  { key: "OFFICE", city: "上海市人民政府办公厅", en: "General Office of the Municipal Government" },
];

/** Three streets or towns per district: real names, illustrative township codes (街道 0xx, 镇 1xx). */
const STREETS: Record<string, ReadonlyArray<[string, string]>> = {
  "310101": [["南京东路街道", "Nanjing East Road"], ["外滩街道", "The Bund"], ["豫园街道", "Yuyuan"]],
  "310104": [["天平路街道", "Tianping Road"], ["徐家汇街道", "Xujiahui"], ["漕河泾街道", "Caohejing"]],
  "310105": [["华阳路街道", "Huayang Road"], ["新华路街道", "Xinhua Road"], ["虹桥街道", "Hongqiao"]],
  "310106": [["江宁路街道", "Jiangning Road"], ["南京西路街道", "Nanjing West Road"], ["彭浦新村街道", "Pengpu Xincun"]],
  "310107": [["曹杨新村街道", "Caoyang Xincun"], ["长风新村街道", "Changfeng Xincun"], ["真如镇街道", "Zhenru Town Street"]],
  "310109": [["欧阳路街道", "Ouyang Road"], ["四川北路街道", "North Sichuan Road"], ["嘉兴路街道", "Jiaxing Road"]],
  "310110": [["五角场街道", "Wujiaochang"], ["控江路街道", "Kongjiang Road"], ["平凉路街道", "Pingliang Road"]],
  "310112": [["江川路街道", "Jiangchuan Road"], ["古美街道", "Gumei"], ["莘庄镇", "Xinzhuang Town"]],
  "310113": [["友谊路街道", "Youyi Road"], ["吴淞街道", "Wusong"], ["大场镇", "Dachang Town"]],
  "310114": [["新成路街道", "Xincheng Road"], ["菊园新区管委会", "Juyuan New District"], ["安亭镇", "Anting Town"]],
  "310115": [["陆家嘴街道", "Lujiazui"], ["花木街道", "Huamu"], ["张江镇", "Zhangjiang Town"]],
  "310116": [["石化街道", "Shihua"], ["朱泾镇", "Zhujing Town"], ["枫泾镇", "Fengjing Town"]],
  "310117": [["岳阳街道", "Yueyang"], ["方松街道", "Fangsong"], ["泗泾镇", "Sijing Town"]],
  "310118": [["夏阳街道", "Xiayang"], ["盈浦街道", "Yingpu"], ["朱家角镇", "Zhujiajiao Town"]],
  "310120": [["奉浦街道", "Fengpu"], ["南桥镇", "Nanqiao Town"], ["金汇镇", "Jinhui Town"]],
  "310151": [["城桥镇", "Chengqiao Town"], ["堡镇", "Baozhen Town"], ["陈家镇", "Chenjia Town"]],
};

const RESIDENTS = ["福民", "新昌", "宝兴", "金陵", "瑞福", "康乐", "安居", "和平"];
const VILLAGES = ["东风", "向阳", "红星", "新河"];
const WINDOW_NAMES = ["一", "二", "三"];

function windows(centre: string, count: number, regionCode: string, centreName: string): OrgSeed[] {
  return WINDOW_NAMES.slice(0, count).map((n, i) => ({
    code: `${centre}-W0${i + 1}`,
    name: `${centreName}综合受理${n}号窗口`,
    nameEn: `General window ${i + 1}`,
    kind: "window" as const,
    parent: centre,
    divisionCode: null,
    regionCode,
  }));
}

/** The whole demo organisation tree, parents before children. */
export function demoOrgs(): OrgSeed[] {
  const orgs: OrgSeed[] = [
    { code: "310000", name: "上海市", nameEn: "Shanghai", kind: "city", parent: null, divisionCode: "310000", regionCode: "310000" },
  ];
  for (const dep of DEPARTMENTS) {
    orgs.push({ code: `310000-${dep.key}`, name: dep.city, nameEn: `Shanghai ${dep.en}`, kind: "department", parent: "310000", divisionCode: null, regionCode: "310000" });
  }
  orgs.push({ code: "310000-SC", name: "上海市政务服务中心", nameEn: "Shanghai Government Service Centre", kind: "service_centre", parent: "310000", divisionCode: null, regionCode: "310000" });
  orgs.push(...windows("310000-SC", 2, "310000", "市政务服务中心"));

  SHANGHAI_DISTRICTS.forEach((district, di) => {
    const d = district.code;
    orgs.push({ code: d, name: district.name, nameEn: `${district.nameEn} District`, kind: "district", parent: "310000", divisionCode: d, regionCode: d });
    for (const dep of DEPARTMENTS) {
      if (!dep.district) continue;
      orgs.push({ code: `${d}-${dep.key}`, name: dep.district(district.name), nameEn: `${district.nameEn} ${dep.en}`, kind: "department", parent: d, divisionCode: null, regionCode: d });
    }
    orgs.push({ code: `${d}-SC`, name: `${district.name}政务服务中心`, nameEn: `${district.nameEn} Government Service Centre`, kind: "service_centre", parent: d, divisionCode: null, regionCode: d });
    orgs.push(...windows(`${d}-SC`, 3, d, `${district.name}政务服务中心`));

    let streetNo = 0;
    let townNo = 100;
    for (const [name, nameEn] of STREETS[d] ?? []) {
      const isTown = name.endsWith("镇") && !name.endsWith("镇街道");
      const code9 = `${d}${String(isTown ? ++townNo : ++streetNo).padStart(3, "0")}`;
      orgs.push({ code: code9, name, nameEn, kind: "street", parent: d, divisionCode: code9, regionCode: d });
      const centre = `${code9}-SC`;
      orgs.push({ code: centre, name: `${name}社区事务受理服务中心`, nameEn: `${nameEn} Community Affairs Service Centre`, kind: "service_centre", parent: code9, divisionCode: null, regionCode: d });
      orgs.push(...windows(centre, 2, d, `${name}社区事务受理服务中心`));
      for (let c = 0; c < 2; c++) {
        const village = isTown && c === 1;
        const code12 = `${code9}${String(village ? 201 + ((di + c) % 4) : 1 + ((di * 2 + c) % 8)).padStart(3, "0")}`;
        const label = village ? `${VILLAGES[(di + c) % 4]}村村民委员会` : `${RESIDENTS[(di * 2 + c) % 8]}居民委员会`;
        orgs.push({ code: code12, name: label, nameEn: village ? "Villagers' committee" : "Residents' committee", kind: "community", parent: code9, divisionCode: code12, regionCode: d });
      }
    }
  });
  return orgs;
}
