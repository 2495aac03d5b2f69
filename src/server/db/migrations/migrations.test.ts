import { randomBytes } from "node:crypto";
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANT_TEMPLATE, PROMISE_TEMPLATE } from "../../../shared/workflow-definition";
import { FieldCipher } from "../../crypto/field-cipher";
import { seedDemo } from "../../seed/seed-demo";
import { createTestDatabase } from "../../testing/test-app";
import { migrateToLatest, type Database } from "../database";
import { migrations } from "./index";

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await createTestDatabase({ migrate: false }));
});
afterAll(() => close());

describe("migrations on existing data", () => {
  it("0015 moves each application's workflow copy into one shared definition per distinct content", async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    const r = await migrator.migrateTo("0014-step-deadlines");
    expect(r.error).toBeUndefined();
    await seedDemo(database.db, new FieldCipher(randomBytes(32)));
    for (const [i, wf] of [PROMISE_TEMPLATE, PROMISE_TEMPLATE, INSTANT_TEMPLATE].entries()) {
      await sql`insert into applications (number, item_id, version_id, workflow, channel, handling_org_id, region_code, state, form_data, start_date)
        select ${`T-${i}`}, i.id, i.published_version_id, ${JSON.stringify(wf)}::jsonb, 'online', i.org_id, i.region_code, 'submitted', '{}'::jsonb, current_date
        from catalogue_items i where i.published_version_id is not null limit 1`.execute(database.db);
    }
    await migrateToLatest(database.db);
    const rows = await sql<{ number: string; definition: unknown }>`select a.number, w.definition from applications a join workflow_definitions w on w.id = a.workflow_id order by a.number`.execute(database.db);
    expect(rows.rows.map((x) => x.definition)).toEqual([PROMISE_TEMPLATE, PROMISE_TEMPLATE, INSTANT_TEMPLATE]);
    expect((await database.db.selectFrom("workflow_definitions").select("id").execute()).length).toBe(2);
  });
});
