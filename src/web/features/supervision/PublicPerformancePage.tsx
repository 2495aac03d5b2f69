import { Alert, Card, Select, Spin, Table } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { performanceEndpoints } from "../../../shared/api/performance";
import { chinaDateTime, chinaToday } from "../../../shared/china-time";
import type { PublicPerformanceView } from "../../../shared/schemas/performance";
import { call, errorMessage } from "../../api";
import { PageFrame } from "../../components/PageFrame";
import { pct } from "./figures";
import { Scrollable } from "../../components/Scrollable";

const days = (v: number | null) => (v === null ? "—" : String(v));

/** 政务公开: a month's figures per department and per service, for anyone, with the same figures to download. */
export function PublicPerformancePage() {
  const { t } = useTranslation();
  const thisMonth = chinaToday().slice(0, 7);
  const months = Array.from({ length: 12 }, (_, i) => dayjs(`${thisMonth}-01`).subtract(i, "month").format("YYYY-MM"));
  const [month, setMonth] = useState(thisMonth);
  const [view, setView] = useState<PublicPerformanceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setView(null);
    call(performanceEndpoints.getPublicPerformance, { query: { month } }).then(setView, (e: unknown) => setError(errorMessage(e)));
  }, [month]);
  const common = [
    { title: t("perf.received"), dataIndex: "received", align: "right" as const },
    { title: t("perf.decided"), dataIndex: "decided", align: "right" as const },
    { title: t("perf.onTime"), dataIndex: "onTimeRate", align: "right" as const, render: pct },
    { title: t("perf.pubDays"), dataIndex: "averageDays", align: "right" as const, render: days },
    { title: t("perf.limit"), dataIndex: "averageLimitDays", align: "right" as const, render: days },
    { title: t("perf.satisfaction"), dataIndex: "satisfaction", align: "right" as const, render: pct },
  ];
  return (
    <PageFrame
      title={t("perf.publicTitle")}
      intro={t("perf.publicIntro")}
      error={error}
      toolbar={
        <>
          <Select aria-label={t("perf.month")} value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: t("perf.monthLabel", { y: m.slice(0, 4), m: Number(m.slice(5)) }) }))} style={{ width: 160 }} />
          <a href={`/api/v1/public/performance/download?month=${month}&format=csv`} download>
            {t("perf.downloadCsv")}
          </a>
          <a href={`/api/v1/public/performance/download?month=${month}&format=json`} download>
            {t("perf.downloadJson")}
          </a>
        </>
      }
    >
      {!view ? (
        !error && <Spin />
      ) : (
        <>
          {view.refreshedAt && <p style={{ color: "#595959" }}>{t("perf.refreshed", { at: chinaDateTime(view.refreshedAt) })}</p>}
          {view.departments.length === 0 && <Alert type="info" showIcon message={t("perf.none")} style={{ marginBottom: 16 }} />}
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.departments")}</h2>} style={{ marginBottom: 16 }}>
            <Scrollable label={t("perf.departments")}>
            <Table
              rowKey="orgName"
              size="small"
              // Wide enough to read on a phone: the region around it scrolls sideways.
              style={{ minWidth: 900 }}
              pagination={{ pageSize: 30, hideOnSinglePage: true }}
              dataSource={view.departments}
              locale={{ emptyText: t("perf.none") }}
              columns={[
                { title: t("perf.department"), dataIndex: "orgName" },
                ...common,
                { title: t("perf.hotlineDispatched"), dataIndex: "hotlineDispatched", align: "right" as const },
                { title: t("perf.hotlineReply"), dataIndex: "hotlineReplyOnTimeRate", align: "right" as const, render: pct },
                { title: t("perf.hotlineSatisfaction"), dataIndex: "hotlineSatisfaction", align: "right" as const, render: pct },
              ]}
            />
            </Scrollable>
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("perf.publicItems")}</h2>}>
            <Scrollable label={t("perf.publicItems")}>
            <Table rowKey={(i) => `${i.orgName}|${i.itemName}`} size="small" style={{ minWidth: 720 }} pagination={{ pageSize: 30, hideOnSinglePage: true }} dataSource={view.items} locale={{ emptyText: t("perf.none") }} columns={[{ title: t("perf.item"), dataIndex: "itemName" }, { title: t("perf.department"), dataIndex: "orgName" }, ...common]} />
            </Scrollable>
          </Card>
        </>
      )}
    </PageFrame>
  );
}
