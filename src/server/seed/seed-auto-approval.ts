import type { Kysely } from "kysely";
import type { Rule } from "../../shared/rules";
import type { DB } from "../db/schema";

/** 老年综合津贴 (高龄档): 80 or older with a Shanghai household registration is approved in seconds. */
export const ELDERLY_ALLOWANCE_RULE: Rule = { all: [{ fact: "person.age", op: "gte", value: 80 }, { fact: "person.hukou_shanghai", op: "eq", value: true }] };

/** 居住证签注: a holder from outside the city whose permit expires within 30 days and who is insured here. */
export const RESIDENCE_RENEWAL_RULE: Rule = {
  all: [
    { fact: "person.hukou_shanghai", op: "eq", value: false },
    { fact: "person.expiring", op: "contains", value: "上海市居住证" },
    { fact: "person.certificates", op: "contains", value: "社会保障卡" },
  ],
};

/** 社会保障卡补换: the applicant holds a card (the old one is cancelled as the new one is issued). */
export const CARD_REPLACEMENT_RULE: Rule = { fact: "person.certificates", op: "contains", value: "社会保障卡" };

/** 育儿补贴 (免申即享, with consent): the mother of a child under three who has not received it. */
export const CHILDCARE_SUBSIDY_RULE: Rule = {
  all: [
    { fact: "person.youngest_child_months", op: "lt", value: 36 },
    { fact: "person.gender", op: "eq", value: "F" },
    { not: { fact: "person.benefits", op: "contains", value: "育儿补贴申领" } },
  ],
};

const DEMO_RULES: Array<{ basicCode: string; rule: Rule; grantMode?: "consent" | "opt_out" }> = [
  { basicCode: "JF00003000", rule: ELDERLY_ALLOWANCE_RULE },
  { basicCode: "QR00002003", rule: RESIDENCE_RENEWAL_RULE },
  { basicCode: "GG00002002", rule: CARD_REPLACEMENT_RULE },
  { basicCode: "JF00006000", rule: CHILDCARE_SUBSIDY_RULE, grantMode: "consent" },
];

/** The demo's auto-approval rules (tested and on), on every implementation of the items that declare one. */
export async function seedAutoApproval(db: Kysely<DB>): Promise<number> {
  let n = 0;
  for (const { basicCode, rule, grantMode } of DEMO_RULES) {
    const items = await db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").select("i.id").where("b.basic_code", "=", basicCode).execute();
    for (const item of items) {
      const row = await db
        .insertInto("item_rules")
        .values({ item_id: item.id, rule: JSON.stringify(rule), tested_version: 1, grant_mode: grantMode ?? null, updated_by: "系统初始化" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.insertInto("item_rule_versions").values({ item_rule_id: row.id, version: 1, rule: JSON.stringify(rule), created_by: "系统初始化" }).execute();
      n++;
    }
  }
  return n;
}
