import { execFileSync } from "node:child_process";

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
