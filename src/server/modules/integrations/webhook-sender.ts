import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { WEBHOOK_HEADERS } from "../../../shared/integrations";

/** A subscription's signing secret: `whsec_` and 32 random bytes in base64 (the Standard Webhooks form). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The signature of one delivery: `v1,` and the base64 HMAC-SHA256, keyed with the secret's bytes, of `id.timestamp.body`. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

export interface SendResult {
  status: number | null;
  durationMs: number;
  response: string | null;
  error: string | null;
}

/** Keep-alive connections to the receivers, a bounded number per receiver. */
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 32 }), https: new https.Agent({ keepAlive: true, maxSockets: 32 }) };

/**
 * POSTs one signed event (CloudEvents structured mode) and reads at most 1 KiB of the answer. A 2xx is
 * delivered; anything else, a timeout or a refused connection is a failure to retry.
 */
export function sendWebhook(url: string, secret: string, event: { id: string; body: string }, timeoutMs: number, deliveryId: number, attempt: number): Promise<SendResult> {
  const started = performance.now();
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<SendResult, "durationMs">) => {
      if (done) return;
      done = true;
      resolve({ ...r, durationMs: Math.round(performance.now() - started) });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ status: null, response: null, error: "invalid address" });
      return;
    }
    const secure = target.protocol === "https:";
    const req = (secure ? https : http).request(
      target,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers: {
          "content-type": "application/cloudevents+json; charset=utf-8",
          "content-length": Buffer.byteLength(event.body),
          "user-agent": "Haoban-Webhooks/1",
          [WEBHOOK_HEADERS.id]: event.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(secret, event.id, timestamp, event.body),
          "haoban-delivery": String(deliveryId),
          "haoban-attempt": String(attempt),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < 1024) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => finish({ status: res.statusCode ?? null, response: Buffer.concat(chunks).toString("utf8").slice(0, 1024) || null, error: null }));
        res.on("error", (err) => finish({ status: res.statusCode ?? null, response: null, error: err.message }));
      },
    );
    req.on("timeout", () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on("error", (err) => finish({ status: null, response: null, error: err.message.slice(0, 300) }));
    req.end(event.body);
  });
}
