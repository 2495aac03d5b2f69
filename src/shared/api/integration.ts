import { z } from "zod";
import { CLIENT_SCOPES, EVENT_TYPES } from "../integrations";
import { okBody, uuid } from "../schemas/common";
import { clientCreate, clientView, clientWithSecret, deliveryDetail, deliveryView, replayRequest, secretIssued, subscriptionCreate, subscriptionUpdate, subscriptionView, tokenRequest, tokenResponse } from "../schemas/integration";
import { anyone, endpoint, staff } from "./endpoint";

const tags = ["integrations"];
const id = z.strictObject({ id: uuid });

/** The endpoints of modules/integrations/integration.routes.ts: department systems, their tokens, event subscriptions and deliveries. */
export const integrationEndpoints = {
  token: endpoint({
    method: "POST",
    path: "/oauth/token",
    tags,
    access: anyone,
    csrf: false,
    summary:
      "获取访问令牌 OAuth 2.0 client credentials (RFC 6749 §4.4): `grant_type=client_credentials`, the client id and secret by HTTP Basic or in the form (application/x-www-form-urlencoded or JSON), optionally `scope` (a subset of the client's). The token is short-lived; send it as `Authorization: Bearer <token>`.",
    body: tokenRequest,
    response: tokenResponse,
  }),
  catalogue: endpoint({
    method: "GET",
    path: "/webhooks/event-types",
    tags,
    access: anyone,
    summary: "事件目录 The events a subscription may receive (CloudEvents `type` = cn.gov.haoban.<code>) and the client scopes",
    response: z.object({
      eventTypes: z.array(z.object({ code: z.string(), type: z.string(), zh: z.string(), en: z.string(), orderedBy: z.string() })),
      scopes: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
    }),
  }),
  listClients: endpoint({
    method: "GET",
    path: "/admin/clients",
    tags,
    access: staff("sys_admin"),
    summary: "接入系统 Department systems (machine clients) of the administrator's subtree",
    response: z.object({ items: z.array(clientView) }),
  }),
  createClient: endpoint({
    method: "POST",
    path: "/admin/clients",
    tags,
    access: staff("sys_admin"),
    summary: "登记接入系统 Register a department system as a client of one organisation with scopes; the secret is shown only in this answer",
    body: clientCreate,
    status: 201,
    response: clientWithSecret,
  }),
  getClient: endpoint({
    method: "GET",
    path: "/admin/clients/:id",
    tags,
    access: staff("sys_admin"),
    summary: "接入系统详情 A client with its secrets (hints only) and the services it handles",
    params: id,
    response: clientView,
  }),
  rotateSecret: endpoint({
    method: "POST",
    path: "/admin/clients/:id/secrets",
    tags,
    access: staff("sys_admin"),
    summary: "轮换密钥 A new secret (shown once); the current ones keep working for `overlapHours` (0: stop at once) so the system can switch without a gap",
    params: id,
    body: z.strictObject({ overlapHours: z.number().int().min(0).max(168).default(24) }),
    status: 201,
    response: secretIssued,
  }),
  revokeSecret: endpoint({
    method: "DELETE",
    path: "/admin/clients/:id/secrets/:secretId",
    tags,
    access: staff("sys_admin"),
    summary: "吊销密钥 Revoke one secret at once (a leaked one): it no longer gets tokens and the tokens it got stop working",
    params: z.strictObject({ id: uuid, secretId: uuid }),
    response: okBody,
  }),
  revokeClient: endpoint({
    method: "POST",
    path: "/admin/clients/:id/revocation",
    tags,
    access: staff("sys_admin"),
    summary: "停用接入系统 Revoke the client: every secret and token stops at once; the services it handled return to the workbench",
    params: id,
    body: z.strictObject({ reason: z.string().trim().min(2).max(200) }),
    response: okBody,
  }),
  setItems: endpoint({
    method: "PUT",
    path: "/admin/clients/:id/items",
    tags,
    access: staff("sys_admin"),
    summary: "由部门系统办理的事项 The implementation items this client handles in its own system (its applications are forwarded by event and acted on through the API; the workbench only reads them)",
    params: id,
    body: z.strictObject({ itemIds: z.array(uuid).max(200), lockVersion: z.number().int().min(0) }),
    response: clientView,
  }),
  listSubscriptions: endpoint({
    method: "GET",
    path: "/webhooks/subscriptions",
    tags,
    access: staff("sys_admin"),
    clientScope: "webhooks.manage",
    summary: "事件订阅 Subscriptions of the caller's subtree (a client: its own organisation's)",
    response: z.object({ items: z.array(subscriptionView) }),
  }),
  createSubscription: endpoint({
    method: "POST",
    path: "/webhooks/subscriptions",
    tags,
    access: staff("sys_admin"),
    clientScope: "webhooks.manage",
    summary: "订阅事件 Subscribe an https address to event types of an organisation (and its subtree); the signing secret is shown only in this answer",
    body: subscriptionCreate,
    status: 201,
    response: z.object({ subscription: subscriptionView, secret: z.string() }),
  }),
  updateSubscription: endpoint({
    method: "PATCH",
    path: "/webhooks/subscriptions/:id",
    tags,
    access: staff("sys_admin"),
    clientScope: "webhooks.manage",
    summary: "修改订阅 Change the address or event types, pause or resume (lockVersion detects concurrent edits)",
    params: id,
    body: subscriptionUpdate,
    response: subscriptionView,
  }),
  listDeliveries: endpoint({
    method: "GET",
    path: "/webhooks/subscriptions/:id/deliveries",
    tags,
    access: staff("sys_admin"),
    clientScope: "webhooks.manage",
    summary: "投递记录 A subscription's deliveries, newest first: status (pending, delivered, dead = 死信), attempts, the last answer",
    params: id,
    query: z.strictObject({ status: z.enum(["pending", "delivered", "dead"]).optional(), beforeId: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.object({ items: z.array(deliveryView) }),
  }),
  getDelivery: endpoint({
    method: "GET",
    path: "/webhooks/subscriptions/:id/deliveries/:deliveryId",
    tags,
    access: staff("sys_admin"),
    clientScope: "webhooks.manage",
    summary: "投递详情 One delivery: the event as sent and every attempt with the receiver's answer",
    params: z.strictObject({ id: uuid, deliveryId: z.coerce.number().int().min(1) }),
    response: deliveryDetail,
  }),
  replay: endpoint({
    method: "POST",
    path: "/webhooks/subscriptions/:id/replays",
    tags,
    access: staff("sys_admin"),
    clientScope: "webhooks.manage",
    summary: "重新投递 Send deliveries again — some by id, or a range by id — as new deliveries after the pending ones, in their original order",
    params: id,
    body: replayRequest,
    status: 201,
    response: z.object({ queued: z.number() }),
  }),
  acknowledge: endpoint({
    method: "POST",
    path: "/integrations/applications/:id/acknowledgement",
    tags,
    access: staff(),
    clientScope: "applications.read",
    summary: "确认接收 A department system confirms it has received a forwarded application (any action it takes confirms it too); without it in time the department is alerted",
    params: id,
    response: z.object({ acknowledgedAt: z.string() }),
  }),
};

/** The event catalogue as the API answers it. */
export function eventCatalogue() {
  return {
    eventTypes: Object.entries(EVENT_TYPES).map(([code, e]) => ({ code, type: `cn.gov.haoban.${code}`, zh: e.zh, en: e.en, orderedBy: e.stream })),
    scopes: Object.entries(CLIENT_SCOPES).map(([code, s]) => ({ code, zh: s.zh, en: s.en })),
  };
}
