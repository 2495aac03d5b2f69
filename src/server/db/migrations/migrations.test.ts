import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANT_TEMPLATE, PROMISE_TEMPLATE } from "../../../shared/workflow-definition";
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
    // The smallest catalogue an application can reference, written as the schema stood at 0014.
    await sql`insert into orgs (id, code, name, name_en, kind, division_code, region_code, path) values ('00000000-0000-4000-8000-000000000001', '310101-AMR', '黄浦区市场监督管理局', 'AMR', 'department', '310101', '310101', '310000/310101/310101-AMR/')`.execute(database.db);
    await sql`insert into catalogue_base_items (id, basic_code, name, kind, department_key, legal_basis) values ('00000000-0000-4000-8000-000000000002', 'XK00002001', '食品经营许可', 'XK', 'AMR', '《食品安全法》')`.execute(database.db);
    await sql`insert into catalogue_items (id, base_item_id, org_id, level, impl_code, region_code) values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'district', 'XK00002001-3-310101-AMR', '310101')`.execute(database.db);
    await sql`insert into catalogue_item_versions (id, item_id, version, status, content, region_code) values ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', 1, 'published', '{}'::jsonb, '310101')`.execute(database.db);
    await sql`update catalogue_items set published_version_id = '00000000-0000-4000-8000-000000000004'`.execute(database.db);
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
