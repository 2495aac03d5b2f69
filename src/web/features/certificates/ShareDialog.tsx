import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { ItemOf } from "../../../shared/api/endpoint";
import QRCode from "qrcode";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { call } from "../../api";
import { certificateEndpoints } from "../../../shared/api/certificate";
import { chinaDateTime } from "../../../shared/china-time";
import { errorMessage } from "../../components/PageFrame";

type ShareRow = ItemOf<typeof certificateEndpoints.getMeCertificatesByIdShares>;

const HOURS = [1, 24, 72, 168];

/** 亮证: make a time-limited, purpose-stated link to one certificate, see its uses, revoke it. */
export function ShareDialog({ certificate, onClose }: { certificate: { id: string; typeName: string; type: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ purpose: string; hours: number; disclose: string[] }>();
  const [created, setCreated] = useState<{ url: string; qr: string; expiresAt: string } | null>(null);
  const [shares, setShares] = useState<ShareRow[]>([]);
  const fields = certificate ? (CERTIFICATE_TYPE_DEFS[certificate.type]?.fields ?? []) : [];
  const load = useCallback(() => {
    if (certificate) void call(certificateEndpoints.getMeCertificatesByIdShares, { params: { id: certificate.id } }).then((r) => setShares(r.items));
  }, [certificate]);
  useEffect(() => {
    setCreated(null);
    form.setFieldsValue({ purpose: "", hours: 24, disclose: [] });
    load();
  }, [certificate, form, load]);

  async function create() {
    const v = await form.validateFields();
    try {
      const r = await call(certificateEndpoints.postMeCertificatesByIdShares, { params: { id: certificate!.id }, body: v });
      const url = `${window.location.origin}${r.path}`;
      setCreated({ url, qr: await QRCode.toDataURL(url, { margin: 1, width: 180 }), expiresAt: r.expiresAt });
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  async function revoke(id: string) {
    await call(certificateEndpoints.deleteMeCertificatesSharesByShareId, { params: { shareId: id } });
    message.success(t("share.revoked"));
    load();
  }

  return (
    <Modal open={certificate !== null} title={t("share.title", { name: certificate?.typeName ?? "" })} onCancel={onClose} footer={null} width={680} destroyOnHidden>
      <Typography.Paragraph>{t("share.intro")}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="purpose" label={t("share.purpose")} rules={[{ required: true, min: 2, message: t("share.purposeHelp") }]} extra={t("share.purposeHelp")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="hours" label={t("share.hours")}>
          <Select options={HOURS.map((h) => ({ value: h, label: t("share.hoursN", { count: h }) }))} />
        </Form.Item>
        <Form.Item name="disclose" label={t("share.disclose")} extra={t("share.discloseHelp")}>
          <Checkbox.Group options={fields.map((f) => ({ value: f.key, label: f.label }))} />
        </Form.Item>
        <Button type="primary" onClick={() => void create()}>
          {t("share.create")}
        </Button>
      </Form>
      {created && (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          message={t("share.created", { date: chinaDateTime(created.expiresAt) })}
          description={
            <Space align="start">
              <img src={created.qr} width={140} height={140} alt={t("share.qr")} />
              <Typography.Paragraph copyable={{ text: created.url }} style={{ wordBreak: "break-all" }}>
                {created.url}
              </Typography.Paragraph>
            </Space>
          }
        />
      )}
      <h3 style={{ fontSize: 15, marginTop: 16 }}>{t("share.links")}</h3>
      <Table<ShareRow>
        rowKey="id"
        size="small"
        dataSource={shares}
        pagination={false}
        locale={{ emptyText: t("share.none") }}
        columns={[
          { title: t("share.purpose"), dataIndex: "purpose" },
          { title: t("share.until"), dataIndex: "expiresAt", render: (v: string) => chinaDateTime(v) },
          { title: t("share.uses"), dataIndex: "uses" },
          { title: t("share.status"), dataIndex: "status", render: (v: ShareRow["status"]) => <Tag color={v === "active" ? "success" : "default"}>{t(`share.status_${v}`)}</Tag> },
          { title: t("staff.actions"), key: "revoke", render: (_, s) => (s.status === "active" ? <Button size="small" danger onClick={() => void revoke(s.id)}>{t("share.revoke")}</Button> : null) },
        ]}
      />
    </Modal>
  );
}
