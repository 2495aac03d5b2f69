import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PreparingPool } from "./preparing-pool";

const serverUrl = process.env.DATABASE_URL;

/** On the PostgreSQL server lane: statements are prepared once per connection, and a connection with too many is replaced. */
describe.skipIf(!serverUrl)("PostgreSQL pool with prepared statements", () => {
  const name = `haoban_prep_${Date.now()}_${process.pid}`;
  let pool: pg.Pool;
  let db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    // One connection, so that each check sees the session its statements were prepared on.
    pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    db = new Kysely({ dialect: new PostgresDialect({ pool: new PreparingPool(pool, 5) }) });
    await sql`create table t (id int primary key, name text not null)`.execute(db);
    await db.insertInto("t").values({ id: 1, name: "张伟明" }).execute();
  });
  afterAll(async () => {
    await db.destroy();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const backend = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

  it("prepares a statement once per connection and reuses it", async () => {
    const query = (id: number) => db.selectFrom("t").select("name").where("id", "=", id);
    expect(await query(1).execute()).toEqual([{ name: "张伟明" }]);
    for (let i = 0; i < 3; i++) await query(i).execute();
    const copies = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement = ${query(0).compile().sql}`.execute(db);
    expect(copies.rows[0]!.n).toBe(1);
  });

  it("replaces a connection that holds more than its share of statements", async () => {
    const before = await backend();
    for (let i = 0; i < 8; i++) await sql`select ${i}::int + ${sql.raw(String(i))} as v`.execute(db);
    expect(await backend()).not.toBe(before);
    // At most its share — plus the one that takes it over (a connection retires once it holds six): the
    // statement counting them may be that one, whatever ran before it on this connection.
    const held = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(db);
    expect(held.rows[0]!.n).toBeLessThanOrEqual(6);
  });

  it("still answers when a schema change alters a prepared statement's result", async () => {
    const query = () => db.selectFrom("t").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
    expect(Object.keys(await query())).toEqual(["id", "name"]);
    await sql`alter table t add column extra text default 'x'`.execute(db);
    expect(await query()).toEqual({ id: 1, name: "张伟明", extra: "x" });
  });

  it("passes errors with their code and keeps working", async () => {
    await expect(db.insertInto("t").values({ id: 1, name: "重复" }).execute()).rejects.toMatchObject({ code: "23505" });
    expect(await db.selectFrom("t").select("id").execute()).toEqual([{ id: 1 }]);
  });
});

/** The platform's connections to a server run without JIT (see openDatabase). */
describe.skipIf(!serverUrl)("the platform's server connections", () => {
  it("have PostgreSQL's JIT compilation off", async () => {
    const { openDatabase } = await import("./database");
    const database = await openDatabase({ databaseUrl: serverUrl! });
    try {
      expect((await sql<{ jit: string }>`show jit`.execute(database.db)).rows[0]!.jit).toBe("off");
    } finally {
      await database.close();
    }
  });
});
