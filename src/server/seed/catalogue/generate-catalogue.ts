import type { Kysely } from "kysely";
import type { ItemKind } from "../../../shared/catalogue";
import { buildImplCode } from "../../../shared/catalogue-codes";
import type { DB } from "../../db/schema";
import { seedUuid } from "../seed-demo-ids";
import { type BaseItemDef, expand } from "./dsl";
import { BUSINESS_ITEMS } from "./items-business";

const OBJECTS = ["烟花爆竹", "危险化学品", "户外广告设施", "城市道路挖掘", "排水许可", "犬只", "药品零售", "医疗器械", "农作物种子", "农药", "建筑垃圾", "燃气经营", "特种设备", "出版物", "互联网上网服务", "旅馆业", "游泳场所", "人力资源服务", "劳务派遣", "民办学校", "养老机构", "托育机构", "机动车维修", "船舶", "林木采伐", "取水", "文物", "广播电视", "网络预约出租车", "殡葬设施"];
const ACTIONS: Array<[string, ItemKind]> = [["经营许可", "XK"], ["设立审批", "XK"], ["备案", "BA"], ["变更登记", "QR"], ["延续", "XK"], ["注销", "QT"]];

/**
 * Adds a generated catalogue of `count` published implementation items (on top of the demo
 * catalogue) for benchmarks: 180 synthetic base items spread over every department and street.
 */
export async function generateCatalogue(db: Kysely<DB>, count: number): Promise<number> {
  const orgs = await db.selectFrom("orgs").selectAll().where("kind", "in", ["department", "street"]).orderBy("code").execute();
  const template = BUSINESS_ITEMS[3]!; // 食品经营许可: a complete guide to vary
  const bases: Array<{ id: string; code: string; name: string; kind: ItemKind; def: BaseItemDef }> = [];
  OBJECTS.forEach((object, oi) =>
    ACTIONS.forEach(([action, kind], ai) => {
      const code = `${kind}${String(50000 + oi).padStart(5, "0")}${String(ai + 1).padStart(3, "0")}`;
      const name = `${object}${action}`;
      bases.push({ id: seedUuid(`gen-base:${code}`), code, name, kind, def: { ...template, code, name, kind, keywords: [object, action, `${object}许可`], summary: `从事${object}相关活动需要办理${action}的，按本指南申请。` } });
    }),
  );
  await db
    .insertInto("catalogue_base_items")
    .values(bases.map((b) => ({ id: b.id, basic_code: b.code, name: b.name, kind: b.kind, action: "new", department_key: "AMR", legal_basis: "（生成的基准测试数据）", parent_id: null })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const max = Math.min(count, bases.length * orgs.length);
  for (let start = 0; start < max; start += 500) {
    const items = [];
    const versions = [];
    for (let i = start; i < Math.min(max, start + 500); i++) {
      const base = bases[i % bases.length]!;
      const org = orgs[Math.floor(i / bases.length) % orgs.length]!;
      const level = org.kind === "street" ? "street" : org.region_code === "310000" ? "city" : "district";
      const id = seedUuid(`gen-item:${base.code}:${org.code}`);
      const versionId = seedUuid(`gen-version:${base.code}:${org.code}`);
      const content = expand(base.def, { location: `${org.name}受理窗口`, hours: "周一至周五 9:00—17:00", consultPhone: "12345", complaintPhone: "12345" });
      items.push({
        id,
        base_item_id: base.id,
        org_id: org.id,
        level,
        impl_code: buildImplCode(base.code, level, level === "street" ? org.code : org.region_code, level === "street" ? "JD" : org.code.split("-")[1] ?? "GEN"),
        region_code: org.region_code,
        published_version_id: versionId,
        popularity: 1 + (i % 97),
        consistency_note: null,
      });
      versions.push({ id: versionId, item_id: id, version: 1, status: "published" as const, content: JSON.stringify(content), created_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, review_comment: null, published_at: new Date(), region_code: org.region_code });
    }
    await db.insertInto("catalogue_items").values(items).onConflict((oc) => oc.doNothing()).execute();
    await db.insertInto("catalogue_item_versions").values(versions).onConflict((oc) => oc.doNothing()).execute();
  }
  await db.updateTable("catalogue_generation").set((eb) => ({ generation: eb("generation", "+", 1) })).where("id", "=", 1).execute();
  return max;
}
