import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../testing/factories";
import { startTestApp, type TestApp } from "../testing/test-app";
import { detachMonth, ensureAllPartitions, ensureMonthPartitions, monthsAhead } from "./partitions";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** Where a table's rows of one application live: partition name → count. */
async function partitionsOf(applicationId: string) {
  const { rows } = await sql<{ part: string; n: number }>`select tableoid::regclass::text as part, count(*)::int as n from application_events where application_id = ${applicationId} group by 1 order by 1`.execute(t.database.db);
  return rows;
}

/** An application of its own for each test (submitted through the API: its first event is this month's). */
async function anyApplication() {
  const id = await submitApplication(t);
  return t.database.db.selectFrom("applications").select(["id", "region_code"]).where("id", "=", id).executeTakeFirstOrThrow();
}

async function addEvent(app: { id: string; region_code: string }, at: string) {
  await t.database.db.insertInto("application_events").values({ application_id: app.id, action: "note", from_state: null, to_state: "submitted", actor_account_id: null, actor_name: "系统", org_id: null, opinion: null, details: JSON.stringify({}), region_code: app.region_code, created_at: new Date(at) }).execute();
}

describe("application events partitioned by month (China time)", () => {
  it("is a table partitioned by range of created_at, with this month and the next three ready and a default; a submission's events are this month's", async () => {
    const { rows } = await sql<{ strategy: string }>`select partstrat as strategy from pg_partitioned_table where partrelid = 'application_events'::regclass`.execute(t.database.db);
    expect(rows).toEqual([{ strategy: "r" }]);
    const parts = (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'application_events'::regclass`.execute(t.database.db)).rows.map((r) => r.name);
    for (const m of monthsAhead(new Date())) expect(parts).toContain(`application_events_p${m.replace("-", "_")}`);
    expect(parts).toContain("application_events_pdefault");
    const app = await anyApplication();
    expect((await partitionsOf(app.id)).map((p) => p.part)).toEqual([`application_events_p${monthsAhead(new Date())[0]!.replace("-", "_")}`]);
  });

  it("files an event by its China month: 23:30 UTC on the last day of a month is the next month in China", async () => {
    const app = await anyApplication();
    await ensureMonthPartitions(t.database.db, "application_events", "created_at", ["2030-01", "2030-02"]);
    await addEvent(app, "2030-01-31T15:59:59Z"); // 23:59:59 on 31 January in China
    await addEvent(app, "2030-01-31T16:00:00Z"); // 00:00 on 1 February in China
    expect((await partitionsOf(app.id)).filter((p) => p.part.startsWith("application_events_p2030"))).toEqual([
      { part: "application_events_p2030_01", n: 1 },
      { part: "application_events_p2030_02", n: 1 },
    ]);
  });

  it("moves what waited in the default partition into its month's partition when that is created, and the job creates the months ahead", async () => {
    const app = await anyApplication();
    await addEvent(app, "2031-05-10T04:00:00Z");
    expect((await partitionsOf(app.id)).find((p) => p.part === "application_events_pdefault")?.n).toBeGreaterThanOrEqual(1);
    const created = await ensureAllPartitions(t.database.db, new Date("2031-04-20T00:00:00Z"));
    expect(created).toEqual(expect.arrayContaining(["application_events_p2031_04", "application_events_p2031_05", "application_events_p2031_06", "application_events_p2031_07"]));
    expect(await partitionsOf(app.id)).toEqual(expect.arrayContaining([{ part: "application_events_p2031_05", n: 1 }]));
    // Again: nothing more to create.
    expect(await ensureAllPartitions(t.database.db, new Date("2031-04-20T00:00:00Z"))).toEqual([]);
  });

  it("detaches a month for archiving: its rows stay in a table of their own, out of the history", async () => {
    const app = await anyApplication();
    await ensureMonthPartitions(t.database.db, "application_events", "created_at", ["2032-07"]);
    await addEvent(app, "2032-07-01T01:00:00Z");
    const name = await detachMonth(t.database.db, "application_events", "2032-07");
    expect((await partitionsOf(app.id)).some((p) => p.part === name)).toBe(false);
    const kept = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(name)}`.execute(t.database.db);
    expect(kept.rows[0]!.n).toBe(1);
    await sql`drop table ${sql.id(name)}`.execute(t.database.db);
  });
});

describe("messages and their deliveries partitioned by month", () => {
  const partOf = async (table: "messages" | "notification_deliveries", id: string | number) =>
    (await sql<{ part: string }>`select tableoid::regclass::text as part from ${sql.id(table)} where id = ${id}`.execute(t.database.db)).rows[0]?.part;

  it("a delivery names its message by id and month; both move out of the default partition into their month together, and the reference holds", async () => {
    const account = await t.database.db.selectFrom("accounts").select(["id", "region_code"]).where("kind", "=", "citizen").executeTakeFirstOrThrow();
    const at = new Date("2036-03-05T02:00:00Z");
    const message = await t.database.db.insertInto("messages").values({ account_id: account.id, outbox_id: null, kind: "notice", title: "测试", body: "测试消息", title_en: "Test", body_en: "A test", link: null, application_id: null, region_code: account.region_code, created_at: at }).returning(["id", "created_at"]).executeTakeFirstOrThrow();
    const delivery = await t.database.db.insertInto("notification_deliveries").values({ message_id: message.id, message_created_at: message.created_at, channel: "sms", recipient_masked: "138****0001", status: "pending", next_attempt_at: at, created_at: at }).returning("id").executeTakeFirstOrThrow();
    expect(await partOf("messages", message.id)).toBe("messages_pdefault");
    expect(await partOf("notification_deliveries", delivery.id)).toBe("notification_deliveries_pdefault");

    const created = await ensureAllPartitions(t.database.db, new Date("2036-03-01T00:00:00Z"));
    expect(created).toEqual(expect.arrayContaining(["messages_p2036_03", "notification_deliveries_p2036_03"]));
    expect(await partOf("messages", message.id)).toBe("messages_p2036_03");
    expect(await partOf("notification_deliveries", delivery.id)).toBe("notification_deliveries_p2036_03");

    // The reference is real: a delivery of a message that does not exist (wrong month) is refused at commit.
    await expect(t.database.db.insertInto("notification_deliveries").values({ message_id: message.id, message_created_at: new Date("2036-03-05T02:00:01Z"), channel: "sms", recipient_masked: "138****0001", status: "pending", next_attempt_at: at, created_at: at }).execute()).rejects.toThrow(/foreign key/);
  });
});
