import { Alert, Button, Card, Col, DatePicker, Drawer, Row, Select, Space, Spin, Statistic, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { performanceEndpoints } from "../../../shared/api/performance";
import { chinaDateTime, chinaToday } from "../../../shared/china-time";
import type { PERFORMANCE_CASE_FIGURES, PerformanceFigures, PerformanceView } from "../../../shared/schemas/performance";
import type { ItemOf } from "../../../shared/api/endpoint";
import { call, errorMessage } from "../../api";
import { Chart } from "../../components/Chart";
import { PageFrame } from "../../components/PageFrame";
import { useSession } from "../../session";
import { pct } from "./figures";
import { SendOrderDialog, type OrderDraft } from "./OrdersPage";

type Figure = (typeof PERFORMANCE_CASE_FIGURES)[number];
type Filter = { from: string; to: string; orgId?: string; itemId?: string };
type Drill = { figure: Figure; orgId?: string; scope: string };


/**
 * 效能监督: a supervisor's (or an approver's) figures over their subtree for a period — received, decided,
 * on time, working days, 补正, online, 秒批, satisfaction — with the 电子监察 lights of what is overdue now,
 * weekly and monthly trends, per department and per item; every figure opens the cases behind it.
 */
export function PerformancePage() {
  const { t } = useTranslation();
  const today = chinaToday();
  const [filter, setFilter] = useState<Filter>({ from: dayjs(today).subtract(3, "month").format("YYYY-MM-DD"), to: today });
  const [view, setView] = useState<PerformanceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);

  useEffect(() => {
    setView(null);
    call(performanceEndpoints.getSupervisionPerformance, { query: filter }).then(setView, (e: unknown) => setError(errorMessage(e)));
  }, [filter]);

  const exportHref = `/api/v1/supervision/performance/export?${new URLSearchParams(filter as Record<string, string>).toString()}`;
  const scopeName = (orgId?: string) => (orgId ? (view?.departments.find((d) => d.orgId === orgId)?.orgName ?? "") : t("perf.casesAll"));
  const open = (figure: Figure, orgId?: string) => setDrill({ figure, ...(orgId ? { orgId } : filter.orgId ? { orgId: filter.orgId } : {}), scope: scopeName(orgId ?? filter.orgId) });

  const stat = (title: string, value: React.ReactNode, figure?: Figure, extra?: React.ReactNode, danger = false) => (
    <Col xs={12} md={8} lg={6} key={title}>
      <Card size="small">
        <Statistic title={title} value={value as string} valueStyle={danger ? { color: "#a8071a" } : undefined} />
        {extra && <div style={{ color: "#595959", fontSize: 13 }}>{extra}</div>}
        {figure && (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(figure)} aria-label={`${title}：${t("perf.viewCases")}`}>
            {t("perf.viewCases")}
          </Button>
        )}
      </Card>
    </Col>
  );

  const figureColumns = [
    { title: t("perf.received"), dataIndex: "received", align: "right" as const },
    { title: t("perf.decided"), dataIndex: "decided", align: "right" as const },
    { title: t("perf.onTime"), render: (_: unknown, r: PerformanceFigures) => pct(r.onTimeRate), align: "right" as const },
    { title: t("perf.days"), render: (_: unknown, r: PerformanceFigures) => (r.averageDays === null ? "—" : `${r.averageDays} / ${r.p90Days ?? "—"}`), align: "right" as const },
    { title: t("perf.supplement"), render: (_: unknown, r: PerformanceFigures) => pct(r.supplementRate), align: "right" as const },
    { title: t("perf.satisfaction"), render: (_: unknown, r: PerformanceFigures) => pct(r.satisfaction), align: "right" as const },
  ];

  return (
    <PageFrame
      title={t("perf.title")}
      intro={t("perf.intro")}
      error={error}
      toolbar={
        <>
          <span id="perf-range">{t("perf.range")}</span>
          <DatePicker.RangePicker
            aria-labelledby="perf-range"
            allowClear={false}
            value={[dayjs(filter.from), dayjs(filter.to)]}
            onChange={(v) => v?.[0] && v[1] && setFilter((f) => ({ ...f, from: v[0]!.format("YYYY-MM-DD"), to: v[1]!.format("YYYY-MM-DD") }))}
          />
          <Select
            aria-label={t("perf.department")}
            style={{ minWidth: 220 }}
            value={filter.orgId ?? ""}
            onChange={(orgId: string) => setFilter(({ orgId: _, ...f }) => (orgId ? { ...f, orgId } : f))}
            options={[{ value: "", label: t("perf.allDepartments") }, ...(view?.departments ?? []).map((d) => ({ value: d.orgId, label: d.orgName }))]}
            showSearch
            optionFilterProp="label"
          />
          <Select
            aria-label={t("perf.item")}
            style={{ minWidth: 220 }}
            value={filter.itemId ?? ""}
            onChange={(itemId: string) => setFilter(({ itemId: _, ...f }) => (itemId ? { ...f, itemId } : f))}
            options={[{ value: "", label: t("perf.allItems") }, ...(view?.items ?? []).map((i) => ({ value: i.itemId, label: `${i.itemName}（${i.orgName}）` }))]}
            showSearch
            optionFilterProp="label"
          />
          <a className="ant-btn" href={exportHref} download>
            {t("perf.export")}
          </a>
        </>
      }
    >
      {!view ? (
        !error && <Spin />
      ) : (
        <>
          <p style={{ color: "#595959" }} role="status">
            {view.refreshedAt ? t("perf.refreshed", { at: chinaDateTime(view.refreshedAt) }) : t("perf.notRefreshed")}
          </p>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {stat(t("perf.received"), view.total.received, "received", t("perf.online") + " " + pct(view.total.onlineShare))}
            {stat(t("perf.decided"), view.total.decided, "decided")}
            {stat(t("perf.onTime"), pct(view.total.onTimeRate), "late", `${t("perf.legal")} ${pct(view.total.legalRate)}`)}
            {stat(t("perf.days"), view.total.averageDays === null ? "—" : t("perf.workingDays", { n: view.total.averageDays }), undefined, view.total.p90Days === null ? undefined : t("perf.p90", { n: view.total.p90Days }))}
            {stat(t("perf.overdue"), view.total.overdue, "overdue", undefined, view.total.overdue > 0)}
            {stat(t("perf.dueSoon"), view.total.dueSoon, "due_soon")}
            {stat(t("perf.supplement"), pct(view.total.supplementRate), "supplemented", view.total.supplementRounds === null ? undefined : t("perf.supplementRounds", { n: view.total.supplementRounds }))}
            {stat(t("perf.auto"), pct(view.total.autoShare), "auto")}
            {stat(t("perf.satisfaction"), pct(view.total.satisfaction), undefined, t("perf.bad", { n: view.total.bad }))}
            {stat(t("perf.hotlineReply"), pct(view.total.hotline.replyOnTimeRate), undefined, t("perf.hotlineExtra", { n: view.total.hotline.dispatched, s: pct(view.total.hotline.satisfaction) }))}
          </Row>
          {view.total.received + view.total.decided === 0 ? (
            <Alert type="info" showIcon message={t("perf.none")} style={{ marginBottom: 16 }} />
          ) : (
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} lg={12}>
                <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.byWeek")}</h2>}>
                  <Chart title={t("perf.byWeek")} kind="bar" data={view.weeks.map((w) => ({ name: w.start.slice(5), value: w.decided }))} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.onTimeByWeek")}</h2>}>
                  <Chart title={t("perf.onTimeByWeek")} kind="line" data={view.weeks.filter((w) => w.onTimeRate !== null).map((w) => ({ name: w.start.slice(5), value: Math.round(w.onTimeRate! * 1000) / 10 }))} />
                </Card>
              </Col>
              {view.rectification.length > 0 && (
                <Col xs={24} lg={12}>
                  <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.rectifiedByMonth")}</h2>}>
                    <Chart title={t("perf.rectifiedByMonth")} kind="line" data={view.rectification.filter((r) => r.rate !== null).map((r) => ({ name: r.month, value: Math.round(r.rate! * 1000) / 10 }))} />
                  </Card>
                </Col>
              )}
            </Row>
          )}
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.departments")}</h2>} style={{ marginBottom: 16 }}>
            <Table
              rowKey="orgId"
              size="small"
              scroll={{ x: true }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={view.departments}
              locale={{ emptyText: t("perf.none") }}
              columns={[
                { title: t("perf.department"), dataIndex: "orgName" },
                ...figureColumns,
                {
                  title: t("perf.overdue"),
                  align: "right",
                  render: (_: unknown, d: PerformanceView["departments"][number]) =>
                    d.overdue ? (
                      <Button size="small" danger onClick={() => open("overdue", d.orgId)} aria-label={`${d.orgName}${t("perf.overdue")} ${d.overdue}：${t("perf.viewCases")}`}>
                        {d.overdue}
                      </Button>
                    ) : (
                      0
                    ),
                },
                { title: t("perf.dueSoon"), align: "right", render: (_: unknown, d: PerformanceView["departments"][number]) => (d.dueSoon ? <Tag color="gold">{d.dueSoon}</Tag> : 0) },
                { title: t("perf.hotlineSign"), align: "right", render: (_: unknown, d: PerformanceView["departments"][number]) => pct(d.hotline.signOnTimeRate) },
                { title: t("perf.hotlineReply"), align: "right", render: (_: unknown, d: PerformanceView["departments"][number]) => (d.hotline.replied ? pct(d.hotline.replyOnTimeRate) : "—") },
                { title: t("perf.hotlineSatisfaction"), align: "right", render: (_: unknown, d: PerformanceView["departments"][number]) => pct(d.hotline.satisfaction) },
                {
                  title: t("perf.viewCases"),
                  render: (_: unknown, d: PerformanceView["departments"][number]) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => open("late", d.orgId)} aria-label={`${d.orgName}：${t("perf.fig_late")}`}>
                        {t("perf.fig_late")}
                      </Button>
                      <Button type="link" size="small" onClick={() => open("supplemented", d.orgId)} aria-label={`${d.orgName}：${t("perf.fig_supplemented")}`}>
                        {t("perf.fig_supplemented")}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.items")}</h2>}>
            <Table
              rowKey="itemId"
              size="small"
              scroll={{ x: true }}
              pagination={false}
              dataSource={view.items.slice(0, 20)}
              locale={{ emptyText: t("perf.none") }}
              columns={[{ title: t("perf.item"), render: (_: unknown, i: PerformanceView["items"][number]) => `${i.itemName}（${i.orgName}）` }, { title: t("perf.limit"), dataIndex: "limitDays", align: "right" }, ...figureColumns]}
            />
          </Card>
        </>
      )}
      <CasesDrawer filter={filter} drill={drill} onClose={() => setDrill(null)} />
    </PageFrame>
  );
}

/** The cases behind a figure, a page at a time, each opening the case page. */
function CasesDrawer({ filter, drill, onClose }: { filter: Filter; drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [order, setOrder] = useState<OrderDraft | null>(null);
  const supervisor = useSession().me?.roles.includes("supervisor") ?? false;
  const [data, setData] = useState<{ total: number; items: Array<ItemOf<typeof performanceEndpoints.getSupervisionPerformanceCases>> } | null>(null);
  useEffect(() => setPage(1), [drill]);
  useEffect(() => {
    if (!drill) return setData(null);
    const { itemId, from, to } = filter;
    call(performanceEndpoints.getSupervisionPerformanceCases, { query: { from, to, ...(itemId ? { itemId } : {}), ...(drill.orgId ? { orgId: drill.orgId } : {}), figure: drill.figure, limit: 20, offset: (page - 1) * 20 } }).then(setData, () => setData({ total: 0, items: [] }));
  }, [drill, page, filter]);
  return (
    <Drawer
      open={!!drill}
      onClose={onClose}
      width={Math.min(960, window.innerWidth)}
      title={drill ? t("perf.cases", { figure: t(`perf.fig_${drill.figure}`), scope: drill.scope, n: data?.total ?? "…" }) : ""}
      extra={
        // A supervisor sends the department the cases of this page to put right (overdue ones, late ones).
        drill?.orgId && supervisor && ["overdue", "due_soon", "late"].includes(drill.figure) && data?.items.length ? (
          <Button
            danger
            onClick={() =>
              setOrder({ orgId: drill.orgId!, applicationIds: data.items.map((c) => c.id), subject: t(drill.figure === "late" ? "order.subjectLate" : "order.subjectOverdue", { org: drill.scope, n: data.total }), note: t("order.noteOverdue") })
            }
          >
            {t("order.send")}
          </Button>
        ) : null
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={!data}
        scroll={{ x: true }}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t("perf.number"), render: (_: unknown, c: ItemOf<typeof performanceEndpoints.getSupervisionPerformanceCases>) => <Link to={`/workbench/applications/${c.id}`}>{c.number}</Link> },
          { title: t("perf.item"), dataIndex: "itemName" },
          { title: t("perf.department"), dataIndex: "orgName" },
          { title: t("perf.applicant"), dataIndex: "applicant" },
          { title: t("perf.submittedOn"), dataIndex: "submittedOn" },
          { title: t("perf.deadline"), dataIndex: "committedDeadline", render: (d: string | null) => d ?? "—" },
          { title: t("perf.decidedAt"), render: (_: unknown, c: ItemOf<typeof performanceEndpoints.getSupervisionPerformanceCases>) => (c.decidedAt ? chinaDateTime(c.decidedAt) : <Tag>{t("perf.stateOpen")}</Tag>) },
          { title: t("perf.used"), align: "right", render: (_: unknown, c: ItemOf<typeof performanceEndpoints.getSupervisionPerformanceCases>) => `${c.workingDays ?? "—"} / ${c.limitDays ?? "—"}` },
        ]}
      />
      <SendOrderDialog draft={order} orgName={drill?.scope ?? ""} onClose={() => setOrder(null)} />
    </Drawer>
  );
}
