import type { Kysely } from "kysely";
import type { Rule } from "../../shared/rules";
import type { DB } from "../db/schema";

/** 老年综合津贴 (高龄档): 80 or older with a Shanghai household registration is approved in seconds. */
export const ELDERLY_ALLOWANCE_RULE: Rule = { all: [{ fact: "person.age", op: "gte", value: 80 }, { fact: "person.hukou_shanghai", op: "eq", value: true }] };

/** The demo's auto-approval rules, on every implementation of the items that declare one. */
export async function seedAutoApproval(db: Kysely<DB>): Promise<number> {
  const items = await db
    .selectFrom("catalogue_items as i")
    .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
    .select("i.id")
    .where("b.basic_code", "=", "JF00003000")
    .execute();
  for (const item of items) {
    const row = await db.insertInto("item_rules").values({ item_id: item.id, rule: JSON.stringify(ELDERLY_ALLOWANCE_RULE), updated_by: "系统初始化" }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("item_rule_versions").values({ item_rule_id: row.id, version: 1, rule: JSON.stringify(ELDERLY_ALLOWANCE_RULE), created_by: "系统初始化" }).execute();
  }
  return items.length;
}
