import { Alert, Card, Col, Row, Spin, Statistic, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CatalogueAuditView } from "../../../../shared/schemas/audit";
import { call } from "../../../api";
import { catalogueEndpoints } from "../../../../shared/api/catalogue";
import { PageFrame } from "../../../components/PageFrame";

/** 目录质量审计: completeness of every guide and consistency across levels, per implementing organisation. */
export function CatalogueAuditPage() {
  const { t } = useTranslation();
  const [audit, setAudit] = useState<CatalogueAuditView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(catalogueEndpoints.getCatalogueAudit, {  })
      .then(setAudit)
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!audit) return <Spin tip={t("common.loading")} />;
  const open = audit.inconsistencies.filter((f) => !f.acceptedReason);
  const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
  return (
    <>
      <PageFrame title={t("audit.title")} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card><Statistic title={t("audit.items")} value={audit.items} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("audit.average")} value={audit.averageScore} suffix="/ 100" /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("audit.incomplete")} value={audit.completeness.length} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("audit.openInconsistencies")} value={open.length} /></Card></Col>
      </Row>
      <Card title={h2(t("audit.byOrg"))} style={{ marginBottom: 16 }}>
        <Table
          rowKey="orgId"
          size="small"
          scroll={{ x: 600 }}
          dataSource={audit.orgs}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t("audit.org"), dataIndex: "orgName" },
            { title: t("audit.items"), dataIndex: "items", width: 90 },
            { title: t("audit.average"), dataIndex: "averageScore", width: 110, render: (v: number) => <Tag color={v === 100 ? "success" : "warning"}>{v}</Tag> },
            { title: t("audit.incomplete"), dataIndex: "incomplete", width: 110 },
            { title: t("audit.openInconsistencies"), dataIndex: "inconsistencies", width: 130 },
          ]}
        />
      </Card>
      <Card title={h2(t("audit.missingTitle"))} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: 700 }}
          dataSource={audit.completeness}
          pagination={false}
          locale={{ emptyText: t("audit.allComplete") }}
          columns={[
            { title: t("audit.item"), render: (_, c) => <Link to={`/items/${c.id}`}>{c.name}</Link> },
            { title: t("audit.org"), dataIndex: "orgName" },
            { title: t("audit.score"), dataIndex: "score", width: 80 },
            { title: t("audit.missing"), dataIndex: "missing", render: (m: string[]) => m.map((x) => <Tag key={x} color="error">{x}</Tag>) },
          ]}
        />
      </Card>
      <Card title={h2(t("audit.consistencyTitle"))}>
        <Table
          rowKey={(f) => `${f.implCode}-${f.element}`}
          size="small"
          scroll={{ x: 900 }}
          dataSource={audit.inconsistencies}
          pagination={false}
          locale={{ emptyText: t("audit.allConsistent") }}
          columns={[
            { title: t("audit.item"), render: (_, f) => <Link to={`/items/${f.itemId}`}>{f.implCode}</Link> },
            { title: t("audit.org"), dataIndex: "orgName" },
            { title: t("audit.element"), dataIndex: "element" },
            { title: t("audit.reference"), dataIndex: "reference" },
            { title: t("audit.actual"), dataIndex: "actual" },
            { title: t("audit.status"), render: (_, f) => (f.acceptedReason ? <Tag color="success">{t("audit.accepted")}：{f.acceptedReason}</Tag> : <Tag color="warning">{t("audit.open")}</Tag>) },
          ]}
        />
      </Card>
    </>
  );
}
