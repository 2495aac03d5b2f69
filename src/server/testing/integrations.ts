import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook, type HaobanEvent } from "../../../clients/typescript/src";
import { demoPersons } from "../seed/demo-people";
import { withMaterials } from "./factories";
import { login, type LoggedIn, type TestApp } from "./test-app";

/** 南京东路街道's 社会保障卡申领: the service the department-system tests hand to a client. */
export async function streetCardItem(t: TestApp): Promise<{ itemId: string; orgId: string }> {
  const row = await t.database.db
    .selectFrom("catalogue_items as i")
    .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
    .innerJoin("orgs as o", "o.id", "i.org_id")
    .select(["i.id", "i.org_id"])
    .where("b.basic_code", "=", "GG00002001")
    .where("o.code", "=", "310101001")
    .executeTakeFirstOrThrow();
  return { itemId: row.id, orgId: row.org_id };
}

/** A department system of 南京东路街道 registered by the city administrator; its id, client id and secret. */
export async function registerClient(t: TestApp, scopes: string[], extra: { itemIds?: string[]; ackMinutes?: number; name?: string } = {}) {
  const admin = await login(t.app, "admin");
  const { orgId } = await streetCardItem(t);
  const res = await t.app.inject({ method: "POST", url: "/api/v1/admin/clients", headers: admin.headers, payload: { name: extra.name ?? "南京东路街道社区事务受理系统", orgId, scopes, ...(extra.ackMinutes ? { ackMinutes: extra.ackMinutes } : {}) } });
  if (res.statusCode !== 201) throw new Error(`client registration failed: ${res.body}`);
  const body = res.json() as { client: { id: string; clientId: string; lockVersion: number }; clientSecret: string };
  if (extra.itemIds) {
    const set = await t.app.inject({ method: "PUT", url: `/api/v1/admin/clients/${body.client.id}/items`, headers: admin.headers, payload: { itemIds: extra.itemIds, lockVersion: body.client.lockVersion } });
    if (set.statusCode !== 200) throw new Error(`setting items failed: ${set.body}`);
  }
  return { id: body.client.id, clientId: body.client.clientId, secret: body.clientSecret };
}

/** A client's bearer token. */
export async function clientToken(t: TestApp, clientId: string, secret: string): Promise<string> {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/oauth/token", payload: { grant_type: "client_credentials", client_id: clientId, client_secret: secret } });
  if (res.statusCode !== 200) throw new Error(`token refused: ${res.body}`);
  return res.json().access_token as string;
}

/** A citizen (张伟明 unless said) applies for a social security card at 南京东路街道, to collect it there. */
export async function applyForCard(t: TestApp, citizen: LoggedIn, name = "张伟明", mobile = "13800000001"): Promise<string> {
  const zhang = demoPersons().find((p) => p.name === name)!;
  const { itemId } = await streetCardItem(t);
  const payload = await withMaterials(t, citizen, { itemId, formData: { name: zhang.name, idNumber: zhang.idNumber, mobile, delivery: "pickup" } });
  const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload });
  if (res.statusCode !== 201) throw new Error(`submission failed: ${res.body}`);
  return res.json().id as string;
}

/**
 * A webhook receiver on a fixed port that verifies every delivery with the client's helper and keeps the
 * events; it can answer 500, and be stopped and started again on the same port (a receiver that is down).
 */
export class Receiver {
  readonly events: HaobanEvent[] = [];
  failWith: number | null = null;
  secret = "";
  private server: http.Server | null = null;
  port = 0;

  async start(port = this.port) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (this.failWith) {
          res.writeHead(this.failWith).end("unavailable");
          return;
        }
        try {
          this.events.push(verifyWebhook(this.secret, req.headers, Buffer.concat(chunks).toString("utf8")));
          res.writeHead(204).end();
        } catch {
          res.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async stop() {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  }
}

/** Runs fan-out and sending until nothing is left to do now (waiting out short back-offs up to `maxMs`). */
export async function drainWebhooks(t: TestApp, until: () => boolean | Promise<boolean> = () => false, maxMs = 5000) {
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    const fanned = await t.services.webhooks.fanOut();
    const sent = await t.services.webhooks.deliverDue();
    if (await until()) return;
    if (fanned === 0 && sent === 0) await new Promise((r) => setTimeout(r, 25));
  }
}
