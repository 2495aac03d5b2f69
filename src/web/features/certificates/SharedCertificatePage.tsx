import { Card, Descriptions, Result, Spin } from "antd";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { call } from "../../api";
import { certificateEndpoints } from "../../../shared/api/certificate";
import { chinaDateTime } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";

type Shared = ResponseOf<typeof certificateEndpoints.getCertificatesSharedByToken>;

/** 亮证: what a third party sees through a holder's link — the checked certificate and only the fields disclosed. */
export function SharedCertificatePage() {
  const { token } = useParams();
  const { t } = useTranslation();
  const [data, setData] = useState<Shared | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(certificateEndpoints.getCertificatesSharedByToken, { params: { token: token! } })
      .then(setData)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [token]);
  return (
    <>
      <PageFrame title={t("share.viewTitle")} error={error} />
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
