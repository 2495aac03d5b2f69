import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { rolesOfScopes } from "../../shared/integrations";
import type { DB } from "../db/schema";

/** The demo department system's client id; its secret is HAOBAN_DEMO_CLIENT_SECRET (a demo value by default, like the demo passwords). */
export const DEMO_CLIENT_ID = "hbc_demo0nanjingdonglu";
const DEMO_SCOPES = ["applications.read", "applications.act", "certificates.issue", "webhooks.manage"];

/**
 * The demo's department system: 南京东路街道's 社区事务受理 system as a client of the street, handling the
 * street's 社会保障卡申领 in its own system (npm start runs it: src/simulators/department-system). Written by
 * `npm start` / `npm run db:seed` on an empty database, not by the tests (they register their own).
 */
export async function seedDemoIntegration(db: Kysely<DB>, secret: string): Promise<{ clients: number; items: number }> {
  return db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom("orgs").select(["id", "region_code"]).where("code", "=", "310101001").executeTakeFirstOrThrow();
    const item = await trx
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .select("i.id")
      .where("b.basic_code", "=", "GG00002001")
      .where("i.org_id", "=", org.id)
      .executeTakeFirstOrThrow();
    const name = "南京东路街道社区事务受理系统";
    const account = await trx
      .insertInto("accounts")
      .values({ kind: "client", username: `client.${DEMO_CLIENT_ID}`, name: `${name}（部门业务系统）`, person_id: null, id_number_hash: null, mobile_hash: null, mobile_enc: null, password_hash: "!", org_id: org.id, roles: rolesOfScopes(DEMO_SCOPES), totp_secret_enc: null, region_code: org.region_code })
      .returning("id")
      .executeTakeFirstOrThrow();
    const client = await trx
      .insertInto("api_clients")
      .values({ client_id: DEMO_CLIENT_ID, account_id: account.id, org_id: org.id, name, scopes: DEMO_SCOPES, rate_limit_per_minute: 600, ack_minutes: 60, status: "active", created_by: null, region_code: org.region_code })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("api_client_secrets").values({ client_id: client.id, secret_hash: createHash("sha256").update(secret).digest("base64url"), hint: `…${secret.slice(-4)}` }).execute();
    await trx.insertInto("external_items").values({ item_id: item.id, client_id: client.id, set_by: null }).execute();
    return { clients: 1, items: 1 };
  });
}

/** The items the demo department system handles (for its process's configuration). */
export async function demoIntegrationItems(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom("external_items as e")
    .innerJoin("api_clients as c", "c.id", "e.client_id")
    .select("e.item_id")
    .where("c.client_id", "=", DEMO_CLIENT_ID)
    .where("c.status", "=", "active")
    .execute();
  return rows.map((r) => r.item_id);
}
