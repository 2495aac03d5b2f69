import { Alert, App, Card, Descriptions, Form, Input, InputNumber, Modal, Segmented, Spin, Table, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import { scorecardEndpoints } from "../../../shared/api/scorecard";
import { chinaDateTime } from "../../../shared/china-time";
import type { orderCreate, OrderView } from "../../../shared/schemas/scorecard";
import type { ItemOf } from "../../../shared/api/endpoint";
import { call, errorMessage } from "../../api";
import { FlowActions } from "../../components/FlowActions";
import { PageFrame } from "../../components/PageFrame";
import { LIGHT_COLOUR } from "../ratings/RatingCasesPage";
import { pct } from "./figures";

type Summary = ItemOf<typeof scorecardEndpoints.getSupervisionOrders>;
export type OrderDraft = Omit<z.input<typeof orderCreate>, "days">;

/** 督办单: the orders of the caller's scope — a supervisor's level, a department's own — open ones most urgent first. */
export function OrdersPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<"open" | "all">("open");
  const [rows, setRows] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    call(scorecardEndpoints.getSupervisionOrders, { query: { state } }).then((r) => setRows(r.items), (e: unknown) => setError(errorMessage(e)));
  }, [state]);
  return (
    <PageFrame title={t("order.title")} error={error}>
      <Segmented aria-label={t("order.state")} value={state} onChange={(v) => setState(v as "open" | "all")} options={[{ value: "open", label: t("order.open") }, { value: "all", label: t("order.all") }]} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t("order.empty") }}
        columns={[
          { title: t("order.number"), dataIndex: "number", render: (n: string, r: Summary) => <Link to={`/workbench/orders/${r.id}`}>{n}</Link> },
          { title: t("order.subject"), dataIndex: "subject" },
          { title: t("order.org"), dataIndex: "orgName" },
          { title: t("order.state"), dataIndex: "stateName" },
          { title: t("order.deadline"), dataIndex: "deadline", render: (d: string, r: Summary) => <Tag color={r.light ? LIGHT_COLOUR[r.light] : "default"}>{d}</Tag> },
          { title: t("order.createdBy"), dataIndex: "createdBy" },
          { title: t("order.escalated"), dataIndex: "escalated", render: (e: boolean) => (e ? <Tag color="error">{t("order.escalated")}</Tag> : "") },
        ]}
      />
    </PageFrame>
  );
}

/** One order: what to put right, the indicators and cases it names, the report, the steps and the viewer's actions. */
export function OrderPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [o, setO] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(scorecardEndpoints.getSupervisionOrdersById, { params: { id: id! } }).then(setO, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!o) return <Spin />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("order.detail", { number: o.number })} <Tag color={o.state === "closed" ? "success" : "processing"}>{o.stateName}</Tag>
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("order.subject")} span={2}>
            {o.subject}
          </Descriptions.Item>
          <Descriptions.Item label={t("order.org")}>{o.orgName}</Descriptions.Item>
          <Descriptions.Item label={t("order.createdBy")}>{`${o.createdBy} · ${chinaDateTime(o.createdAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t("order.deadline")}>
            <Tag color={o.light ? LIGHT_COLOUR[o.light] : "default"}>{o.deadline}</Tag> {o.escalated && <Tag color="error">{t("order.escalated")}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t("order.note")} span={2}>
            {o.note}
          </Descriptions.Item>
          {o.answer && (
            <Descriptions.Item label={t("order.answer")} span={2}>
              {o.answer}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {o.indicators.length > 0 && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("order.indicators")}</h2>} style={{ marginBottom: 16 }}>
          <Table rowKey="key" size="small" pagination={false} dataSource={o.indicators} columns={[{ title: t("score.indicator"), dataIndex: "name" }, { title: t("score.value"), render: (_: unknown, i: OrderView["indicators"][number]) => pct(i.value) }, { title: t("score.points"), render: (_: unknown, i: OrderView["indicators"][number]) => (i.points === null ? "—" : `${i.points} / ${i.weight}`) }]} />
        </Card>
      )}
      {o.applications.length > 0 && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("order.cases")}</h2>} style={{ marginBottom: 16 }}>
          <Table rowKey="id" size="small" pagination={false} scroll={{ x: true }} dataSource={o.applications} columns={[{ title: t("perf.number"), render: (_: unknown, c: OrderView["applications"][number]) => <Link to={`/workbench/applications/${c.id}`}>{c.number}</Link> }, { title: t("perf.item"), dataIndex: "itemName" }, { title: t("perf.deadline"), dataIndex: "committedDeadline" }]} />
        </Card>
      )}
      <FlowActions
        title={t("order.act")}
        actions={o.actions}
        onAct={async (action, note) => {
          const next = await call(scorecardEndpoints.postSupervisionOrdersByIdActions, { params: { id: o.id }, body: { action: action as "answer", lockVersion: o.lockVersion, ...(note ? { note } : {}) } });
          setO(next);
          message.success(t("order.done", { label: o.actions.find((a) => a.action === action)?.label ?? action }));
        }}
      />
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("order.timeline")}</h2>}>
        <Timeline items={o.timeline.map((e) => ({ children: `${chinaDateTime(e.at, { seconds: true })} ${e.label} · ${e.actorName}${e.note ? `：${e.note}` : ""}` }))} />
      </Card>
    </>
  );
}

/** Sends a department an order: the subject and demand prefilled from where the supervisor stands, the working days from the settings unless changed. */
export function SendOrderDialog({ draft, orgName, defaultDays, onClose }: { draft: OrderDraft | null; orgName: string; defaultDays?: number; onClose: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ subject: string; note: string; days: number | null }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (draft) form.setFieldsValue({ subject: draft.subject, note: draft.note, days: null });
    setError(null);
  }, [draft, form]);
  async function send() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const order = await call(scorecardEndpoints.postSupervisionOrders, { body: { ...draft!, subject: v.subject, note: v.note, ...(v.days ? { days: v.days } : {}) } });
      message.success(t("order.sent", { number: order.number }));
      onClose(true);
      void navigate(`/workbench/orders/${order.id}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={!!draft} title={t("order.sendTo", { org: orgName })} okText={t("order.send")} onOk={() => void send()} confirmLoading={busy} onCancel={() => onClose(false)} destroyOnHidden>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="subject" label={t("order.subject")} rules={[{ required: true, min: 2, message: t("order.subjectRequired") }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t("order.note")} rules={[{ required: true, min: 2, message: t("order.noteRequired") }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="days" label={t("order.days")} extra={defaultDays ? t("order.daysDefault", { n: defaultDays }) : undefined}>
          <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {draft?.applicationIds?.length ? <p>{t("order.casesCount", { n: draft.applicationIds.length })}</p> : null}
      </Form>
    </Modal>
  );
}
