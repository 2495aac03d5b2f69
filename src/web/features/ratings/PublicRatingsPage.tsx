import { Alert, Card, Col, Input, Row, Spin, Statistic } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { publicFiguresView } from "../../../shared/schemas/ratings";
import { call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { PageFrame } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

type Figures = z.infer<typeof publicFiguresView>;
const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** 好差评公示: satisfaction, 差评 and the rectified share per department and service. */
export function PublicRatingsPage() {
  const { t } = useTranslation();
  const [f, setF] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState("");
  useEffect(() => {
    call(ratingEndpoints.getRatingsPublic, {  }).then(setF, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!f) return <Spin />;
  const match = <T extends { name: string }>(rows: T[]) => (q ? rows.filter((r) => r.name.includes(q)) : rows);
  const columns = (first: string) => [
    { title: first, dataIndex: "name" },
    { title: t("rating.total"), dataIndex: "total", align: "right" as const },
    { title: t("rating.satisfaction"), dataIndex: "satisfactionRate", align: "right" as const, render: pct },
    { title: t("rating.bad"), dataIndex: "bad", align: "right" as const },
    { title: t("rating.rectified"), dataIndex: "rectifiedShare", align: "right" as const, render: pct },
  ];
  return (
    <>
      <PageFrame title={t("rating.publicTitle")} intro={t("rating.publicIntro")} />
      <Input.Search aria-label={t("rating.find")} placeholder={t("rating.find")} allowClear onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360, marginBottom: 16 }} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card><Statistic title={t("rating.total")} value={f.overall.total} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("rating.satisfaction")} value={pct(f.overall.satisfactionRate)} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("rating.bad")} value={f.overall.bad} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t("rating.rectified")} value={pct(f.overall.rectifiedShare)} /></Card></Col>
      </Row>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("rating.dept")}</h2>} style={{ marginBottom: 16 }}>
        <ResponsiveTable rowKey="id" size="small" dataSource={match(f.departments)} columns={columns(t("rating.dept"))} pagination={{ pageSize: 20 }} locale={{ emptyText: t("rating.none") }} />
      </Card>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("rating.item")}</h2>}>
        <ResponsiveTable rowKey="id" size="small" dataSource={match(f.items)} columns={columns(t("rating.item"))} pagination={{ pageSize: 20 }} locale={{ emptyText: t("rating.none") }} />
      </Card>
    </>
  );
}
