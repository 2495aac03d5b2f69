import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Spin } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applicationEndpoints } from "../../../shared/api/applications";
import type { ResponseOf } from "../../../shared/api/endpoint";
import type { DocumentKind } from "../../../shared/schemas/documents";
import { call } from "../../api";

/** A print-ready document (受理回执, 受理通知书, 补正告知书, 决定书) laid out as an official notice on A4. */
export function PrintDocumentPage() {
  const { id, kind } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [doc, setDoc] = useState<ResponseOf<typeof applicationEndpoints.document> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(applicationEndpoints.document, { params: { id: id!, kind: kind as DocumentKind } }).then(setDoc, (e: Error) => setError(e.message));
  }, [id, kind]);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!doc) return <Spin tip={t("common.loading")} />;
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("docs.print")}
        </Button>
        <Button onClick={() => navigate(-1)}>{t("docs.back")}</Button>
      </Space>
      {i18n.language === "en" && <Alert className="no-print" type="info" showIcon style={{ marginBottom: 16 }} message={t("docs.chineseOnly")} />}
      <article className="official-document" aria-labelledby="doc-title" lang="zh-CN">
        <h1 id="doc-title">{doc.title}</h1>
        <p className="doc-number">{doc.docNumber}</p>
        <p>{doc.addressee}</p>
        {doc.paragraphs.map((p, i) => (
          <p key={i} className="indent">
            {p}
          </p>
        ))}
        {doc.list.length > 0 && (
          <ol>
            {doc.list.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ol>
        )}
        <div className="doc-sign">
          <p>{doc.issuer}</p>
          <p>{doc.date}</p>
        </div>
      </article>
    </>
  );
}
