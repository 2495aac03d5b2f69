import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mutex } from "./mutex";
import { PgliteDialect } from "./pglite-dialect";

/** The embedded engine's statements are prepared once and reused; they must behave exactly like one-off queries. */
describe("PGlite dialect with prepared statements", () => {
  let pglite: PGlite;
  let db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    pglite = await PGlite.create("memory://", { parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v } });
    db = new Kysely({ dialect: new PgliteDialect(pglite, new Mutex(), { statementCacheSize: 4 }) });
    await sql`create table t (id int primary key, name text not null, tags text[], doc jsonb, born date, at timestamptz, ok boolean)`.execute(db);
    // The row every test may read (each test writes rows of its own).
    await sql`insert into t (id, name) values (1, '王建国')`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await pglite.close();
  });

  const prepared = async () => (await pglite.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements")).rows[0]!.n;

  it("binds every parameter type as a one-off query would, and reads results with the instance's parsers", async () => {
    const at = new Date("2026-02-12T08:30:00.000Z");
    const res = await db.insertInto("t").values({ id: 10, name: "张伟明", tags: ["a", "b,c"], doc: JSON.stringify({ k: [1, 2] }), born: "1990-05-01", at, ok: true }).executeTakeFirst();
    expect(res.numInsertedOrUpdatedRows).toBe(1n);
    const row = await db.selectFrom("t").selectAll().where("id", "=", 10).executeTakeFirstOrThrow();
    const plain = (await pglite.query("select * from t where id = $1", [10])).rows[0];
    expect(row).toEqual(plain);
    expect(row).toMatchObject({ name: "张伟明", tags: ["a", "b,c"], doc: { k: [1, 2] }, born: "1990-05-01", ok: true });
    expect((row.at as Date).toISOString()).toBe(at.toISOString());
    const count = await sql<{ n: number }>`select count(*) as n from t where name = ${"张伟明"} and ${null}::text is null`.execute(db);
    expect(count.rows[0]!.n).toBe(1);
  });

  it("prepares a statement once and reuses it", async () => {
    const query = (i: number) => db.selectFrom("t").select("name").where("id", "=", i);
    for (let i = 0; i < 5; i++) await query(i).execute();
    const copies = await pglite.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where statement = $1", [query(0).compile().sql]);
    expect(copies.rows[0]!.n).toBe(1);
  });

  it("keeps at most the configured number of statements, closing the least recently used", async () => {
    for (let i = 0; i < 10; i++) await sql`select ${i}::int + ${sql.raw(String(i))} as v`.execute(db);
    expect(await prepared()).toBeLessThanOrEqual(4);
    const again = await sql<{ v: number }>`select ${3}::int + 3 as v`.execute(db);
    expect(again.rows[0]!.v).toBe(6);
  });

  it("prepares again when a schema change alters a statement's result columns", async () => {
    await sql`create table t_changing (id int primary key)`.execute(db);
    await sql`insert into t_changing values (1)`.execute(db);
    const query = () => db.selectFrom("t_changing").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
    expect(Object.keys(await query())).not.toContain("extra");
    await sql`alter table t_changing add column extra text default 'x'`.execute(db);
    expect(await query()).toMatchObject({ extra: "x" });
  });

  it("passes a statement's error with its code and leaves the session usable", async () => {
    await expect(db.insertInto("t").values({ id: 1, name: "重复" }).execute()).rejects.toMatchObject({ code: "23505" });
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toMatchObject({ code: "42P01" });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: 2, name: "李雪梅" }).execute();
      await expect(trx.insertInto("t").values({ id: 2, name: "李雪梅" }).execute()).rejects.toMatchObject({ code: "23505" });
    }).catch(() => undefined);
    expect(await db.selectFrom("t").select("id").where("id", "=", 2).execute()).toEqual([]);
    expect((await db.selectFrom("t").select("id").where("id", "=", 1).execute()).map((r) => r.id)).toEqual([1]);
  });
});
