import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { startWebhookWorker } from "../src/server/jobs/webhooks.job";
import { FOOD_LICENCE_FORM } from "../src/server/testing/fixtures";
import { freePort } from "../src/server/testing/payment-sim";
import { session } from "./applications";
import { freshBenchDatabase } from "./bench-database";
import { runLoad } from "./load";

export interface WebhookCheck {
  name: string;
  figure: string;
  target: string;
  ok: boolean | null;
}

/** The receivers' process: its ports, and a way to ask it for its figures. */
function startReceivers(secrets: string[]): Promise<{ ports: number[]; ask: (command: string) => Promise<Record<string, number | number[]>>; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "webhook-receivers.ts"), JSON.stringify(secrets)], { stdio: ["pipe", "pipe", "inherit"] });
  let waiting: ((line: string) => void) | null = null;
  let buffer = "";
  child.stdout!.on("data", (d) => {
    buffer += d;
    let i;
    while ((i = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      waiting?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => (waiting = resolve));
  const ask = async (command: string) => {
    const answer = next();
    child.stdin!.write(`${command}\n`);
    return JSON.parse(await answer) as Record<string, number | number[]>;
  };
  return next().then((line) => ({ ports: (JSON.parse(line) as { ports: number[] }).ports, ask, child }));
}

/**
 * Department systems' targets, on a platform of its own (a fresh database, the demo city): 1,000 events
 * a second for `seconds`, fanned out from the outbox to three subscribers (each a verifying receiver),
 * with the lag from the event to its receipt; then submissions through the whole stack with the
 * subscriptions paused and the worker stopped, and again with both on.
 */
export async function webhooksBench(options: { quick: boolean; seconds: number }): Promise<WebhookCheck[]> {
  const checks: WebhookCheck[] = [];
  const base = loadConfig();
  const { database, cipher, databaseUrl, dataDir, drop } = await freshBenchDatabase(base, "hooks");
  const port = await freePort();
  const config = { ...base, databaseUrl, dataDir, jobs: false, webDist: "./no-web-for-bench", seedDemo: false, rateLimitPerMinute: 10_000_000, loginRateLimitPerMinute: 10_000_000, publicRateLimitPerMinute: 10_000_000, integrations: base.integrations };
  const { app, services } = await buildApp({ config, database, cipher, logger: false });
  await app.listen({ port, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${port}`;
  const huangpu = await database.db.selectFrom("orgs").select(["id"]).where("code", "=", "310101").executeTakeFirstOrThrow();
  const amr = await database.db.selectFrom("orgs").select(["id"]).where("code", "=", "310101-AMR").executeTakeFirstOrThrow();
  const admin = await session(url, "admin");
  const adminHeaders = { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" };
  const subscribe = async (hook: string) => {
    const res = await fetch(`${url}/api/v1/webhooks/subscriptions`, { method: "POST", headers: adminHeaders, body: JSON.stringify({ url: hook, eventTypes: ["application.submitted", "application.accepted", "application.progressed"], orgId: huangpu.id }) });
    if (!res.ok) throw new Error(`subscribe: ${res.status} ${await res.text()}`);
    return (await res.json()) as { subscription: { id: string; lockVersion: number }; secret: string };
  };
  // Three subscriptions (secrets first: the receivers need them), then their addresses.
  const subs = [];
  for (let i = 0; i < 3; i++) subs.push(await subscribe(`http://127.0.0.1:1/placeholder-${i}`));
  const receivers = await startReceivers(subs.map((s) => s.secret));
  for (let i = 0; i < 3; i++) {
    await database.db.updateTable("webhook_subscriptions").set({ url: `http://127.0.0.1:${receivers.ports[i]}/hook` }).where("id", "=", subs[i]!.subscription.id).execute();
  }

  try {
    // 1. 1,000 events a second into the outbox (as committed changes write them), 2,000 applications' worth.
    const rate = Number(process.env.BENCH_EVENT_RATE ?? 1000);
    const total = rate * options.seconds;
    const apps = Array.from({ length: 2000 }, () => randomUUID());
    const stop = startWebhookWorker(services, config.integrations.webhookIntervalMs, (err) => console.error(err));
    const started = performance.now();
    let written = 0;
    while (written < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      if (due > written) {
        const rows = [];
        for (let k = written; k < due; k++) {
          const applicationId = apps[k % apps.length]!;
          rows.push({ topic: "application.transition", payload: JSON.stringify({ applicationId, number: null, itemId: amr.id, handlingOrgId: amr.id, action: "accept", from: "submitted", to: "reviewing", fromKind: "start", toKind: "normal", outcome: null, supplement: false }), region_code: "310101" });
        }
        for (let i = 0; i < rows.length; i += 500) await database.db.insertInto("outbox").values(rows.slice(i, i + 500)).execute();
        written = due;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const writeSeconds = (performance.now() - started) / 1000;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && Number((await receivers.ask("count")).count) < total * 3) await new Promise((r) => setTimeout(r, 200));
    const drainSeconds = (performance.now() - started) / 1000;
    await stop();
    const figures = await receivers.ask("report");
    const received = (figures.counts as number[]).reduce((a, b) => a + b, 0);
    console.log(`webhooks: ${total.toLocaleString("en")} events at ${rate}/s (written in ${writeSeconds.toFixed(1)} s) × 3 subscribers → ${received.toLocaleString("en")} verified deliveries, all in ${drainSeconds.toFixed(1)} s; lag p50 ${figures.p50} ms p99 ${figures.p99} ms max ${figures.max} ms; out of order ${figures.outOfOrder}, refused ${figures.refused}`);
    checks.push({ name: `webhooks ${rate}/s × 3 subscribers, lag p99`, figure: `${figures.p99} ms (${received}/${total * 3})`, target: database.kind === "pglite" ? "p99 < 2 s (server)" : "p99 < 2 s, none lost", ok: database.kind === "pglite" ? null : Number(figures.p99) < 2000 && received === total * 3 });
    checks.push({ name: "webhooks in order per application", figure: `${figures.outOfOrder} out of order`, target: "0", ok: figures.outOfOrder === 0 && figures.refused === 0 });

    // 2. Submissions through the whole stack: subscriptions paused and no worker, then both on.
    const citizen = await session(url, "13800000001");
    const item = await database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
    const submitJob = { url: `${url}/api/v1/applications`, method: "POST", headers: { cookie: citizen.cookie, "x-csrf-token": citizen.csrf, "content-type": "application/json" }, body: JSON.stringify({ itemId: item.id, formData: FOOD_LICENCE_FORM, promise: true }), connections: 10, mode: "closed" as const };
    const setStatus = (status: string) => database.db.updateTable("webhook_subscriptions").set({ status }).execute();
    await runLoad({ ...submitJob, duration: 1 }); // warm-up
    // Alternating windows (off, on, off, on, off, on): the machine's drift falls on both sides alike.
    const sum = { without: { n: 0, rps: 0, p99: 0, bad: 0 }, with: { n: 0, rps: 0, p99: 0, bad: 0 } };
    for (let round = 0; round < 6; round++) {
      const on = round % 2 === 1;
      await setStatus(on ? "active" : "paused");
      const stopRound = on ? startWebhookWorker(services, config.integrations.webhookIntervalMs, (err) => console.error(err)) : async () => {};
      const f = await runLoad({ ...submitJob, duration: options.seconds });
      await stopRound();
      const side = on ? sum.with : sum.without;
      side.n++;
      side.rps += f.rps;
      side.p99 = Math.max(side.p99, f.p99);
      side.bad += f.errors + f.non2xx;
    }
    const without = { rps: sum.without.rps / sum.without.n, p99: sum.without.p99 };
    const withHooks = { rps: sum.with.rps / sum.with.n, p99: sum.with.p99, errors: sum.with.bad, non2xx: 0 };
    const ratio = withHooks.rps / without.rps;
    // What the submissions made is delivered too (the worker finishes the last window's).
    const drain = startWebhookWorker(services, config.integrations.webhookIntervalMs, (err) => console.error(err));
    // (Requests the load left in flight finish after it: the count is read again each time.)
    const countSubmitted = async () => Number((await database.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("topic", "=", "application.submitted").executeTakeFirstOrThrow()).n);
    const until = Date.now() + 30_000;
    while (Date.now() < until && Number((await receivers.ask("count")).count) < (await countSubmitted()) * 3) await new Promise((r) => setTimeout(r, 200));
    const submitted = await countSubmitted();
    await drain();
    const second = await receivers.ask("report");
    const delivered = (second.counts as number[]).reduce((a, b) => a + b, 0);
    const rows = await database.db.selectFrom("webhook_deliveries").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).where("event_type", "=", "application.submitted").groupBy("status").execute();
    console.log(`submission events: ${JSON.stringify(rows)}; duplicates received ${second.duplicates}`);
    console.log(`POST /api/v1/applications · 10 at once, alternating windows: without webhooks ${without.rps.toFixed(0)}/s p99 ${without.p99} ms | with 3 subscribers and the worker ${withHooks.rps.toFixed(0)}/s p99 ${withHooks.p99} ms → ${ratio.toFixed(3)} (${delivered} of ${submitted * 3} submission events delivered to the three receivers)`);
    checks.push({ name: "submissions with webhooks on", figure: `${ratio.toFixed(3)} of without`, target: "≥ 0.90 of without", ok: database.kind === "pglite" ? null : ratio >= 0.9 && withHooks.errors + withHooks.non2xx === 0 });
  } finally {
    receivers.child.stdin?.write("exit\n");
    receivers.child.kill();
    await app.close();
    await drop();
  }
  return checks;
}

// `npx tsx bench/webhooks.ts`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const checks = await webhooksBench({ quick: process.env.BENCH_QUICK === "1", seconds: Number(process.env.BENCH_SECONDS ?? 10) });
  for (const c of checks) console.log(`  ${c.ok === null ? "·" : c.ok ? "✓" : "✗"} ${c.name.padEnd(46)}${c.figure.padEnd(36)}${c.target}`);
  process.exit(checks.some((c) => c.ok === false) ? 1 : 0);
}
