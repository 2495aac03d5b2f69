import { spawn } from "node:child_process";
import path from "node:path";

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadJob {
  url: string;
  mode?: "closed" | "open";
  connections?: number;
  duration?: number;
  rate?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: Array<{ method: string; path: string; headers?: Record<string, string>; body?: string }>;
}

/** Runs one load in its own process (load-worker.mjs, autocannon) and returns its figures. */
export function runLoad(job: LoadJob): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "load-worker.mjs"), JSON.stringify(job)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as Figures) : reject(new Error(`load worker exited ${code}`))));
  });
}
