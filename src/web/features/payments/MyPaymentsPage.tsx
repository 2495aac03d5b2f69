import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paymentEndpoints } from "../../../shared/api/payment";
import type { ItemOf } from "../../../shared/api/endpoint";
import { chinaDateTime } from "../../../shared/china-time";
import { formatYuan } from "../../../shared/fees";
import { PageFrame } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { useEndpoint } from "../../components/useEndpoint";

type Payment = ItemOf<typeof paymentEndpoints.getMePayments>;

/** 我的缴费: the citizen's payment notices, paid or not, each leading to its application and its receipt. */
export function MyPaymentsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useEndpoint(paymentEndpoints.getMePayments, {});
  return (
    <PageFrame title={t("pay.mine")} intro={t("pay.mineIntro")} error={error}>
      <ResponsiveTable<Payment>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("pay.none") }}
        columns={[
          { title: t("pay.subject"), dataIndex: "subject", render: (s: string, p: Payment) => (p.applicationId ? <Link to={`/me/applications/${p.applicationId}`}>{s}</Link> : s) },
          { title: t("pay.amount"), dataIndex: "amountFen", align: "right", render: (v: number) => formatYuan(v) },
          { title: t("pay.status"), dataIndex: "status", render: (s: string) => <Tag color={s === "pending" || s === "expired" ? "error" : s === "paid" ? "success" : "default"}>{t(`finance.status_${s}`)}</Tag> },
          { title: t("pay.dueDate"), dataIndex: "dueDate" },
          { title: t("pay.paidAt"), dataIndex: "paidAt", render: (v: string | null) => (v ? chinaDateTime(v) : "—") },
          { title: t("pay.receipt"), dataIndex: "receiptIdentifier", render: (v: string | null) => (v ? <Link to={`/verify?id=${encodeURIComponent(v)}`}>{t("pay.receiptLink")}</Link> : "—") },
        ]}
      />
    </PageFrame>
  );
}
