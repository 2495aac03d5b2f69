import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The pids of a process's children (none when it has none, or is gone: `ps` then exits 1). */
export function childProcesses(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** A cluster primary's children with their role (HAOBAN_ROLE of each: web or jobs; "?" for one that ended meanwhile). */
export function childRoles(pid: number): Map<number, string> {
  const roleOf = (child: number) => {
    try {
      return /(?:^|\0)HAOBAN_ROLE=(\w+)/.exec(readFileSync(`/proc/${child}/environ`, "utf8"))?.[1] ?? "?";
    } catch {
      return "?";
    }
  };
  return new Map(childProcesses(pid).map((child) => [child, roleOf(child)] as const));
}
