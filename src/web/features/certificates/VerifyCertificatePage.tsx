import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin } from "antd";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError, call } from "../../api";
import { certificateEndpoints } from "../../../shared/api/certificate";
import { PageFrame } from "../../components/PageFrame";

type Verification = ResponseOf<typeof certificateEndpoints.getCertificatesVerify>;

/** 电子证照核验: anyone, without logging in, checks a certificate by its identifier (the QR code's link) or a downloaded copy. */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get("id") ?? "";
  const [result, setResult] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState("");

  useEffect(() => {
    if (!id) return;
    setBusy(true);
    call(certificateEndpoints.getCertificatesVerify, { query: { id: id } })
      .then(setResult, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  }, [id]);

  async function checkFile() {
    setError(null);
    try {
      setResult(await call(certificateEndpoints.postCertificatesVerify, { body: JSON.parse(file) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("verify.badFile"));
    }
  }

  return (
    <>
      <PageFrame title={t("verify.title")} intro={t("verify.intro")} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={(v: { id: string }) => setParams({ id: v.id.trim() })} initialValues={{ id }}>
          <Form.Item name="id" label={t("verify.identifier")} htmlFor="verify-id">
            <Input id="verify-id" style={{ width: 520, maxWidth: "100%" }} placeholder="1.2.156.3005.2.…" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("verify.check")}
          </Button>
        </Form>
        <details style={{ marginTop: 12 }}>
          <summary>{t("verify.byFile")}</summary>
          <label htmlFor="verify-file">{t("verify.paste")}</label>
          <Input.TextArea id="verify-file" rows={4} value={file} onChange={(e) => setFile(e.target.value)} />
          <Button style={{ marginTop: 8 }} onClick={() => void checkFile()} disabled={!file.trim()}>
            {t("verify.check")}
          </Button>
        </details>
      </Card>
      {busy && <Spin />}
      {error && <Alert type="error" role="alert" message={error} />}
      {result && (
        <Result
          status={result.valid ? "success" : "error"}
          title={result.message}
          subTitle={result.certificate?.identifier}
          extra={
            result.certificate && (
              <Descriptions bordered size="small" column={1} style={{ maxWidth: 640, margin: "0 auto", textAlign: "left" }}>
                <Descriptions.Item label={t("verify.type")}>{result.certificate.typeName}</Descriptions.Item>
                <Descriptions.Item label={t("verify.number")}>{result.certificate.number}</Descriptions.Item>
                <Descriptions.Item label={t("verify.holder")}>{result.certificate.holder}</Descriptions.Item>
                <Descriptions.Item label={t("verify.issuer")}>{result.certificate.issuerName}</Descriptions.Item>
                <Descriptions.Item label={t("verify.validity")}>
                  {result.certificate.validFrom} — {result.certificate.validTo ?? t("verify.longTerm")}
                </Descriptions.Item>
              </Descriptions>
            )
          }
        />
      )}
    </>
  );
}
