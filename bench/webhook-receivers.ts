/**
 * Three webhook receivers in a process of their own (so that they do not share the platform's event loop):
 * each verifies every delivery with the client's helper and notes the lag from the event's time. Prints
 * `{"ports":[…]}` once listening; on stdin, "count" prints the deliveries so far, "report" the figures since the last
 * report, "exit" ends it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../clients/typescript/src/webhooks";

const secrets = JSON.parse(process.argv[2] ?? "[]") as string[];
const lags: number[] = [];
const counts = secrets.map(() => 0);
let outOfOrder = 0;
let refused = 0;
let duplicates = 0;
const ids = new Set<string>();
const last = secrets.map(() => new Map<string, number>());

const servers = await Promise.all(
  secrets.map(
    (_, i) =>
      new Promise<http.Server>((resolve) => {
        const server = http.createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on("data", (c: Buffer) => chunks.push(c));
          req.on("end", () => {
            try {
              const event = verifyWebhook(secrets[i]!, req.headers, Buffer.concat(chunks).toString("utf8"));
              if (ids.has(`${i}:${event.id}`)) duplicates++;
              ids.add(`${i}:${event.id}`);
              lags.push(Date.now() - Date.parse(event.time));
              counts[i]!++;
              const seq = Number(event.id.replace("evt-", ""));
              const before = last[i]!.get(event.subject) ?? 0;
              if (seq < before) outOfOrder++;
              last[i]!.set(event.subject, Math.max(before, seq));
              res.writeHead(204).end();
            } catch {
              refused++;
              res.writeHead(401).end();
            }
          });
        });
        server.keepAliveTimeout = 60_000;
        server.listen(0, "127.0.0.1", () => resolve(server));
      }),
  ),
);
console.log(JSON.stringify({ ports: servers.map((s) => (s.address() as AddressInfo).port) }));
process.stdin.on("data", (d) => {
  const command = String(d).trim();
  if (command === "count") {
    console.log(JSON.stringify({ count: counts.reduce((a, b) => a + b, 0) }));
    return;
  }
  if (command === "exit") process.exit(0);
  // "report": the figures since the last report.
  lags.sort((a, b) => a - b);
  const p = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
  console.log(JSON.stringify({ counts, p50: p(0.5), p99: p(0.99), max: lags.at(-1) ?? 0, outOfOrder, refused, duplicates }));
  lags.length = 0;
  counts.fill(0);
});
