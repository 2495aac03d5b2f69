import type { FastifyPluginAsync } from "fastify";
import { notificationEndpoints as api } from "../../../shared/api/notification";
import { route } from "../../http/endpoints";
import { requestContext, requireActor } from "../../http/auth-plugin";
import { requestLang } from "../../http/lang";
import type { NotificationService } from "./notification.service";

/** 消息中心: the caller's messages with their delivery log, read marks, and notification settings. */
export const notificationRoutes: FastifyPluginAsync<{ notifications: NotificationService }> = async (app, { notifications }) => {
  route(app, api.getMessages, async (req) => notifications.list(requireActor(req), req.query.unread === "true", req.query.limit, req.query.offset, requestLang(req)));
  route(app, api.getMessagesUnreadCount, async (req) => notifications.unreadCount(requireActor(req)));
  route(app, api.postMessagesByIdRead, async (req) => notifications.markRead(requireActor(req), req.params.id));
  route(app, api.postMessagesReadAll, async (req) => notifications.markRead(requireActor(req), null));
  route(app, api.getMeNotificationSettings, async (req) => notifications.settings(requireActor(req)));
  route(app, api.putMeNotificationSettings, async (req) => notifications.updateSettings(requireActor(req), req.body, requestContext(req)));
};
