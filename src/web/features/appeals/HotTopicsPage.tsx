import { Alert, Card, Col, InputNumber, Row, Space, Spin, Table } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { hotTopicsView } from "../../../shared/schemas/appeals";
import { call } from "../../api";
import { appealEndpoints } from "../../../shared/api/appeal";
import { Chart } from "../../components/Chart";
import { chinaDate } from "../../../shared/china-time";
import { PageFrame } from "../../components/PageFrame";

type Hot = z.infer<typeof hotTopicsView>;

/** 12345 热点分析: counts by week, category, district and type; rising topics; repeated complaints. */
export function HotTopicsPage() {
  const { t } = useTranslation();
  const [weeks, setWeeks] = useState(8);
  const [hot, setHot] = useState<Hot | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(appealEndpoints.getAppealsHotTopics, { query: { weeks: weeks } }).then(setHot, (e: Error) => setError(e.message));
  }, [weeks]);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!hot) return <Spin />;
  const card = (title: string, node: React.ReactNode, span = 12) => (
    <Col xs={24} lg={span}>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>{node}</Card>
    </Col>
  );
  return (
    <>
      <PageFrame title={t("hot.title")} />
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="hot-weeks">{t("hot.weeks")}</label>
        <InputNumber id="hot-weeks" min={1} max={52} value={weeks} onChange={(v) => v && setWeeks(v)} />
        <span role="status">{t("hot.scope", { scope: hot.scope, total: hot.total })}</span>
      </Space>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {card(t("hot.byWeek"), <Chart title={t("hot.byWeek")} kind="line" data={hot.byWeek.map((w) => ({ name: w.week.slice(5), value: w.count }))} />, 24)}
        {card(t("hot.byCategory"), <Chart title={t("hot.byCategory")} kind="bar" horizontal data={hot.byCategory.map((c) => ({ name: c.name, value: c.count }))} />)}
        {card(t("hot.byDistrict"), <Chart title={t("hot.byDistrict")} kind="bar" horizontal data={hot.byDistrict.slice(0, 12).map((c) => ({ name: c.name, value: c.count }))} />)}
        {card(t("hot.byType"), <Chart title={t("hot.byType")} kind="bar" data={hot.byType.map((c) => ({ name: c.name, value: c.count }))} />)}
        {card(
          t("hot.rising"),
          <Table
            rowKey="categoryCode"
            size="small"
            pagination={false}
            dataSource={hot.rising}
            locale={{ emptyText: t("hot.none") }}
            columns={[
              { title: t("ticket.category"), dataIndex: "name" },
              { title: t("hot.thisWeek"), dataIndex: "thisWeek", align: "right" },
              { title: t("hot.before"), dataIndex: "weeklyBefore", align: "right" },
            ]}
          />,
        )}
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("hot.repeated")}</h2>}>
        <Table
          rowKey={(r) => `${r.categoryCode}:${r.placeCode}:${r.itemName}`}
          size="small"
          pagination={false}
          dataSource={hot.repeated}
          locale={{ emptyText: t("hot.none") }}
          columns={[
            { title: t("ticket.category"), dataIndex: "name" },
            { title: t("hot.place"), dataIndex: "placeName", render: (p: string | null, r) => p ?? r.itemName ?? "—" },
            { title: t("hot.count"), dataIndex: "count", align: "right" },
            { title: t("hot.last"), dataIndex: "lastAt", render: (d: string) => chinaDate(d) },
          ]}
        />
      </Card>
    </>
  );
}
