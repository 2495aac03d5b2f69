import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, LIMITS, uuid } from "../../../shared/schemas/common";
import { requestContext, requireActor } from "../../http/auth-plugin";
import type { NotificationService } from "./notification.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const settings = z.object({ sms: z.boolean(), hasMobile: z.boolean(), email: z.string().nullable(), emailEnabled: z.boolean(), proactive: z.boolean() });

/** 消息中心: the caller's messages with their delivery log, read marks, and notification settings. */
export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (app, { notifications }) => {
  app.get(
    "/messages",
    {
      schema: {
        tags: ["notifications"],
        summary: "消息中心 My messages, newest first, with how each was delivered (SMS / e-mail)",
        querystring: z.strictObject({ unread: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
        response: {
          200: z.object({
            unread: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                title: z.string(),
                body: z.string(),
                link: z.string().nullable(),
                read: z.boolean(),
                createdAt: z.string(),
                deliveries: z.array(z.object({ channel: z.string(), recipient: z.string(), status: z.string(), attempts: z.number(), sentAt: z.string().nullable() })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => notifications.list(requireActor(req), req.query.unread === "true", req.query.limit, req.query.offset),
  );

  app.post(
    "/messages/:id/read",
    { schema: { tags: ["notifications"], summary: "标为已读 Mark one message read", params: z.strictObject({ id: uuid }), response: { 200: z.object({ changed: z.number() }), ...errors } } },
    async (req) => notifications.markRead(requireActor(req), req.params.id),
  );

  app.post(
    "/messages/read-all",
    { schema: { tags: ["notifications"], summary: "全部已读 Mark every message read", response: { 200: z.object({ changed: z.number() }), ...errors } } },
    async (req) => notifications.markRead(requireActor(req), null),
  );

  app.get(
    "/me/notification-settings",
    { schema: { tags: ["notifications"], summary: "通知设置 My notification channels", response: { 200: settings, ...errors } } },
    async (req) => notifications.settings(requireActor(req)),
  );

  app.put(
    "/me/notification-settings",
    {
      schema: {
        tags: ["notifications"],
        summary: "修改通知设置 SMS on or off; an e-mail address (null removes it); proactive: receive 主动服务 messages (您可能需要办理…, 政策找人, 免申即享)",
        body: z.strictObject({ sms: z.boolean(), email: z.email().max(200).nullable().optional(), proactive: z.boolean().optional() }),
        response: { 200: settings, ...errors },
      },
    },
    async (req) => notifications.updateSettings(requireActor(req), req.body, requestContext(req)),
  );
};
