import { Button, DatePicker, Input, Select, Space, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dayjs } from "dayjs";
import type { z } from "zod";
import type { paymentListQuery } from "../../../shared/schemas/payment";
import { paymentEndpoints } from "../../../shared/api/payment";
import type { ItemOf } from "../../../shared/api/endpoint";
import { chinaDateTime } from "../../../shared/china-time";
import { formatYuan } from "../../../shared/fees";
import { PageFrame } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { useEndpoint } from "../../components/useEndpoint";
import { useSession } from "../../session";
import { PayoutsTab } from "./PayoutsTab";
import { ReconciliationTab } from "./ReconciliationTab";

type Order = ItemOf<typeof paymentEndpoints.getPayments>;
type Status = z.infer<typeof paymentListQuery>["status"];
const STATUSES = ["pending", "paid", "expired", "closed", "refunded"] as const;

/** 缴费与对账: the payment orders of the caller's departments, filtered and exported, and the daily reconciliation. */
export function FinancePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const has = (...roles: string[]) => roles.some((r) => me?.roles.includes(r as never));
  return (
    <PageFrame title={t("finance.title")} intro={t("finance.intro")}>
      <Tabs
        destroyOnHidden
        items={[
          { key: "orders", label: t("finance.orders"), children: <OrdersTab /> },
          ...(has("finance", "approver", "supervisor") ? [{ key: "payouts", label: t("finance.payouts"), children: <PayoutsTab canRetry={has("finance", "approver")} canBatch={has("finance")} /> }] : []),
          ...(has("finance") ? [{ key: "reconciliation", label: t("finance.reconciliation"), children: <ReconciliationTab /> }] : []),
        ]}
      />
    </PageFrame>
  );
}

function OrdersTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [q, setQ] = useState("");
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(0);
  const query = {
    ...(status ? { status } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(range?.[0] ? { from: range[0].format("YYYY-MM-DD") } : {}),
    ...(range?.[1] ? { to: range[1].format("YYYY-MM-DD") } : {}),
    limit: 20,
    offset: page * 20,
  };
  const { data, error, loading } = useEndpoint(paymentEndpoints.getPayments, { query });
  const exportUrl = `/api/v1/payments/export?${new URLSearchParams(Object.entries(query).filter(([k]) => k !== "limit" && k !== "offset").map(([k, v]) => [k, String(v)])).toString()}`;
  return (
    <>
      {error && <p role="alert">{error}</p>}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t("finance.status")} style={{ width: 140 }} value={status ?? "all"} onChange={(v: string) => (setStatus(v === "all" ? undefined : (v as Status)), setPage(0))} options={[{ value: "all", label: t("finance.all") }, ...STATUSES.map((s) => ({ value: s, label: t(`finance.status_${s}`) }))]} />
        <DatePicker.RangePicker aria-label={t("finance.range")} value={range} onChange={(v) => (setRange(v as [Dayjs | null, Dayjs | null] | null), setPage(0))} placeholder={[t("finance.from"), t("finance.to")]} />
        <Input.Search aria-label={t("finance.search")} placeholder={t("finance.search")} allowClear style={{ width: 300 }} onSearch={(v) => (setQ(v), setPage(0))} />
        <Button href={exportUrl}>{t("finance.export")}</Button>
      </Space>
      <ResponsiveTable<Order>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t("finance.empty") }}
        pagination={{ current: page + 1, pageSize: 20, total: page * 20 + (data?.items.length ?? 0) + (data?.items.length === 20 ? 1 : 0), onChange: (p) => setPage(p - 1), showSizeChanger: false }}
        columns={[
          { title: t("pay.orderNo"), dataIndex: "number" },
          { title: t("finance.application"), dataIndex: "applicationNumber", render: (n: string | null, r: Order) => (n && r.applicationId ? <Link to={`/workbench/applications/${r.applicationId}`}>{n}</Link> : "—") },
          { title: t("finance.payer"), dataIndex: "payerName" },
          { title: t("finance.org"), dataIndex: "orgName" },
          { title: t("pay.amount"), dataIndex: "amountFen", align: "right", render: (v: number, r: Order) => <>{formatYuan(v)}{r.refundedFen > 0 ? <div style={{ color: "#595959" }}>{t("finance.refunded", { amount: formatYuan(r.refundedFen) })}</div> : null}</> },
          { title: t("pay.status"), dataIndex: "status", render: (s: string) => <Tag>{t(`finance.status_${s}`)}</Tag> },
          { title: t("pay.channel"), dataIndex: "channelName" },
          { title: t("finance.created"), dataIndex: "createdAt", render: (v: string) => chinaDateTime(v) },
          { title: t("pay.paidAt"), dataIndex: "paidAt", render: (v: string | null) => (v ? chinaDateTime(v) : "—") },
        ]}
      />
    </>
  );
}
