import { Alert, App, Button, DatePicker, Descriptions, Input, Modal, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { paymentEndpoints } from "../../../shared/api/payment";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { chinaDateTime, chinaToday } from "../../../shared/china-time";
import { formatYuan } from "../../../shared/fees";
import { call, errorMessage } from "../../api";
import { useEndpoint } from "../../components/useEndpoint";

type Day = ResponseOf<typeof paymentEndpoints.getReconciliationByDay>;
type Finding = Day["findings"][number];

/** 每日对账: the recent days at a glance, then one day's findings, each resolved with a reason. */
export function ReconciliationTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const yesterday = dayjs(chinaToday()).subtract(1, "day").format("YYYY-MM-DD");
  const [day, setDay] = useState(yesterday);
  const runs = useEndpoint(paymentEndpoints.getReconciliation, {});
  const detail = useEndpoint(paymentEndpoints.getReconciliationByDay, { params: { day } });
  const [resolving, setResolving] = useState<Finding | null>(null);
  const [reason, setReason] = useState("");
  const [running, setRunning] = useState(false);

  async function rerun() {
    setRunning(true);
    try {
      await call(paymentEndpoints.postReconciliationByDayRun, { params: { day } });
      detail.reload();
      runs.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setRunning(false);
    }
  }
  async function resolve() {
    if (!resolving) return;
    try {
      await call(paymentEndpoints.postReconciliationFindingsByIdResolve, { params: { id: resolving.id }, body: { reason } });
      message.success(t("recon.resolved"));
      setResolving(null);
      setReason("");
      detail.reload();
      runs.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  const run = detail.data?.run;
  return (
    <>
      {(runs.error || detail.error) && <Alert type="error" role="alert" message={runs.error ?? detail.error} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="day"
        loading={runs.loading}
        dataSource={runs.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t("recon.noRuns") }}
        onRow={(r) => ({ onClick: () => setDay(r.day) })}
        columns={[
          { title: t("recon.day"), dataIndex: "day", render: (d: string) => <Button type="link" onClick={() => setDay(d)} aria-pressed={d === day}>{d}</Button> },
          { title: t("recon.lines"), render: (_: unknown, r) => `${r.providerLines} / ${r.platformLines}` },
          { title: t("recon.matched"), dataIndex: "matched" },
          { title: t("recon.open"), dataIndex: "openFindings", render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : <Tag color="success">{t("recon.balanced")}</Tag>) },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker aria-label={t("recon.day")} allowClear={false} value={dayjs(day)} disabledDate={(d) => !d.isBefore(dayjs(chinaToday()), "day")} onChange={(d) => d && setDay(d.format("YYYY-MM-DD"))} />
        <Button onClick={() => void rerun()} loading={running}>{t("recon.run")}</Button>
      </Space>
      {run ? (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("recon.providerTotal")}>{formatYuan(run.providerTotalFen)}（{run.providerLines}）</Descriptions.Item>
          <Descriptions.Item label={t("recon.platformTotal")}>{formatYuan(run.platformTotalFen)}（{run.platformLines}）</Descriptions.Item>
          <Descriptions.Item label={t("recon.ranAt")}>{chinaDateTime(run.ranAt)} {run.ranBy}</Descriptions.Item>
        </Descriptions>
      ) : (
        !detail.loading && <Alert type="info" showIcon message={t("recon.notRun")} style={{ marginBottom: 12 }} />
      )}
      <Table
        rowKey="id"
        loading={detail.loading}
        dataSource={detail.data?.findings ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: run ? t("recon.none") : t("common.empty") }}
        columns={[
          { title: t("recon.kind"), dataIndex: "kindName", render: (k: string, f: Finding) => <Tag color={f.status === "open" ? "error" : "default"}>{k}</Tag> },
          { title: t("recon.type"), dataIndex: "typeName" },
          { title: t("recon.number"), dataIndex: "merchantNo" },
          { title: t("recon.platformFen"), dataIndex: "platformFen", align: "right", render: (v: number | null) => (v === null ? "—" : formatYuan(v)) },
          { title: t("recon.providerFen"), dataIndex: "providerFen", align: "right", render: (v: number | null) => (v === null ? "—" : formatYuan(v)) },
          {
            title: t("recon.handling"),
            render: (_: unknown, f: Finding) =>
              f.status === "open" ? (
                <Button size="small" type="primary" onClick={() => setResolving(f)}>{t("recon.resolve")}</Button>
              ) : (
                <span>{f.resolution}（{f.resolvedBy}，{f.resolvedAt ? chinaDateTime(f.resolvedAt) : ""}）</span>
              ),
          },
        ]}
      />
      <Modal open={resolving !== null} title={t("recon.resolveTitle", { number: resolving?.merchantNo ?? "" })} okText={t("recon.resolve")} cancelText={t("staff.cancel")} okButtonProps={{ disabled: !reason.trim() }} onOk={() => void resolve()} onCancel={() => setResolving(null)} afterOpenChange={(open) => open && document.getElementById("finding-reason")?.focus()}>
        <label htmlFor="finding-reason">{t("recon.reason")}</label>
        <Input.TextArea id="finding-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
