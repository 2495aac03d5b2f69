import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The structure rules of ARCHITECTURE.md, checked on the code's own imports and statements:
 * no import cycle between modules, db/ and shared/ import no module, every table is written by one
 * module only, and a module changes another module's tables only through that module's published
 * writers (the audit trail, the outbox, the number series) or its services.
 */
const SERVER = "src/server";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The unit a server file belongs to: `modules/<name>` for a module, else its top-level folder or file. */
function unitOf(file: string): string {
  const parts = path.relative(SERVER, file).split(path.sep);
  if (parts[0] === "modules") return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : "root";
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)].map((m) => path.join(path.dirname(file), m[1]!));
}

const serverFiles = sources(SERVER);
const moduleNames = [...new Set(serverFiles.map(unitOf).filter((u) => u.startsWith("modules/")))];

/** Module-to-module import edges (type imports included: they are dependencies too), with an example file. */
function moduleEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of serverFiles) {
    const from = unitOf(file);
    if (!from.startsWith("modules/")) continue;
    for (const target of importsOf(file)) {
      if (!target.startsWith(SERVER)) continue;
      const to = unitOf(target);
      if (to === from || !to.startsWith("modules/")) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from)!.set(to, path.relative(SERVER, file));
    }
  }
  return edges;
}

/** Strongly connected components with more than one member (Tarjan): each is an import cycle. */
function cycles(edges: Map<string, Map<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of moduleNames) if (!index.has(v)) visit(v);
  return found;
}

const WRITE = /insertInto\("(\w+)"\)|updateTable\("(\w+)"\)|deleteFrom\("(\w+)"\)|\binsert into (\w+)|\bupdate (\w+) set\b|\bdelete from (\w+)/g;
const writtenTables = (text: string) => [...text.matchAll(WRITE)].map((m) => m.slice(1).find(Boolean)!);

/** Each repository key of the unit of work, with its class, module and the methods that write. */
function repositories() {
  const root = readFileSync(path.join(SERVER, "repositories.ts"), "utf8");
  const classFile = new Map([...root.matchAll(/import \{ (\w+) \} from "\.\/(modules\/[^"]+)";/g)].map((m) => [m[1]!, `${m[2]}.ts`]));
  return [...root.matchAll(/readonly (\w+): (\w+);/g)].map(([, key, cls]) => {
    const file = classFile.get(cls!)!;
    const text = readFileSync(path.join(SERVER, file), "utf8");
    // Split the class into its methods (two-space indented members) and keep those whose body writes.
    const members = [...text.matchAll(/\n {2}(?:async )?(?:private )?(?:async )?(\w+)\s*(?:<[^>]*>)?\(/g)];
    const writers = new Set<string>();
    members.forEach((m, i) => {
      const body = text.slice(m.index, members[i + 1]?.index ?? text.length);
      if (writtenTables(body).length) writers.add(m[1]!);
    });
    return { key: key!, cls: cls!, module: unitOf(path.join(SERVER, file)), writers };
  });
}

/**
 * Writers other modules may call directly, being those modules' published interface: appending to the
 * audit trail, appending to and consuming the outbox, taking a number, bumping the searchable content's generation.
 */
const PUBLISHED_WRITERS = new Set(["audit.append", "audit.appendMany", "outbox.append", "outbox.markProcessed", "outbox.markFannedOut", "counters.next", "contentGeneration.bump"]);

describe("architecture", () => {
  it("has no import cycle between modules", () => {
    expect(cycles(moduleEdges())).toEqual([]);
  });

  it("keeps db/ and shared/ free of modules", () => {
    const db = serverFiles.filter((f) => unitOf(f) === "db").flatMap((f) => importsOf(f).filter((t) => t.startsWith(SERVER) && unitOf(t) !== "db").map((t) => `${f} → ${t}`));
    expect(db).toEqual([]);
    const shared = sources("src/shared").flatMap((f) => importsOf(f).filter((t) => !t.startsWith("src/shared")).map((t) => `${f} → ${t}`));
    expect(shared).toEqual([]);
  });

  it("has every table written by one module only", () => {
    const writers = new Map<string, Set<string>>();
    for (const file of serverFiles.filter((f) => unitOf(f).startsWith("modules/"))) {
      for (const table of writtenTables(readFileSync(file, "utf8"))) {
        if (!writers.has(table)) writers.set(table, new Set());
        writers.get(table)!.add(unitOf(file));
      }
    }
    const shared = [...writers].filter(([, m]) => m.size > 1).map(([t, m]) => `${t}: ${[...m].sort().join(", ")}`);
    expect(shared).toEqual([]);
    expect(writers.size).toBeGreaterThan(40);
  });

  it("lets a module change another module's tables only through that module's services", () => {
    const repos = repositories();
    expect(repos.length).toBeGreaterThan(30);
    const byKey = new Map(repos.map((r) => [r.key, r]));
    const violations: string[] = [];
    // Modules and the job workers (which act through services); seeding and maintenance scripts load data directly.
    for (const file of serverFiles.filter((f) => (unitOf(f).startsWith("modules/") || unitOf(f) === "jobs") && !f.endsWith(".repository.ts"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\b(?:repos|r|trx|tx|unit)\.(\w+)\.(\w+)\(/g)) {
        const repo = byKey.get(m[1]!);
        if (!repo || repo.module === unitOf(file) || !repo.writers.has(m[2]!) || PUBLISHED_WRITERS.has(`${m[1]}.${m[2]}`)) continue;
        violations.push(`${path.relative(SERVER, file)}: ${m[1]}.${m[2]} (${repo.module})`);
      }
    }
    expect([...new Set(violations)]).toEqual([]);
  });
});
