// The benchmark's load generator, run as its own process (node bench/load-worker.mjs '<json>') so that
// it never shares a thread, a heap or an event loop with the server it measures. Prints one JSON line:
// { rps, p50, p99, errors, non2xx, sent }.
//  - closed loop (autocannon): `connections` clients, each sending its next request when the last answered.
//  - open loop: requests start at a fixed `rate` per second whatever is still in flight, and each
//    latency counts from when its request was due (so a stalled server shows up in p99, instead of
//    the generator quietly slowing down with it).
import http from "node:http";
import autocannon from "autocannon";

const job = JSON.parse(process.argv[2]);

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function closedLoop() {
  const r = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    ...(job.requests ? { requests: job.requests } : {}),
    ...(job.method ? { method: job.method } : {}),
    ...(job.headers ? { headers: job.headers } : {}),
    ...(job.body ? { body: job.body } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, sent: r.requests.sent };
}

async function openLoop() {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const requests = job.requests ?? [{ method: job.method ?? "GET", path: url.pathname + url.search, headers: job.headers, body: job.body }];
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const inFlight = new Set();
  const started = performance.now();
  const total = Math.round(job.rate * job.duration);
  const one = (due, r) =>
    new Promise((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, method: r.method ?? "GET", path: r.path, headers: r.headers ?? {}, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - due);
          if (res.statusCode < 200 || res.statusCode > 299) non2xx++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      if (r.body) req.end(r.body);
      else req.end();
    });
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / job.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((res) => setTimeout(res, wait));
    const p = one(due, requests[i % requests.length]);
    sent++;
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors, non2xx, sent };
}

const result = job.mode === "open" ? await openLoop() : await closedLoop();
process.stdout.write(`${JSON.stringify(result)}\n`);
