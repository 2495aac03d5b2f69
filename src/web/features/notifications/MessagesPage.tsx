import { App, Button, Card, Empty, Input, List, Space, Switch, Tag, Typography } from "antd";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../session";
import { call } from "../../api";
import { notificationEndpoints } from "../../../shared/api/notification";
import { chinaDateTime } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";

type Settings = ResponseOf<typeof notificationEndpoints.getMeNotificationSettings>;

const STATUS = { sent: "success", pending: "processing", failed: "error" } as Record<string, string>;

/** 消息中心: every message with how it reached the person (SMS, e-mail), read marks and channel settings. */
export function MessagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const [data, setData] = useState<ResponseOf<typeof notificationEndpoints.getMessages> | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(notificationEndpoints.getMessages, { query: { limit: "50" } }).then(setData, (e: Error) => setError(e.message));
    call(notificationEndpoints.getMeNotificationSettings, {  }).then(setSettings, () => undefined);
  }, []);
  useEffect(load, [load]);

  async function run(work: () => Promise<unknown>) {
    try {
      await work();
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  const save = (next: { sms: boolean; email?: string | null; proactive?: boolean }) => run(async () => setSettings(await call(notificationEndpoints.putMeNotificationSettings, { body: next })));

  return (
    <>
      <PageFrame title={t("msg.title")} error={error} />
      <Space style={{ marginBottom: 12 }}>
        <span role="status">{t("msg.unread", { n: data?.unread ?? 0 })}</span>
        <Button size="small" disabled={!data?.unread} onClick={() => void run(() => call(notificationEndpoints.postMessagesReadAll, {  }))}>
          {t("msg.readAll")}
        </Button>
      </Space>
      <List
        bordered
        loading={!data && !error}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t("msg.empty")} /> }}
        renderItem={(m) => (
          <List.Item
            actions={m.read ? [] : [<Button key="read" size="small" onClick={() => void run(() => call(notificationEndpoints.postMessagesByIdRead, { params: { id: m.id } }))}>{t("msg.markRead")}</Button>]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!m.read && <Tag color="blue">{t("msg.new")}</Tag>}
                  {m.link ? <Link to={m.link}>{m.title}</Link> : m.title}
                </Space>
              }
              description={
                <>
                  <div>{m.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {chinaDateTime(m.createdAt, { seconds: true })}
                    {m.deliveries.map((d) => (
                      <Tag key={d.channel} color={STATUS[d.status]} style={{ marginLeft: 8 }}>
                        {t(`msg.channel_${d.channel}`)} {d.recipient} · {t(`msg.status_${d.status}`)}
                      </Tag>
                    ))}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {settings && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("msg.settings")}</h2>} style={{ marginTop: 16 }}>
          <Space direction="vertical">
            <label>
              <Switch checked={settings.sms} disabled={!settings.hasMobile} onChange={(v) => void save({ sms: v })} aria-label={t("msg.smsLabel")} /> {t("msg.smsLabel")}
            </label>
            {me?.kind === "citizen" && (
              <label>
                <Switch checked={settings.proactive} onChange={(v) => void save({ sms: settings.sms, proactive: v })} aria-label={t("msg.proactiveLabel")} /> {t("msg.proactiveLabel")}
              </label>
            )}
            {settings.emailEnabled ? (
              <Space wrap>
                <span>{t("msg.emailLabel")}：{settings.email ?? t("msg.noEmail")}</span>
                <Input aria-label={t("msg.emailLabel")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.cn" style={{ width: 240 }} />
                <Button onClick={() => void save({ sms: settings.sms, email: email.trim() || null })}>{t("msg.saveEmail")}</Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("msg.emailOff")}</Typography.Text>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
