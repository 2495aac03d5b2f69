import { z } from "zod";
import { LIMITS, uuid } from "../schemas/common";
import { signedIn, endpoint } from "./endpoint";

export const settings = z.object({ sms: z.boolean(), hasMobile: z.boolean(), email: z.string().nullable(), emailEnabled: z.boolean(), proactive: z.boolean() });

/** The endpoints of modules/notifications/notification.routes.ts. */
export const notificationEndpoints = {
  getMessages: endpoint({
    method: "GET",
    path: "/messages",
    access: signedIn,
    tags: ["notifications"],
    summary: "消息中心 My messages, newest first, with how each was delivered (SMS / e-mail)",
    query: z.strictObject({ unread: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
    response: z.object({
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
  }),
  getMessagesUnreadCount: endpoint({
    method: "GET",
    path: "/messages/unread-count",
    access: signedIn,
    tags: ["notifications"],
    summary: "未读消息数 How many of my messages are unread (the header's badge; one count, nothing else read)",
    response: z.object({ unread: z.number() }),
  }),
  postMessagesByIdRead: endpoint({
    method: "POST",
    path: "/messages/:id/read",
    access: signedIn,
    tags: ["notifications"],
    summary: "标为已读 Mark one message read",
    params: z.strictObject({ id: uuid }),
    response: z.object({ changed: z.number() }),
  }),
  postMessagesReadAll: endpoint({
    method: "POST",
    path: "/messages/read-all",
    access: signedIn,
    tags: ["notifications"],
    summary: "全部已读 Mark every message read",
    response: z.object({ changed: z.number() }),
  }),
  getMeNotificationSettings: endpoint({
    method: "GET",
    path: "/me/notification-settings",
    access: signedIn,
    tags: ["notifications"],
    summary: "通知设置 My notification channels",
    response: settings,
  }),
  putMeNotificationSettings: endpoint({
    method: "PUT",
    path: "/me/notification-settings",
    access: signedIn,
    tags: ["notifications"],
    summary: "修改通知设置 SMS on or off; an e-mail address (null removes it); proactive: receive 主动服务 messages (您可能需要办理…, 政策找人, 免申即享)",
    body: z.strictObject({ sms: z.boolean(), email: z.email().max(200).nullable().optional(), proactive: z.boolean().optional() }),
    response: settings,
  }),
};
