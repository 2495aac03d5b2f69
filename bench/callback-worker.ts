// The payment bench's notification sender, run as its own process (tsx bench/callback-worker.ts '<json>'):
// at `rate` notifications a second, each one signed afresh and sent `copies` times at once (the same id,
// as a provider's retries and duplicates arrive), latencies counted from when each was due.
// Prints one JSON line: { sent, p50, p99, statuses }.
import http from "node:http";
import { signedHeaders } from "../src/simulators/payment/sdk";

const job = JSON.parse(process.argv[2]!) as { url: string; merchant: string; key: string; numbers: string[]; amounts: number[]; rate: number; copies: number };
const target = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const latencies: number[] = [];
const statuses: Record<string, number> = {};

function post(body: string, due: number): Promise<void> {
  return new Promise((resolve) => {
    const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...signedHeaders(job.merchant, job.key, "POST", target.pathname, body) };
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers, agent }, (res) => {
      res.resume();
      res.on("end", () => {
        latencies.push(performance.now() - due);
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        resolve();
      });
    });
    req.on("error", () => {
      statuses.error = (statuses.error ?? 0) + 1;
      resolve();
    });
    req.end(body);
  });
}

const start = performance.now();
const inflight: Array<Promise<void>> = [];
for (let i = 0; i < job.numbers.length; i++) {
  const due = start + (i * 1000) / job.rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const at = new Date().toISOString();
  const body = JSON.stringify({ id: `EVTBENCH${i}`, type: "payment.succeeded", createdAt: at, data: { merchantNo: job.numbers[i], providerNo: `PBENCH${i}`, amountFen: job.amounts[i], channel: "wallet", at } });
  for (let c = 0; c < job.copies; c++) inflight.push(post(body, due));
}
await Promise.all(inflight);
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
console.log(JSON.stringify({ sent: latencies.length, seconds: (performance.now() - start) / 1000, p50: pct(50), p99: pct(99), statuses }));
agent.destroy();
