import type { Kysely } from "kysely";
import { buildImplCode } from "../../../shared/catalogue-codes";
import type { Level } from "../../../shared/catalogue";
import { itemContent } from "../../../shared/schemas/catalogue";
import type { DB, Org } from "../../db/schema";
import { seedUuid } from "../seed-demo-ids";
import { applyVariant, type BaseItemDef, expand } from "./dsl";
import { BUSINESS_ITEMS } from "./items-business";
import { OTHER_ITEMS } from "./items-other";
import { PERSON_ITEMS } from "./items-person";
import { ANSWERS, POLICIES, SYNONYMS } from "./policies";

export const DEMO_ITEMS: BaseItemDef[] = [...BUSINESS_ITEMS, ...PERSON_ITEMS, ...OTHER_ITEMS];

/** How often each item is used: ranks search results (higher first when relevance ties). */
const POPULARITY: Record<string, number> = {
  XK00001001: 980, GG00002001: 900, QR00002001: 880, GG00005002: 860, JF00001000: 820, QR00005001: 800, GG00004001: 760,
  QR00006001: 740, GG00008001: 700, QR00001001: 690, JF00003000: 650, XK00002001: 620, QT00001000: 600, QR00003002: 580,
};

const HOURS = "周一至周五 9:00—17:00，周六 9:00—12:00（法定节假日除外）";

function placeFor(org: Org, centreName: string) {
  return { location: `${centreName}（${org.name}受理窗口）`, hours: HOURS, consultPhone: "12345（市民服务热线）", complaintPhone: "12345（市民服务热线）" };
}

/** Seeds the demo catalogue, policy library, knowledge answers and synonyms into an org tree that exists. */
export async function seedCatalogue(db: Kysely<DB>): Promise<{ baseItems: number; items: number; policies: number }> {
  const orgs = await db.selectFrom("orgs").selectAll().execute();
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const firstCommunity = (street: string) => orgs.filter((o) => o.parent_id === byCode.get(street)?.id && o.kind === "community").sort((a, b) => a.code.localeCompare(b.code))[0];
  let items = 0;

  for (const def of DEMO_ITEMS) {
    const baseId = seedUuid(`base:${def.code}`);
    await db
      .insertInto("catalogue_base_items")
      .values({ id: baseId, basic_code: def.code, name: def.name, kind: def.kind, action: def.action, department_key: def.dept, legal_basis: def.setting, parent_id: null })
      .execute();

    const targets: Array<{ org: Org; level: Level; division: string; centre: string; variantKey: string }> = [];
    const dept = (prefix: string) => byCode.get(`${prefix}-${def.dept}`) ?? byCode.get(`310000-${def.dept}`)!;
    if (def.at.city) targets.push({ org: dept("310000"), level: "city", division: "310000", centre: "上海市政务服务中心", variantKey: "310000" });
    for (const d of def.at.districts ?? []) {
      const org = dept(d);
      targets.push({ org, level: "district", division: d, centre: `${byCode.get(d)!.name}政务服务中心`, variantKey: d });
    }
    for (const s of def.at.streets ?? []) {
      const street = byCode.get(s)!;
      targets.push({ org: street, level: "street", division: s, centre: `${street.name}社区事务受理服务中心`, variantKey: s });
    }
    for (const s of def.at.communities ?? []) {
      const community = firstCommunity(s)!;
      targets.push({ org: community, level: "community", division: community.code, centre: `${community.name}代办点`, variantKey: community.code });
    }

    for (const t of targets) {
      const variant = def.variants?.[t.variantKey];
      const content = itemContent.parse(applyVariant(expand(def, placeFor(t.org, t.centre)), variant));
      const itemId = seedUuid(`item:${def.code}:${t.org.code}`);
      const versionId = seedUuid(`item-version:${def.code}:${t.org.code}:1`);
      const orgKey = t.level === "street" || t.level === "community" ? "JD" : def.dept;
      await db
        .insertInto("catalogue_items")
        .values({
          id: itemId,
          base_item_id: baseId,
          org_id: t.org.id,
          level: t.level,
          impl_code: buildImplCode(def.code, t.level, t.division, orgKey),
          region_code: t.org.region_code,
          published_version_id: null,
          popularity: Math.max(1, (POPULARITY[def.code] ?? 100) - (t.level === "city" ? 0 : 20)),
          consistency_note: variant?.note ?? null,
        })
        .execute();
      await db
        .insertInto("catalogue_item_versions")
        .values({
          id: versionId,
          item_id: itemId,
          version: 1,
          status: "published",
          content: JSON.stringify(content),
          created_by: null,
          submitted_at: new Date("2026-10-01T01:00:00Z"),
          reviewed_at: new Date("2026-10-02T01:00:00Z"),
          reviewed_by: null,
          review_comment: "初始目录导入",
          published_at: new Date("2026-10-02T01:00:00Z"),
          region_code: t.org.region_code,
        })
        .execute();
      await db.updateTable("catalogue_items").set({ published_version_id: versionId }).where("id", "=", itemId).execute();
      items++;
    }
  }

  for (const p of POLICIES) {
    await db
      .insertInto("policies")
      .values({
        id: seedUuid(`policy:${p.docNumber}`),
        doc_number: p.docNumber,
        title: p.title,
        issuer: p.issuer,
        issued_on: p.issued,
        effective_on: p.effective,
        status: p.status,
        replaced_by_id: null,
        full_text: p.text,
        interpretation: p.interpretation,
        tags: p.tags,
        region_code: "310000",
      })
      .execute();
  }
  for (const p of POLICIES) {
    if (p.replacedBy) {
      await db.updateTable("policies").set({ replaced_by_id: seedUuid(`policy:${p.replacedBy}`) }).where("doc_number", "=", p.docNumber).execute();
    }
    const links = p.governs.map((code) => ({ policy_id: seedUuid(`policy:${p.docNumber}`), base_item_id: seedUuid(`base:${code}`) }));
    if (links.length) await db.insertInto("policy_items").values(links).execute();
  }
  await db
    .insertInto("knowledge_answers")
    .values(ANSWERS.map(([question, answer, basicCode, tags], i) => ({ id: seedUuid(`answer:${i}`), question, answer, basic_code: basicCode, tags })))
    .execute();
  await db.insertInto("search_synonyms").values(SYNONYMS.map(([term, expansions]) => ({ term, expansions }))).execute();
  await db.updateTable("catalogue_generation").set((eb) => ({ generation: eb("generation", "+", 1) })).where("id", "=", 1).execute();
  return { baseItems: DEMO_ITEMS.length, items, policies: POLICIES.length };
}
