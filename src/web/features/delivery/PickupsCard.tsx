import { App, Button, Card, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { deliveryEndpoints } from "../../../shared/api/delivery";
import type { ItemOf } from "../../../shared/api/endpoint";
import { chinaDateTime } from "../../../shared/china-time";
import { call, errorMessage } from "../../api";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { useEndpoint } from "../../components/useEndpoint";

type Pickup = ItemOf<typeof deliveryEndpoints.getWindowPickups>;

/** The window's results waiting for collection, each handed over on its code and the collector's ID. */
export function PickupsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useEndpoint(deliveryEndpoints.getWindowPickups, {});
  const [handing, setHanding] = useState<Pickup | null>(null);
  const [form] = Form.useForm<{ pickupCode: string; idNumber: string; delegateName?: string }>();

  async function handOver() {
    if (!handing) return;
    const v = await form.validateFields();
    try {
      const r = await call(deliveryEndpoints.postDeliveriesByIdHandOver, { params: { id: handing.id }, body: { pickupCode: v.pickupCode.trim(), idNumber: v.idNumber.trim().toUpperCase(), ...(v.delegateName?.trim() ? { delegateName: v.delegateName.trim() } : {}) } });
      message.success(t("pickups.done", { collector: r.collector }));
      setHanding(null);
      form.resetFields();
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("pickups.title")}</h2>} style={{ marginBottom: 16 }}>
      <p>{t("pickups.intro")}</p>
      {error && <p role="alert">{error}</p>}
      <ResponsiveTable<Pickup>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("pickups.empty") }}
        columns={[
          { title: t("pickups.application"), dataIndex: "applicationNumber", render: (n: string, r: Pickup) => <Link to={`/workbench/applications/${r.applicationId}`}>{n}</Link> },
          { title: t("pickups.item"), dataIndex: "itemName" },
          { title: t("pickups.applicant"), dataIndex: "applicantName" },
          { title: t("pickups.since"), dataIndex: "readySince", render: (v: string) => chinaDateTime(v) },
          { title: t("recon.handling"), render: (_: unknown, r: Pickup) => <Button type="primary" size="small" onClick={() => setHanding(r)}>{t("pickups.handOver")}</Button> },
        ]}
      />
      <Modal open={handing !== null} title={`${t("pickups.handOver")} ${handing?.applicationNumber ?? ""}`} okText={t("pickups.handOver")} cancelText={t("staff.cancel")} onOk={() => void handOver()} onCancel={() => setHanding(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="pickupCode" label={t("pickups.code")} rules={[{ required: true, pattern: /^\d{6}$/, message: t("pickups.code") }]}>
            <Input inputMode="numeric" maxLength={6} autoComplete="off" />
          </Form.Item>
          <Form.Item name="idNumber" label={t("pickups.idNumber")} rules={[{ required: true, len: 18, message: t("pickups.idNumber") }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="delegateName" label={t("pickups.delegate")}>
            <Input maxLength={40} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
