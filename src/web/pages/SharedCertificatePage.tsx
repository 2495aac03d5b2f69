import { Alert, Card, Descriptions, Result, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api, ApiError } from "../api";
import { chinaDateTime } from "../../shared/china-time";

interface Shared {
  valid: boolean;
  message: string;
  purpose: string;
  expiresAt: string;
  certificate: { identifier: string; typeName: string; number: string; issuerName: string; holder: string; validFrom: string; validTo: string | null } | null;
  disclosed: Array<{ label: string; value: string }>;
}

/** 亮证: what a third party sees through a holder's link — the checked certificate and only the fields disclosed. */
export function SharedCertificatePage() {
  const { token } = useParams();
  const { t } = useTranslation();
  const [data, setData] = useState<Shared | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Shared>("GET", `/certificates/shared/${token}`)
      .then(setData)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [token]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("share.viewTitle")}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!data && !error && <Spin />}
      {data && (
        <Card>
          <Result status={data.valid ? "success" : "error"} title={data.message} subTitle={t("share.viewPurpose", { purpose: data.purpose, date: chinaDateTime(data.expiresAt) })} />
          {data.certificate && (
            <Descriptions bordered size="small" column={1} style={{ maxWidth: 640, margin: "0 auto" }}>
              <Descriptions.Item label={t("verify.type")}>{data.certificate.typeName}</Descriptions.Item>
              <Descriptions.Item label={t("verify.number")}>{data.certificate.number}</Descriptions.Item>
              <Descriptions.Item label={t("verify.holder")}>{data.certificate.holder}</Descriptions.Item>
              <Descriptions.Item label={t("verify.issuer")}>{data.certificate.issuerName}</Descriptions.Item>
              <Descriptions.Item label={t("verify.validity")}>
                {data.certificate.validFrom} — {data.certificate.validTo ?? t("verify.longTerm")}
              </Descriptions.Item>
              {data.disclosed.map((d) => (
                <Descriptions.Item key={d.label} label={d.label}>
                  {d.value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      )}
    </>
  );
}
