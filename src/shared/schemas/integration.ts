import { z } from "zod";
import { CLIENT_SCOPE_CODES, EVENT_TYPE_CODES } from "../integrations";
import { int32, uuid } from "./common";

export const clientScope = z.enum(CLIENT_SCOPE_CODES);
export const eventType = z.enum(EVENT_TYPE_CODES);

/** A webhook receiver's address: http(s), no credentials, no fragment. */
export const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password && !u.hash;
    } catch {
      return false;
    }
  }, { message: "WEBHOOK_URL_INVALID", params: { errorCode: "WEBHOOK_URL_INVALID" } });

export const tokenRequest = z.object({
  grant_type: z.string().max(100),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(500).optional(),
});

export const tokenResponse = z.object({ access_token: z.string(), token_type: z.literal("Bearer"), expires_in: z.number(), scope: z.string() });

export const clientSecretView = z.object({ id: z.string(), hint: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable(), active: z.boolean() });

export const clientView = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  scopes: z.array(clientScope),
  rateLimitPerMinute: z.number(),
  ackMinutes: z.number(),
  status: z.enum(["active", "revoked"]),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  secrets: z.array(clientSecretView),
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  lockVersion: z.number(),
});

export const clientCreate = z.strictObject({
  name: z.string().trim().min(2).max(60),
  orgId: uuid,
  scopes: z.array(clientScope).min(1).max(CLIENT_SCOPE_CODES.length),
  rateLimitPerMinute: int32.min(10).max(100_000).default(600),
  ackMinutes: int32.min(1).max(7 * 24 * 60).default(60),
});

/** A secret is shown once, when it is made. */
export const clientWithSecret = z.object({ client: clientView, clientSecret: z.string() });
export const secretIssued = z.object({ secretId: z.string(), clientSecret: z.string(), previousExpireAt: z.string().nullable() });

export const subscriptionView = z.object({
  id: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  clientId: z.string().nullable(),
  url: z.string(),
  eventTypes: z.array(eventType),
  status: z.enum(["active", "paused"]),
  consecutiveFailures: z.number(),
  suspendedUntil: z.string().nullable(),
  createdAt: z.string(),
  lockVersion: z.number(),
  counts: z.object({ pending: z.number(), delivered: z.number(), dead: z.number() }),
});

export const subscriptionCreate = z.strictObject({
  url: webhookUrl,
  eventTypes: z.array(eventType).min(1).max(EVENT_TYPE_CODES.length),
  /** The organisation whose events it receives (its subtree's); a client's own when a client subscribes. */
  orgId: uuid.optional(),
});

export const subscriptionUpdate = z.strictObject({
  url: webhookUrl.optional(),
  eventTypes: z.array(eventType).min(1).max(EVENT_TYPE_CODES.length).optional(),
  status: z.enum(["active", "paused"]).optional(),
  lockVersion: int32.min(0),
});

export const deliveryView = z.object({
  id: z.number(),
  eventId: z.string(),
  eventType: eventType,
  subject: z.string(),
  status: z.enum(["pending", "delivered", "dead"]),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  eventTime: z.string(),
  deliveredAt: z.string().nullable(),
  replayOf: z.number().nullable(),
});

export const deliveryDetail = deliveryView.extend({
  payload: z.unknown(),
  attemptLog: z.array(z.object({ attempt: z.number(), at: z.string(), status: z.number().nullable(), durationMs: z.number(), response: z.string().nullable(), error: z.string().nullable() })),
});

export const replayRequest = z
  .strictObject({
    deliveryIds: z.array(z.number().int().min(1)).min(1).max(1000).optional(),
    /** A range of this subscription's deliveries, by id, both ends included. */
    fromId: z.number().int().min(1).optional(),
    toId: z.number().int().min(1).optional(),
  })
  .refine((v) => v.deliveryIds !== undefined || (v.fromId !== undefined && v.toId !== undefined && v.fromId <= v.toId), { message: "NOTHING_TO_REPLAY", params: { errorCode: "NOTHING_TO_UPDATE" } });
