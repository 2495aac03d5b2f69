import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("configuration of a process's work", () => {
  it("runs everything in one process by default", () => {
    expect(loadConfig({})).toMatchObject({ role: "all", workers: 1, jobs: true });
  });

  it("HAOBAN_ROLE=web serves without the background jobs; jobs runs them; anything else is refused by name", () => {
    expect(loadConfig({ HAOBAN_ROLE: "web" })).toMatchObject({ role: "web", jobs: false });
    expect(loadConfig({ HAOBAN_ROLE: "jobs" })).toMatchObject({ role: "jobs", jobs: true });
    expect(loadConfig({ HAOBAN_ROLE: "all", HAOBAN_JOBS: "false" })).toMatchObject({ role: "all", jobs: false });
    expect(() => loadConfig({ HAOBAN_ROLE: "worker" })).toThrow(/HAOBAN_ROLE must be web, jobs or all/);
  });

  it("HAOBAN_WORKERS counts HTTP processes, at least one", () => {
    expect(loadConfig({ HAOBAN_WORKERS: "4", DATABASE_URL: "postgres://x/y" }).workers).toBe(4);
    expect(loadConfig({ HAOBAN_WORKERS: "0" }).workers).toBe(1);
  });
});
