import { Alert, Card, Col, Row, Spin, Statistic, Table } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { PROMISE_TEMPLATE } from "../../../shared/workflow-definition";
import type { traceView } from "../../../shared/schemas/ratings";
import { call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { Chart } from "../../components/Chart";
import { PageFrame } from "../../components/PageFrame";

type Trace = z.infer<typeof traceView>;
const STATE_NAMES = new Map(PROMISE_TEMPLATE.states.map((s) => [s.key, s.name]));

/** 服务溯源: where a department's 差评 come from, and where its applications wait longest. */
export function TracePage() {
  const { t } = useTranslation();
  const [trace, setTrace] = useState<Trace | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(ratingEndpoints.getRatingsTrace, {  }).then(setTrace, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!trace) return <Spin />;
  const chart = (title: string, rows: Array<{ name: string; count: number }>) => (
    <Col xs={24} lg={12}>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
        {rows.length ? <Chart title={title} kind="bar" horizontal data={rows.map((r) => ({ name: r.name, value: r.count }))} /> : t("trace.empty")}
      </Card>
    </Col>
  );
  return (
    <>
      <PageFrame title={t("trace.title")} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={8}><Card><Statistic title={t("trace.total")} value={trace.total} /></Card></Col>
        <Col xs={8}><Card><Statistic title={t("trace.bad")} value={trace.bad} /></Card></Col>
        <Col xs={8}><Card><Statistic title={t("trace.satisfaction")} value={trace.satisfactionRate === null ? "—" : `${trace.satisfactionRate}%`} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {chart(t("trace.bySteps"), trace.badBySteps)}
        {chart(t("trace.byTags"), trace.badByTags)}
        {chart(t("trace.byStaff"), trace.badByStaff.map((s) => ({ name: `${s.name}（${s.orgName}）`, count: s.count })))}
        {chart(t("trace.byItems"), trace.badByItems)}
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("trace.waits")}</h2>}>
        <Table
          rowKey="state"
          size="small"
          pagination={false}
          dataSource={trace.longestWaits}
          locale={{ emptyText: t("trace.empty") }}
          columns={[
            { title: t("trace.state"), dataIndex: "state", render: (s: string) => STATE_NAMES.get(s) ?? s },
            { title: t("trace.meanHours"), dataIndex: "meanHours", align: "right" },
            { title: t("trace.maxHours"), dataIndex: "maxHours", align: "right" },
            { title: t("trace.transitions"), dataIndex: "transitions", align: "right" },
          ]}
        />
      </Card>
    </>
  );
}
