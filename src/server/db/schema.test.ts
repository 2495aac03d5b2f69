import { readFileSync } from "node:fs";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-app";
import type { Database } from "./database";

/**
 * schema.ts (the table types the code is checked against) must say what the migrations make: every
 * table, every column, and whether a column may be null. Read from the migrated database itself.
 */
let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await createTestDatabase({ start: "migrated" }));
});
afterAll(() => close());

type Declared = Map<string, Map<string, { nullable: boolean }>>;

/** The tables of `interface DB` in schema.ts, with each column and whether its selected type admits null. */
function declaredSchema(): Declared {
  const file = ts.createSourceFile("schema.ts", readFileSync("src/server/db/schema.ts", "utf8"), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  file.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
  });
  /** Whether the type read from the database may be null: ColumnType's and Generated's first argument, aliases followed. */
  const nullable = (type: ts.TypeNode): boolean => {
    if (ts.isUnionTypeNode(type)) return type.types.some(nullable);
    if (ts.isLiteralTypeNode(type)) return type.literal.kind === ts.SyntaxKind.NullKeyword;
    if (ts.isTypeReferenceNode(type)) {
      const name = type.typeName.getText(file);
      if ((name === "ColumnType" || name === "Generated") && type.typeArguments?.[0]) return nullable(type.typeArguments[0]);
      const alias = aliases.get(name);
      if (alias) return nullable(alias);
    }
    return false;
  };
  const tables: Declared = new Map();
  for (const member of interfaces.get("DB")!.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const table = interfaces.get(member.type.typeName.getText(file))!;
    const columns = new Map<string, { nullable: boolean }>();
    for (const c of table.members) if (ts.isPropertySignature(c) && c.type) columns.set(c.name.getText(file), { nullable: nullable(c.type) });
    tables.set(member.name.getText(file), columns);
  }
  return tables;
}

describe("schema.ts against the migrated database", () => {
  it("declares exactly the tables and columns the migrations create, with their nullability", async () => {
    const rows = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_migration%'
        -- a partitioned table is declared once; its partitions (one per month) are not
        and table_name not in (select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid)
      order by table_name, ordinal_position`.execute(database.db);
    const actual: Declared = new Map();
    for (const r of rows.rows) {
      if (!actual.has(r.table_name)) actual.set(r.table_name, new Map());
      actual.get(r.table_name)!.set(r.column_name, { nullable: r.is_nullable === "YES" });
    }
    const declared = declaredSchema();
    expect(declared.size).toBeGreaterThan(40);
    const describe = (s: Declared) => [...s].sort(([a], [b]) => a.localeCompare(b)).map(([t, cols]) => `${t}: ${[...cols].map(([c, v]) => `${c}${v.nullable ? "?" : ""}`).sort().join(", ")}`);
    expect(describe(declared)).toEqual(describe(actual));
  });
});
