import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { paymentEndpoints } from "../../../shared/api/payment";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { chinaDateTime } from "../../../shared/china-time";
import { formatYuan, groupDigits } from "../../../shared/fees";
import { call, errorMessage } from "../../api";

type Payment = ResponseOf<typeof paymentEndpoints.getApplicationsByIdPayments>["items"][number];

const STATUS_COLOR: Record<Payment["status"], string> = { pending: "error", paid: "success", closing: "default", closed: "default", expired: "error", refunded: "processing" };

/**
 * An application's fees: what is owed and how it was reckoned, the way to pay (the platform's cashier,
 * or the 缴款码 at a bank), and afterwards the receipt and any refund. Coming back from the cashier
 * (?paid=1) it waits a few seconds for the payment platform's notification and then says what happened.
 */
export function PaymentCard({ applicationId, payer, onSettled }: { applicationId: string; payer: boolean; onSettled: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Payment[] | null>(null);
  const [params, setParams] = useSearchParams();
  const [waiting, setWaiting] = useState<"confirming" | "notYet" | null>(params.get("paid") === "1" ? "confirming" : null);
  const [busy, setBusy] = useState<string | null>(null);
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  const load = useCallback(() => call(paymentEndpoints.getApplicationsByIdPayments, { params: { id: applicationId } }).then((r) => (setItems(r.items), r.items)), [applicationId]);
  useEffect(() => {
    void load().catch(() => setItems([]));
  }, [load]);

  // Back from the cashier: the notification usually arrives within a second or two.
  useEffect(() => {
    if (waiting !== "confirming") return;
    const focus = params.get("payment");
    let tries = 0;
    const timer = setInterval(() => {
      tries++;
      void load().then((list) => {
        const order = list.find((p) => p.id === focus) ?? list[0];
        // Paid, and its receipt issued (a moment after the payment).
        if (order && order.status !== "pending" && (order.status !== "paid" || order.receiptIdentifier)) {
          clearInterval(timer);
          setWaiting(null);
          message.success(t("pay.paidNow"));
          settledRef.current();
          setParams((p) => (p.delete("paid"), p.delete("payment"), p), { replace: true });
        } else if (tries >= 10) {
          clearInterval(timer);
          setWaiting("notYet");
        }
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [waiting, load, params, setParams, message, t]);

  async function payOnline(id: string) {
    setBusy(id);
    try {
      const { cashierUrl } = await call(paymentEndpoints.postPaymentsByIdCheckout, { params: { id } });
      window.location.assign(cashierUrl);
    } catch (err) {
      message.error(errorMessage(err));
      setBusy(null);
      void load();
    }
  }

  async function renew(id: string) {
    try {
      await call(paymentEndpoints.postPaymentsByIdRenew, { params: { id } });
      void load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  if (!items || items.length === 0) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("pay.title")}</h2>} style={{ marginBottom: 16 }}>
      {waiting && <Alert type={waiting === "confirming" ? "info" : "warning"} showIcon role="status" message={t(`pay.${waiting}`)} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: "100%" }} size="large">
        {items.map((p) => (
          <section key={p.id} aria-label={`${t("pay.orderNo")} ${p.number}`}>
            {p.status === "pending" && (
              <Alert
                type="warning"
                showIcon
                message={<strong>{t("pay.due", { amount: formatYuan(p.amountFen) })}</strong>}
                description={t("pay.dueBy", { date: p.dueDate })}
                style={{ marginBottom: 12 }}
              />
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={p.lines}
              columns={[
                { title: t("pay.item"), dataIndex: "name" },
                { title: t("pay.how"), dataIndex: "detail", render: (v: string) => v || "—" },
                { title: t("pay.amount"), dataIndex: "amountFen", align: "right", render: (v: number) => formatYuan(v) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{t("pay.total")}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{formatYuan(p.amountFen)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t("pay.status")}>
                <Tag color={STATUS_COLOR[p.status]}>{t(`finance.status_${p.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("pay.orderNo")}>{p.number}</Descriptions.Item>
              {p.status === "pending" && <Descriptions.Item label={t("pay.payCode")}><span style={{ fontFamily: "monospace", fontSize: 16 }}>{groupDigits(p.payCode)}</span></Descriptions.Item>}
              {p.paidAt && <Descriptions.Item label={t("pay.paidAt")}>{chinaDateTime(p.paidAt)}</Descriptions.Item>}
              {p.channelName && <Descriptions.Item label={t("pay.channel")}>{p.channelName}</Descriptions.Item>}
              {p.settledBy && <Descriptions.Item label={t("pay.settledBy")}>{t(`pay.settledBy_${p.settledBy}`)}</Descriptions.Item>}
              {p.providerOrderNo && <Descriptions.Item label={t("pay.providerNo")}>{p.providerOrderNo}</Descriptions.Item>}
              {p.receiptIdentifier && (
                <Descriptions.Item label={t("pay.receipt")}>
                  {t("pay.receiptWallet")} · <Link to={`/verify?id=${encodeURIComponent(p.receiptIdentifier)}`}>{t("pay.receiptLink")}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            {p.status === "pending" && <p style={{ color: "#595959", margin: "4px 0 12px" }}>{t("pay.payCodeHint")}</p>}
            {p.status === "pending" && payer && (
              <Button type="primary" size="large" loading={busy === p.id} onClick={() => void payOnline(p.id)}>
                {t("pay.payOnline")} {formatYuan(p.amountFen)}
              </Button>
            )}
            {(p.status === "closed" || p.status === "closing") && p.closeReason && <Alert type="info" showIcon message={t("pay.closed", { reason: p.closeReason })} />}
            {p.status === "expired" && (
              <Alert
                type="warning"
                showIcon
                message={t("pay.expired", { date: p.dueDate })}
                action={payer ? <Button onClick={() => void renew(p.id)}>{t("pay.renew")}</Button> : undefined}
              />
            )}
            {p.refunds.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <strong>{t("pay.refunds")}</strong>
                {p.refunds.map((r) => (
                  <div key={r.id}>{t("pay.refundLine", { amount: formatYuan(r.amountFen), status: t(`pay.refund_${r.status}`), reason: r.failure ?? r.reason })}</div>
                ))}
              </div>
            )}
          </section>
        ))}
      </Space>
    </Card>
  );
}

type Payout = ResponseOf<typeof paymentEndpoints.getApplicationsByIdPayouts>["items"][number];

/** A granted benefit's payouts: when, how much, to which account, and whether it arrived. */
export function PayoutList({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Payout[]>([]);
  useEffect(() => {
    call(paymentEndpoints.getApplicationsByIdPayouts, { params: { id: applicationId } }).then((r) => setItems(r.items), () => setItems([]));
  }, [applicationId]);
  if (items.length === 0) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("payout.title")}</h2>} style={{ marginBottom: 16 }}>
      {items.map((p) => (
        <div key={p.id} style={{ marginBottom: 8 }}>
          <Tag color={p.status === "succeeded" ? "success" : p.status === "failed" ? "error" : "default"}>{t(`payout.status_${p.status}`)}</Tag>
          {t("payout.line", { period: p.periodLabel, amount: formatYuan(p.amountFen), status: p.payDate })}
          {p.accountMasked && <div style={{ color: "#595959" }}>{t("payout.to", { bank: p.bankName ?? "", account: p.accountMasked })}</div>}
          {p.failure && <div style={{ color: "#a8071a" }}>{p.failure}</div>}
        </div>
      ))}
    </Card>
  );
}
