import { Alert, App, Button, Checkbox, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ItemOf, ResponseOf } from "../../../shared/api/endpoint";
import { catalogueAdminEndpoints } from "../../../shared/api/catalogue-admin";
import { integrationEndpoints as api } from "../../../shared/api/integration";
import { chinaDateTime } from "../../../shared/china-time";
import { CLIENT_SCOPE_CODES, CLIENT_SCOPES, EVENT_TYPE_CODES, EVENT_TYPES } from "../../../shared/integrations";
import { call, errorMessage } from "../../api";
import { PageFrame } from "../../components/PageFrame";
import { useEndpoint } from "../../components/useEndpoint";
import { useOrgTree } from "../../components/useOrgTree";

type Client = ItemOf<typeof api.listClients>;

/**
 * A rule that something is chosen, without `required`: antd would put aria-required on the select's or the
 * checkbox group's wrapper, where ARIA does not allow it (the label still says what is asked).
 */
const chosen = (message: string) => ({ validator: (_: unknown, v: unknown) => (v && (!Array.isArray(v) || v.length) ? Promise.resolve() : Promise.reject(new Error(message))) });
type Subscription = ItemOf<typeof api.listSubscriptions>;
type Delivery = ItemOf<typeof api.listDeliveries>;

/** A secret shown once, with the warning that it cannot be shown again. */
function SecretOnce({ title, lines, onClose }: { title: string; lines: Array<[string, string]>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open title={title} onOk={onClose} onCancel={onClose} okText={t("integ.close")} cancelButtonProps={{ style: { display: "none" } }} closable={false} maskClosable={false}>
      <Alert type="warning" showIcon message={t("integ.secretOnce")} style={{ marginBottom: 12 }} />
      <Descriptions column={1} size="small" bordered items={lines.map(([label, value]) => ({ key: label, label, children: <Typography.Text code copyable style={{ wordBreak: "break-all" }}>{value}</Typography.Text> }))} />
    </Modal>
  );
}

/** 部门业务系统接入: the clients of the administrator's subtree, and the event subscriptions with their deliveries. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageFrame title={t("integ.title")} intro={t("integ.intro")} />
      <Tabs items={[{ key: "clients", label: t("integ.clients"), children: <ClientsTab /> }, { key: "subscriptions", label: t("integ.subscriptions"), children: <SubscriptionsTab /> }]} />
    </>
  );
}

function ClientsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data, error, reload, loading } = useEndpoint(api.listClients, {});
  const { tree, loadData } = useOrgTree();
  const [form] = Form.useForm();
  const [registering, setRegistering] = useState(false);
  const [shown, setShown] = useState<{ title: string; lines: Array<[string, string]> } | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const scopeLabel = (s: string) => CLIENT_SCOPES[s as keyof typeof CLIENT_SCOPES]?.[i18n.language === "en" ? "en" : "zh"] ?? s;

  async function register() {
    const values = await form.validateFields();
    try {
      const made = await call(api.createClient, { body: values });
      setRegistering(false);
      form.resetFields();
      setShown({ title: t("integ.secretTitle"), lines: [[t("integ.clientId"), made.client.clientId], [t("integ.secret"), made.clientSecret]] });
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => setRegistering(true)} style={{ marginBottom: 12 }}>
        {t("integ.register")}
      </Button>
      <Table<Client>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t("integ.empty")} /> }}
        scroll={{ x: 900 }}
        pagination={false}
        columns={[
          { title: t("integ.name"), dataIndex: "name" },
          { title: t("integ.org"), render: (_, c) => c.org.name },
          { title: t("integ.clientId"), dataIndex: "clientId", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t("integ.scopes"), dataIndex: "scopes", render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{scopeLabel(s)}</Tag>) },
          { title: t("integ.status"), dataIndex: "status", render: (s: string) => (s === "active" ? <Tag color="success">{t("integ.active")}</Tag> : <Tag>{t("integ.revoked")}</Tag>) },
          { title: t("integ.actions"), render: (_, c) => <Button size="small" aria-label={t("integ.manageOf", { name: c.name })} onClick={() => setManaging(c.id)}>{t("integ.manage")}</Button> },
        ]}
      />
      <Modal open={registering} title={t("integ.register")} onOk={() => void register()} onCancel={() => setRegistering(false)} okText={t("integ.register")} cancelText={t("staff.cancel")} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ rateLimitPerMinute: 600, ackMinutes: 60, scopes: ["applications.read"] }}>
          <Form.Item name="name" label={t("integ.name")} rules={[{ required: true, min: 2, message: t("register.required", { field: t("integ.name") }) }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="orgId" label={t("integ.org")} rules={[chosen(t("integ.chooseOrg"))]}>
            <TreeSelect treeDataSimpleMode treeData={tree} loadData={loadData} placeholder={t("integ.chooseOrg")} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="scopes" label={t("integ.scopes")} rules={[chosen(t("register.required", { field: t("integ.scopes") }))]}>
            <Checkbox.Group options={CLIENT_SCOPE_CODES.map((s) => ({ value: s, label: scopeLabel(s) }))} style={{ display: "grid", gap: 4 }} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="rateLimitPerMinute" label={t("integ.rateLimit")}>
              <InputNumber min={10} max={100000} />
            </Form.Item>
            <Form.Item name="ackMinutes" label={t("integ.ackMinutes")} extra={t("integ.ackHelp")}>
              <InputNumber min={1} max={10080} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      {shown && <SecretOnce {...shown} onClose={() => setShown(null)} />}
      {managing && <ClientDrawer id={managing} onClose={() => setManaging(null)} onChanged={reload} onSecret={(lines) => setShown({ title: t("integ.secretTitle"), lines })} />}
    </>
  );
}

function ClientDrawer({ id, onClose, onChanged, onSecret }: { id: string; onClose: () => void; onChanged: () => void; onSecret: (lines: Array<[string, string]>) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data: client, reload } = useEndpoint(api.getClient, { params: { id } });
  const [overlap, setOverlap] = useState<number>(24);
  const [items, setItems] = useState<string[] | null>(null);
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (client) {
      setItems(client.items.map((i) => i.id));
      setOptions((o) => [...client.items.map((i) => ({ value: i.id, label: i.name })), ...o.filter((x) => !client.items.some((i) => i.id === x.value))]);
    }
  }, [client]);
  const done = () => {
    reload();
    onChanged();
  };
  const run = async (work: () => Promise<unknown>, ok: string) => {
    try {
      await work();
      message.success(ok);
      done();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  async function search(q: string) {
    const found = await call(catalogueAdminEndpoints.getAdminCatalogueItems, { query: { q: q || undefined, limit: 20 } });
    setOptions((o) => [...o.filter((x) => items?.includes(x.value)), ...found.items.filter((i) => !items?.includes(i.id)).map((i) => ({ value: i.id, label: `${i.name}（${i.orgName}）` }))]);
  }
  if (!client) return <Drawer open onClose={onClose} loading width={720} />;
  const active = client.status === "active";
  return (
    <Drawer open onClose={onClose} width={720} title={client.name}>
      <Descriptions column={1} size="small" items={[
        { key: "org", label: t("integ.org"), children: client.org.name },
        { key: "id", label: t("integ.clientId"), children: <Typography.Text code copyable>{client.clientId}</Typography.Text> },
        { key: "status", label: t("integ.status"), children: active ? t("integ.active") : `${t("integ.revoked")}（${chinaDateTime(client.revokedAt!)}）` },
        { key: "limit", label: t("integ.rateLimit"), children: client.rateLimitPerMinute },
        { key: "ack", label: t("integ.ackMinutes"), children: client.ackMinutes },
      ]} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("integ.secrets")}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={client.secrets}
        columns={[
          { title: t("integ.hint"), dataIndex: "hint" },
          { title: t("integ.created"), dataIndex: "createdAt", render: (v: string) => chinaDateTime(v) },
          { title: t("integ.expires"), dataIndex: "expiresAt", render: (v: string | null) => (v ? chinaDateTime(v) : t("integ.longTerm")) },
          { title: t("integ.status"), dataIndex: "active", render: (a: boolean) => (a ? <Tag color="success">{t("integ.secretActive")}</Tag> : <Tag>{t("integ.secretInactive")}</Tag>) },
          {
            title: t("integ.actions"),
            render: (_, s) =>
              active && !s.revokedAt ? (
                <Button size="small" danger aria-label={t("integ.revokeSecretOf", { hint: s.hint })} onClick={() => modal.confirm({ title: t("integ.revokeSecretOf", { hint: s.hint }), content: t("integ.revokeSecretConfirm"), okButtonProps: { danger: true }, onOk: () => run(() => call(api.revokeSecret, { params: { id, secretId: s.id } }), t("integ.revokedDone")) })}>
                  {t("integ.revokeSecret")}
                </Button>
              ) : null,
          },
        ]}
      />
      {active && (
        <Space wrap style={{ marginTop: 8 }}>
          <label htmlFor="overlap">{t("integ.overlap")}</label>
          <InputNumber id="overlap" min={0} max={168} value={overlap} onChange={(v) => setOverlap(v ?? 0)} />
          <Button onClick={() => void (async () => {
            try {
              const r = await call(api.rotateSecret, { params: { id }, body: { overlapHours: overlap } });
              onSecret([[t("integ.clientId"), client.clientId], [t("integ.secret"), r.clientSecret]]);
              if (r.previousExpireAt) message.success(t("integ.rotated", { date: chinaDateTime(r.previousExpireAt) }));
              done();
            } catch (err) {
              message.error(errorMessage(err));
            }
          })()}>
            {t("integ.rotate")}
          </Button>
        </Space>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>{t("integ.items")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("integ.itemsHelp")}</Typography.Paragraph>
      <Select
        mode="multiple"
        aria-label={t("integ.items")}
        style={{ width: "100%" }}
        disabled={!active}
        value={items ?? []}
        options={options}
        placeholder={t("integ.itemsSearch")}
        showSearch
        filterOption={false}
        onSearch={(q) => void search(q)}
        onFocus={() => void search("")}
        onChange={setItems}
      />
      {active && (
        <Button style={{ marginTop: 8 }} onClick={() => void run(() => call(api.setItems, { params: { id }, body: { itemIds: items ?? [], lockVersion: client.lockVersion } }), t("integ.itemsSaved"))}>
          {t("integ.saveItems")}
        </Button>
      )}
      {active && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>{t("integ.revoke")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("integ.revokeConfirm")}</Typography.Paragraph>
          <Space.Compact style={{ width: "100%" }}>
            <Input aria-label={t("integ.revokeReason")} placeholder={t("integ.revokeReason")} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
            <Button danger disabled={reason.trim().length < 2} onClick={() => void run(() => call(api.revokeClient, { params: { id }, body: { reason: reason.trim() } }), t("integ.revokedDone"))}>
              {t("integ.revoke")}
            </Button>
          </Space.Compact>
        </>
      )}
    </Drawer>
  );
}

function SubscriptionsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data, error, reload, loading } = useEndpoint(api.listSubscriptions, {});
  const { tree, loadData } = useOrgTree();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Subscription | null>(null);
  const eventLabel = (e: string) => EVENT_TYPES[e as keyof typeof EVENT_TYPES]?.[i18n.language === "en" ? "en" : "zh"] ?? e;

  async function create() {
    const values = await form.validateFields();
    try {
      const made = await call(api.createSubscription, { body: values });
      setCreating(false);
      form.resetFields();
      setSecret(made.secret);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  async function toggle(s: Subscription) {
    try {
      await call(api.updateSubscription, { params: { id: s.id }, body: { status: s.status === "active" ? "paused" : "active", lockVersion: s.lockVersion } });
      reload();
    } catch (err) {
      message.error(errorMessage(err));
      reload();
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t("integ.subscribe")}
      </Button>
      <Table<Subscription>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t("integ.subEmpty")} /> }}
        scroll={{ x: 900 }}
        pagination={false}
        columns={[
          { title: t("integ.url"), dataIndex: "url", render: (v: string) => <Typography.Text style={{ wordBreak: "break-all" }}>{v}</Typography.Text> },
          { title: t("integ.org"), render: (_, s) => s.org.name },
          { title: t("integ.events"), dataIndex: "eventTypes", render: (types: string[]) => types.map((e) => <Tag key={e}>{eventLabel(e)}</Tag>) },
          {
            title: t("integ.status"),
            render: (_, s) =>
              s.status === "paused" ? <Tag>{t("integ.paused")}</Tag> : s.suspendedUntil && Date.parse(s.suspendedUntil) > Date.now() ? <Tag color="warning">{t("integ.suspended", { time: chinaDateTime(s.suspendedUntil) })}</Tag> : <Tag color="success">{t("integ.active")}</Tag>,
          },
          { title: t("integ.counts"), render: (_, s) => <Space direction="vertical" size={0}><span>{t("integ.pendingN", { n: s.counts.pending })}</span><span>{t("integ.deliveredN", { n: s.counts.delivered })}</span>{s.counts.dead > 0 && <Typography.Text type="danger">{t("integ.deadN", { n: s.counts.dead })}</Typography.Text>}</Space> },
          {
            title: t("integ.actions"),
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => setViewing(s)} aria-label={t("integ.deliveriesOf", { url: s.url })}>{t("integ.deliveries")}</Button>
                <Button size="small" onClick={() => void toggle(s)}>{s.status === "active" ? t("integ.pause") : t("integ.resume")}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t("integ.subscribe")} onOk={() => void create()} onCancel={() => setCreating(false)} okText={t("integ.subscribe")} cancelText={t("staff.cancel")} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ eventTypes: ["application.submitted"] }}>
          <Form.Item name="url" label={t("integ.url")} extra={t("integ.urlHelp")} rules={[{ required: true, type: "url", message: t("register.required", { field: t("integ.url") }) }]}>
            <Input inputMode="url" maxLength={500} />
          </Form.Item>
          <Form.Item name="orgId" label={t("integ.org")} rules={[chosen(t("integ.chooseOrg"))]}>
            <TreeSelect treeDataSimpleMode treeData={tree} loadData={loadData} placeholder={t("integ.chooseOrg")} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="eventTypes" label={t("integ.events")} rules={[chosen(t("register.required", { field: t("integ.events") }))]}>
            <Checkbox.Group options={EVENT_TYPE_CODES.map((e) => ({ value: e, label: eventLabel(e) }))} style={{ display: "grid", gap: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
      {secret && <SecretOnce title={t("integ.signingSecret")} lines={[[t("integ.signingSecret"), secret]]} onClose={() => setSecret(null)} />}
      {viewing && <DeliveriesDrawer subscription={viewing} onClose={() => { setViewing(null); reload(); }} />}
    </>
  );
}

function DeliveriesDrawer({ subscription, onClose }: { subscription: Subscription; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Delivery["status"] | undefined>(undefined);
  const { data, reload, loading } = useEndpoint(api.listDeliveries, { params: { id: subscription.id }, query: status ? { status } : {} });
  const [selected, setSelected] = useState<number[]>([]);
  const eventLabel = (e: string) => EVENT_TYPES[e as keyof typeof EVENT_TYPES]?.[i18n.language === "en" ? "en" : "zh"] ?? e;
  async function replay() {
    try {
      const r: ResponseOf<typeof api.replay> = await call(api.replay, { params: { id: subscription.id }, body: { deliveryIds: selected } });
      message.success(t("integ.replayed", { n: r.queued }));
      setSelected([]);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  return (
    <Drawer open onClose={onClose} width={880} title={t("integ.deliveriesOf", { url: subscription.url })}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Delivery["status"] | "all">
          aria-label={t("integ.status")}
          style={{ width: 200 }}
          value={status ?? "all"}
          onChange={(v) => setStatus(v === "all" ? undefined : v)}
          options={[{ value: "all", label: t("integ.allStatuses") }, ...(["pending", "delivered", "dead"] as const).map((s) => ({ value: s, label: t(`integ.status_${s}`) }))]}
        />
        <Button type="primary" disabled={selected.length === 0} onClick={() => void replay()}>
          {t("integ.replay")}
        </Button>
      </Space>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t("integ.noDeliveries")} /> }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t("integ.delivery"), dataIndex: "id" },
          { title: t("integ.event"), dataIndex: "eventType", render: (e: string) => eventLabel(e) },
          { title: t("integ.eventTime"), dataIndex: "eventTime", render: (v: string) => chinaDateTime(v, { seconds: true }) },
          { title: t("integ.status"), dataIndex: "status", render: (s: Delivery["status"]) => <Tag color={s === "delivered" ? "success" : s === "dead" ? "error" : "processing"}>{t(`integ.status_${s}`)}</Tag> },
          { title: t("integ.attempts"), dataIndex: "attempts" },
          { title: t("integ.lastResult"), render: (_, d) => <span>{d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? "—")}{d.nextAttemptAt && d.attempts > 0 ? `；${t("integ.nextAttempt", { time: chinaDateTime(d.nextAttemptAt, { seconds: true }) })}` : ""}</span> },
        ]}
      />
    </Drawer>
  );
}
