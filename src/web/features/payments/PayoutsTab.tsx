import { App, Button, DatePicker, Select, Space, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { chinaToday } from "../../../shared/china-time";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paymentEndpoints } from "../../../shared/api/payment";
import type { ItemOf } from "../../../shared/api/endpoint";
import { formatYuan } from "../../../shared/fees";
import { call, errorMessage } from "../../api";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { useEndpoint } from "../../components/useEndpoint";

type Payout = ItemOf<typeof paymentEndpoints.getPayouts>;
const STATUSES = ["requested", "processing", "succeeded", "failed", "stopped"] as const;

/** 待遇发放: the payouts of granted benefits; a failed one is sent again once the account is right. */
export function PayoutsTab({ canRetry, canBatch }: { canRetry: boolean; canBatch: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | undefined>(undefined);
  const { data, error, loading, reload } = useEndpoint(paymentEndpoints.getPayouts, { query: { ...(status ? { status } : {}), limit: 100, offset: 0 } });
  const [payDate, setPayDate] = useState<Dayjs | null>(null);
  async function batch() {
    if (!payDate) return;
    try {
      const r = await call(paymentEndpoints.postPayoutsBatches, { body: { payDate: payDate.format("YYYY-MM-DD") } });
      message.success(t("payout.batched", { n: r.made }));
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  async function retry(id: string) {
    try {
      await call(paymentEndpoints.postPayoutsByIdRetry, { params: { id } });
      message.success(t("payout.retried"));
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  return (
    <>
      {error && <p role="alert">{error}</p>}
      <Space wrap style={{ marginBottom: 12 }}>
        {canBatch && (
          <>
            <DatePicker aria-label={t("payout.payDate")} placeholder={t("payout.payDate")} value={payDate} onChange={setPayDate} disabledDate={(d) => d.isBefore(dayjs(chinaToday()), "day") || d.isAfter(dayjs(chinaToday()).add(2, "month"), "day")} />
            <Button onClick={() => void batch()} disabled={!payDate}>{t("payout.batch")}</Button>
          </>
        )}
        <Select aria-label={t("finance.status")} style={{ width: 140 }} value={status ?? "all"} onChange={(v: string) => setStatus(v === "all" ? undefined : (v as (typeof STATUSES)[number]))} options={[{ value: "all", label: t("finance.all") }, ...STATUSES.map((s) => ({ value: s, label: t(`payout.status_${s}`) }))]} />
      </Space>
      <ResponsiveTable<Payout>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t("payout.empty") }}
        columns={[
          { title: t("payout.number"), dataIndex: "number" },
          { title: t("finance.application"), dataIndex: "applicationNumber", render: (n: string | null, r: Payout) => (n ? <Link to={`/workbench/applications/${r.applicationId}`}>{n}</Link> : "—") },
          { title: t("payout.subject"), dataIndex: "subject" },
          { title: t("payout.payee"), dataIndex: "payeeName" },
          { title: t("payout.account"), dataIndex: "accountMasked", render: (v: string | null, r: Payout) => (v ? `${r.bankName ?? ""} ${v}` : "—") },
          { title: t("payout.period"), dataIndex: "periodLabel" },
          { title: t("pay.amount"), dataIndex: "amountFen", align: "right", render: (v: number) => formatYuan(v) },
          { title: t("pay.status"), dataIndex: "status", render: (s: string, r: Payout) => <><Tag color={s === "failed" ? "error" : s === "succeeded" ? "success" : "default"}>{t(`payout.status_${s}`)}</Tag>{r.failure ? <div>{r.failure}</div> : null}</> },
          { title: t("recon.handling"), render: (_: unknown, r: Payout) => (r.status === "failed" && canRetry && r.planStatus !== "stopped" ? <Button size="small" onClick={() => void retry(r.id)}>{t("payout.retry")}</Button> : null) },
        ]}
      />
    </>
  );
}
