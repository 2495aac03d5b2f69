import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHaobanClient, verifyWebhook, WebhookVerificationError, type HaobanEvent } from "../../../clients/typescript/src";
import { chinaDateTime } from "../../shared/china-time";
import { EVENT_TYPES, type EventType } from "../../shared/integrations";

/**
 * A department's own business system (垂直系统), as a small separate process: it subscribes to its
 * organisation's events with its client credentials, receives and verifies the signed webhooks, and
 * decides the services it handles through the API — acknowledge, accept (受理), pass review, approve with
 * the certificate's data — with the typed client. Everything it does is what a real department system
 * would do; only its "business rules" are a demonstration (it approves every complete application).
 */
export interface DepartmentSystemOptions {
  /** Where the platform answers (its API is under /api/v1). */
  platformUrl: string;
  clientId: string;
  clientSecret: string;
  /** The implementation items it handles (others of its organisation stay with the workbench). */
  itemIds: string[];
  port: number;
  host?: string;
  /** Its address as the platform reaches it (default http://127.0.0.1:<port>). */
  publicUrl?: string;
  /** The certificate data its approval gives (its own fields, e.g. a number its card system assigned). */
  certificateData?: (app: { number: string; applicantName: string }) => Record<string, string>;
  log?: (line: string) => void;
}

export interface DepartmentSystem {
  url: string;
  /** Verified events, in the order they arrived (duplicates left out). */
  events: HaobanEvent[];
  /** Applications it decided: id → outcome. */
  decided: Map<string, string>;
  /** Deliveries refused for a bad signature or a stale timestamp. */
  refused: number;
  /** Resolves once every event received so far has been handled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const WANTED = ["application.submitted", "application.resubmitted", "application.withdrawn", "certificate.issued"] as const;
const STEPS = ["accept", "pass_review", "approve"];

export async function startDepartmentSystem(options: DepartmentSystemOptions): Promise<DepartmentSystem> {
  const log = options.log ?? (() => {});
  const api = createHaobanClient({ baseUrl: options.platformUrl, clientId: options.clientId, clientSecret: options.clientSecret });
  const secrets: string[] = [];
  const seen = new Set<string>();
  /** Application numbers as the system learnt them (the events carry ids). */
  const numbers = new Map<string, string>();
  const system: DepartmentSystem = { url: "", events: [], decided: new Map(), refused: 0, idle: async () => void (await queue), close: async () => {} };
  // One application's events are handled one after another, in the order they came.
  let queue: Promise<void> = Promise.resolve();

  const handle = async (event: HaobanEvent) => {
    const applicationId = event.data.applicationId;
    if (!applicationId || (event.data.itemId && !options.itemIds.includes(String(event.data.itemId)))) return;
    if (event.type === "cn.gov.haoban.application.submitted" || event.type === "cn.gov.haoban.application.resubmitted") await decide(applicationId);
  };

  const decide = async (id: string) => {
    const detail = await api.GET("/api/v1/applications/{id}", { params: { path: { id } } });
    if (!detail.data) return log(`cannot read ${id}: ${detail.response.status}`);
    if (!options.itemIds.includes(detail.data.itemId)) return;
    numbers.set(id, detail.data.number);
    // Acknowledged, it is this system's to decide; the platform answers 404 for an application not forwarded here.
    const ack = await api.POST("/api/v1/integrations/applications/{id}/acknowledgement", { params: { path: { id } } });
    if (!ack.data) return log(`${detail.data.number} is not forwarded to this system (${ack.response.status})`);
    for (;;) {
      const current = await api.GET("/api/v1/applications/{id}", { params: { path: { id } } });
      if (!current.data) return;
      const step = STEPS.find((s) => current.data.actions.some((a) => a.key === s));
      if (!step) {
        if (current.data.outcome) system.decided.set(id, current.data.outcome);
        return;
      }
      const certificateData = step === "approve" ? options.certificateData?.({ number: current.data.number, applicantName: current.data.applicantName }) : undefined;
      const done = await api.POST("/api/v1/applications/{id}/actions", {
        params: { path: { id } },
        body: { action: step, lockVersion: current.data.lockVersion, opinion: step === "approve" ? "经本部门业务系统审核，符合条件，准予办理" : "部门业务系统自动处理", ...(certificateData ? { certificateData } : {}) },
      });
      if (!done.data) return log(`${step} on ${current.data.number} refused: ${done.response.status} ${JSON.stringify(done.error)}`);
      log(`${current.data.number}: ${step}`);
    }
  };

  const server = http.createServer((req, res) => {
    if (req.method === "GET" && (req.url === "/" || req.url === "/healthz")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const rows = system.events
        .slice(-50)
        .reverse()
        .map((e) => `<tr><td>${chinaDateTime(e.time, { seconds: true })}</td><td>${EVENT_TYPES[e.type.replace("cn.gov.haoban.", "") as EventType]?.zh ?? e.type}</td><td>${numbers.get(e.subject) ?? e.subject}</td></tr>`)
        .join("");
      res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>部门业务系统（演示）</title><h1>部门业务系统（演示）</h1><p>已接收事件 ${system.events.length} 个，已办结 ${system.decided.size} 件。</p><table><thead><tr><th>时间</th><th>事件</th><th>办件</th></tr></thead><tbody>${rows}</tbody></table></html>`);
      return;
    }
    if (req.method !== "POST" || req.url !== "/webhooks") {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let event: HaobanEvent | null = null;
      for (const secret of secrets) {
        try {
          event = verifyWebhook(secret, req.headers, body);
          break;
        } catch (err) {
          if (!(err instanceof WebhookVerificationError)) throw err;
        }
      }
      if (!event) {
        system.refused++;
        res.writeHead(401).end();
        return;
      }
      // Answered at once; the work follows. A repeated delivery (same id) is acknowledged and not redone.
      res.writeHead(204).end();
      if (seen.has(event.id)) return;
      seen.add(event.id);
      system.events.push(event);
      const e = event;
      queue = queue.then(() => handle(e)).catch((err: unknown) => log(`handling ${e.id} failed: ${String(err)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  system.url = options.publicUrl ?? `http://127.0.0.1:${port}`;
  const webhookUrl = `${system.url}/webhooks`;

  // Its subscription: made now (a signing secret is shown only once, so a restarted system makes a new one and pauses the old).
  const existing = await api.GET("/api/v1/webhooks/subscriptions");
  if (!existing.data) throw new Error(`cannot read the subscriptions: ${existing.response.status} ${JSON.stringify(existing.error)}`);
  for (const s of existing.data.items.filter((s) => s.url === webhookUrl && s.status === "active")) {
    await api.PATCH("/api/v1/webhooks/subscriptions/{id}", { params: { path: { id: s.id } }, body: { status: "paused", lockVersion: s.lockVersion } });
  }
  const created = await api.POST("/api/v1/webhooks/subscriptions", { body: { url: webhookUrl, eventTypes: [...WANTED] } });
  if (!created.data) throw new Error(`cannot subscribe: ${created.response.status} ${JSON.stringify(created.error)}`);
  secrets.push(created.data.secret);
  log(`subscribed ${webhookUrl} to ${WANTED.join(", ")}`);

  system.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return system;
}
