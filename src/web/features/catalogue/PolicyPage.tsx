import { Alert, Card, Descriptions, Empty, List, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PolicyDetailView } from "../../../shared/schemas/search";
import { call } from "../../api";
import { policyEndpoints } from "../../../shared/api/policy";
import { labels } from "../../labels";
import { PageFrame } from "../../components/PageFrame";

/** A policy document: number, issuer, dates, status with its revision chain, text, interpretation and services. */
export function PolicyPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const [p, setP] = useState<PolicyDetailView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setP(null);
    call(policyEndpoints.getPoliciesById, { params: { id: id! } })
      .then(setP)
      .catch((e: Error) => setError(e.message));
  }, [id]);
  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!p) return <Spin tip={t("common.loading")} />;
  return (
    <article>
      <PageFrame title={p.title} />
      {p.replacedBy && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={<>{t("policies.replacedBy", { status: l.policyStatus(p.status) })} <Link to={`/policies/${p.replacedBy.id}`}>{p.replacedBy.title}（{p.replacedBy.docNumber}）</Link></>}
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("policies.docNumber")}>{p.docNumber}</Descriptions.Item>
        <Descriptions.Item label={t("policies.issuer")}>{p.issuer}</Descriptions.Item>
        <Descriptions.Item label={t("policies.issuedOn")}>{p.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t("policies.effectiveOn")}>{p.effectiveOn}</Descriptions.Item>
        <Descriptions.Item label={t("policies.status")}>
          <Tag color={p.status === "valid" ? "success" : undefined}>{l.policyStatus(p.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("policies.tags")}>{p.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Descriptions.Item>
      </Descriptions>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("policies.text")}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{p.fullText}</Typography.Paragraph>
      </Card>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("policies.interpretation")}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{p.interpretation}</Typography.Paragraph>
      </Card>
      {p.replaces.length > 0 && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("policies.replaces")}</h2>} style={{ marginBottom: 16 }}>
          <List dataSource={p.replaces} renderItem={(r) => <List.Item><Link to={`/policies/${r.id}`}>{r.title}（{r.docNumber}）</Link></List.Item>} />
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("policies.items")}</h2>}>
        {p.items.length === 0 ? <Empty description={t("policies.noItems")} /> : <List dataSource={p.items} renderItem={(i) => <List.Item><Link to={`/items/${i.itemId}`}>{i.name}</Link>（{i.basicCode}）</List.Item>} />}
      </Card>
    </article>
  );
}
