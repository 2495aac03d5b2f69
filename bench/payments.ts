import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { sql } from "kysely";
import { chinaToday } from "../src/shared/china-time";
import { buildPayCode } from "../src/shared/fees";
import { startPaymentSimulator } from "../src/simulators/payment/server";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { freshBenchDatabase } from "./bench-database";
import { freePort } from "../src/server/testing/payment-sim";

export interface PaymentCheck {
  name: string;
  figure: string;
  target: string;
  ok: boolean | null;
}

const MERCHANT = "haoban-bench";
const KEY = randomBytes(24).toString("hex");

/**
 * 统一支付's targets, on a platform of its own (a fresh database, the demo city, the payment simulator):
 * signed payment notifications at 200 a second, each sent three times at once (one change each, a
 * receipt each), and the daily reconciliation of 100,000 orders against the platform's statement.
 */
export async function paymentsBench(options: { quick: boolean; seconds: number }): Promise<PaymentCheck[]> {
  const checks: PaymentCheck[] = [];
  const base = loadConfig();
  const { database, cipher, databaseUrl, dataDir, drop } = await freshBenchDatabase(base, "pay");
  const sim = await startPaymentSimulator({ merchants: { [MERCHANT]: KEY }, processingMs: 10 });
  const port = await freePort();
  const config = { ...base, databaseUrl, dataDir, webDist: "./no-web-for-bench", seedDemo: false, rateLimitPerMinute: 10_000_000, publicRateLimitPerMinute: 10_000_000, payment: { ...base.payment, url: sim.url, merchantId: MERCHANT, key: KEY, notifyUrl: `http://127.0.0.1:${port}/api/v1/payments/notify` } };
  const { app, services } = await buildApp({ config, database, cipher, logger: false });
  await app.listen({ port, host: "127.0.0.1" });
  const org = await database.db.selectFrom("orgs").select(["id", "region_code"]).where("code", "=", "310101-PSB").executeTakeFirstOrThrow();
  const today = chinaToday();

  try {
    // 1. Notifications: pending orders, each paid by a notification sent three times at once.
    const rate = Number(process.env.BENCH_CALLBACK_RATE ?? 200);
    const count = rate * options.seconds;
    const numbers: string[] = [];
    const rows = [];
    for (let i = 1; i <= count; i++) {
      const serial = `${today.slice(5, 7)}${today.slice(8, 10)}${String(5_000_000 + i).padStart(7, "0")}`;
      const number = `${org.region_code}${today.replaceAll("-", "")}${String(5_000_000 + i).padStart(7, "0")}`;
      numbers.push(number);
      rows.push({ number, pay_code: buildPayCode(org.region_code, Number(today.slice(0, 4)), serial), stage: "submission", org_id: org.id, region_code: org.region_code, payer_name: "基准测试", subject: "基准测试缴费", amount_fen: 2000, lines: JSON.stringify([{ name: "工本费", amountFen: 2000, detail: "", exemptBy: null }]), status: "pending", due_date: today, provider_order_no: `PBENCH${i}`, registered_at: new Date() });
    }
    for (let i = 0; i < rows.length; i += 1000) await database.db.insertInto("payment_orders").values(rows.slice(i, i + 1000)).execute();
    const sent = await new Promise<{ sent: number; seconds: number; p50: number; p99: number; statuses: Record<string, number> }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "callback-worker.ts"), JSON.stringify({ url: `http://127.0.0.1:${port}/api/v1/payments/notify`, merchant: MERCHANT, key: KEY, numbers, amounts: numbers.map(() => 2000), rate, copies: 3 })], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`callback worker exited ${code}`))));
    });
    await services.payments.idle();
    const paid = Number((await database.db.selectFrom("payment_orders").select((eb) => eb.fn.countAll<number>().as("n")).where("number", "in", numbers).where("status", "=", "paid").executeTakeFirstOrThrow()).n);
    const settles = Number((await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("action", "=", "payment.settle").executeTakeFirstOrThrow()).n);
    const receipts = Number((await database.db.selectFrom("certificates").select((eb) => eb.fn.countAll<number>().as("n")).where("type_code", "=", "fiscal_receipt").executeTakeFirstOrThrow()).n);
    const ok200 = sent.statuses["200"] ?? 0;
    console.log(`payment notifications: ${count} orders × 3 copies at ${rate}/s → ${sent.sent} requests in ${sent.seconds.toFixed(1)} s, p50 ${sent.p50} ms p99 ${sent.p99} ms, statuses ${JSON.stringify(sent.statuses)}`);
    console.log(`  applied: ${paid} orders paid, ${settles} settlements, ${receipts} receipts (each exactly once: ${count})`);
    checks.push({ name: `payment notifications ${rate}/s ×3 copies, p99`, figure: `${sent.p99} ms`, target: database.kind === "pglite" ? "p99 < 50 ms (server)" : "p99 < 50 ms", ok: database.kind === "pglite" ? null : sent.p99 < 50 });
    checks.push({ name: "notifications: none lost, none applied twice", figure: `${paid}/${count} paid, ${settles} settled, ${ok200}/${sent.sent} ack`, target: "each order once", ok: paid === count && settles === count && receipts === count && ok200 === sent.sent });

    // 2. Reconciliation of a day with 100,000 orders: 10 missing at the provider, 5 it alone has, 5 amounts differ.
    const n = options.quick ? 20_000 : 100_000;
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const filled = performance.now();
    await sql`
      insert into payment_orders (number, pay_code, stage, org_id, region_code, payer_name, subject, amount_fen, lines, status, due_date, provider_order_no, registered_at, channel, paid_at, settled_by)
      select 'RB' || lpad(g::text, 9, '0'), 'RBPAY' || lpad(g::text, 15, '0'), 'submission', ${org.id}::uuid, ${org.region_code}, '基准测试', '基准测试缴费', 1000 + g % 5000, '[]'::jsonb, 'paid', ${yesterday}::date,
             'PRB' || g, now(), 'wallet', (${yesterday}::date + time '12:00')::timestamp at time zone 'Asia/Shanghai', 'callback'
      from generate_series(1, ${n}) g`.execute(database.db);
    const lines = [];
    for (let g = 1; g <= n; g++) {
      if (g <= 10) continue; // the provider never saw these
      lines.push({ date: yesterday, type: "payment", merchantNo: `RB${String(g).padStart(9, "0")}`, providerNo: `PRB${g}`, amountFen: 1000 + (g % 5000) + (g > n - 5 ? 1 : 0), at: `${yesterday}T04:00:00.000Z` });
    }
    for (let k = 1; k <= 5; k++) lines.push({ date: yesterday, type: "payment", merchantNo: `RBX${k}`, providerNo: `PRBX${k}`, amountFen: 500, at: `${yesterday}T04:00:00.000Z` });
    const res = await fetch(`${sim.url}/sim/statement-lines`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(lines) });
    if (!res.ok) throw new Error(`statement lines: ${res.status}`);
    const fillMs = performance.now() - filled;
    const t0 = performance.now();
    const run = await services.reconciliation.run(yesterday);
    const ms = performance.now() - t0;
    console.log(`reconciliation of ${n.toLocaleString("en")} orders (${(fillMs / 1000).toFixed(1)} s to prepare): ${(ms / 1000).toFixed(2)} s, ${run.run?.matched.toLocaleString("en")} matched, ${run.findings.length} findings`);
    checks.push({ name: `daily reconciliation of ${n.toLocaleString("en")} orders`, figure: `${(ms / 1000).toFixed(2)} s, ${run.findings.length} findings`, target: "< 30 s, the 20 planted found", ok: ms < 30_000 && run.findings.length === 20 });
  } finally {
    await app.close();
    await sim.close();
    await drop();
  }
  return checks;
}

// `npx tsx bench/payments.ts`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const checks = await paymentsBench({ quick: process.env.BENCH_QUICK === "1", seconds: Number(process.env.BENCH_SECONDS ?? 10) });
  for (const c of checks) console.log(`  ${c.ok === null ? "·" : c.ok ? "✓" : "✗"} ${c.name.padEnd(46)}${c.figure.padEnd(36)}${c.target}`);
  process.exit(checks.some((c) => c.ok === false) ? 1 : 0);
}
