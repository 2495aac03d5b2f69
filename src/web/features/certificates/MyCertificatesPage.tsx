import { DownloadOutlined } from "@ant-design/icons";
import type { ItemOf } from "../../../shared/api/endpoint";
import { Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from "antd";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { call } from "../../api";
import { certificateEndpoints } from "../../../shared/api/certificate";
import { useSession } from "../../session";
import { ShareDialog } from "./ShareDialog";

type Held = ItemOf<typeof certificateEndpoints.getMeCertificates>;

const STATUS = { valid: "success", expired: "default", suspended: "warning", revoked: "error" } as const;

function verifyUrl(identifier: string) {
  return `${window.location.origin}/verify?id=${encodeURIComponent(identifier)}`;
}

/** 我的证照: the certificates one holds (or one's enterprise, when acting for it), with a QR code for checking and the signed copy. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [items, setItems] = useState<Held[] | null>(null);
  const [qr, setQr] = useState<Record<string, string>>({});
  const [sharing, setSharing] = useState<{ id: string; typeName: string; type: string } | null>(null);
  useEffect(() => {
    call(certificateEndpoints.getMeCertificates, {  }).then(
      async (r) => {
        setItems(r.items);
        setQr(Object.fromEntries(await Promise.all(r.items.map(async (c) => [c.id, await QRCode.toDataURL(verifyUrl(c.identifier), { margin: 1, width: 160 })] as const))));
      },
      () => setItems([]),
    );
  }, [me?.actingFor?.id]);

  function download(c: Held) {
    const blob = new Blob([JSON.stringify(c.document, null, 2)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${c.typeName}-${c.identifier.split(".").at(-3)}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("wallet.title")}
        {me?.actingFor && <Typography.Text type="secondary" style={{ fontSize: 16 }}>（{me.actingFor.name}）</Typography.Text>}
      </Typography.Title>
      {!items && <Spin />}
      {items && items.length === 0 && <Empty description={t("wallet.none")} />}
      <Row gutter={[16, 16]}>
        {(items ?? []).map((c) => (
          <Col xs={24} md={12} key={c.id}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{c.typeName}</h2>} extra={<Tag color={STATUS[c.status]}>{t(`wallet.status_${c.status}`)}</Tag>}>
              <Space align="start">
                {qr[c.id] && <img src={qr[c.id]} width={120} height={120} alt={t("wallet.qr", { name: c.typeName })} />}
                <div>
                  <div>{c.issuerName}</div>
                  <div>
                    {c.validFrom} — {c.validTo ?? t("verify.longTerm")}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: "break-all" }}>
                    {c.identifier}
                  </Typography.Text>
                  <Space style={{ marginTop: 8 }}>
                    <Button size="small" icon={<DownloadOutlined />} onClick={() => download(c)}>
                      {t("wallet.download")}
                    </Button>
                    {c.status === "valid" && (
                      <Button size="small" onClick={() => setSharing({ id: c.id, typeName: c.typeName, type: c.document.payload.type })}>
                        {t("share.button")}
                      </Button>
                    )}
                    <Link to={`/verify?id=${encodeURIComponent(c.identifier)}`} style={{ textDecoration: "underline" }}>{t("wallet.verify")}</Link>
                  </Space>
                </div>
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <ShareDialog certificate={sharing} onClose={() => setSharing(null)} />
    </>
  );
}
