import { App, Button, Card, DatePicker, Empty, Input, InputNumber, Space, Table, Tag, Typography } from "antd";
import type { ItemOf } from "../../../../shared/api/endpoint";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, call } from "../../../api";
import { calendarEndpoints } from "../../../../shared/api/calendar";
import { useSession } from "../../../session";
import { PageFrame } from "../../../components/PageFrame";

type Year = ItemOf<typeof calendarEndpoints.getCalendarYears>;

/** 工作日历: every configured year; city administrators add later years and correct them. */
export function CalendarAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const [years, setYears] = useState<Year[] | null>(null);
  const [editing, setEditing] = useState<Year | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const canEdit = me?.roles.includes("sys_admin") && me.org?.kind === "city";
  const load = useCallback(() => {
    call(calendarEndpoints.getCalendarYears, {  }).then((r) => setYears(r.items), () => setYears([]));
  }, []);
  useEffect(load, [load]);

  async function save(y: Year) {
    try {
      await call(calendarEndpoints.putCalendarYearsByYear, { params: { year: y.year }, body: { holidays: y.holidays.filter((h) => h.date), workdays: y.workdays.filter(Boolean), lockVersion: y.lockVersion } });
      message.success(t("cal.saved", { year: y.year }));
      setEditing(null);
      load();
    } catch (err) {
      const problems = err instanceof ApiError ? (err.details as { problems?: string[] } | undefined)?.problems : undefined;
      message.error(err instanceof ApiError ? `${err.message}${problems ? `：${problems.join("；")}` : ""}` : String(err));
    }
  }

  return (
    <>
      <PageFrame title={t("cal.title")} />
      {canEdit && (
        <Space style={{ marginBottom: 16 }}>
          <InputNumber aria-label={t("cal.year")} min={2025} max={2100} value={newYear ?? undefined} onChange={(v) => setNewYear(v)} />
          <Button disabled={!newYear || years?.some((y) => y.year === newYear)} onClick={() => newYear && setEditing({ year: newYear, source: "configured", lockVersion: null, updatedBy: null, holidays: [], workdays: [] })}>
            {t("cal.add")}
          </Button>
        </Space>
      )}
      {editing && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{editing.year}</h2>} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>{t("cal.holidays")}</Typography.Title>
          {editing.holidays.map((h, i) => (
            <Space key={i} style={{ marginBottom: 4 }}>
              <DatePicker aria-label={t("cal.date")} value={h.date ? dayjs(h.date) : null} onChange={(d) => setEditing({ ...editing, holidays: editing.holidays.map((x, j) => (j === i ? { ...x, date: d ? d.format("YYYY-MM-DD") : "" } : x)) })} />
              <Input aria-label={t("cal.festival")} value={h.name} maxLength={20} onChange={(e) => setEditing({ ...editing, holidays: editing.holidays.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
              <Button size="small" onClick={() => setEditing({ ...editing, holidays: editing.holidays.filter((_x, j) => j !== i) })}>{t("form.removeRow")}</Button>
            </Space>
          ))}
          <div>
            <Button size="small" onClick={() => setEditing({ ...editing, holidays: [...editing.holidays, { date: "", name: "" }] })}>{t("cal.addHoliday")}</Button>
          </div>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>{t("cal.workdays")}</Typography.Title>
          {editing.workdays.map((d, i) => (
            <Space key={i} style={{ marginBottom: 4 }}>
              <DatePicker aria-label={t("cal.date")} value={d ? dayjs(d) : null} onChange={(v) => setEditing({ ...editing, workdays: editing.workdays.map((x, j) => (j === i ? (v ? v.format("YYYY-MM-DD") : "") : x)) })} />
              <Button size="small" onClick={() => setEditing({ ...editing, workdays: editing.workdays.filter((_x, j) => j !== i) })}>{t("form.removeRow")}</Button>
            </Space>
          ))}
          <div>
            <Button size="small" onClick={() => setEditing({ ...editing, workdays: [...editing.workdays, ""] })}>{t("cal.addWorkday")}</Button>
          </div>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => void save(editing)}>{t("cal.save")}</Button>
            <Button onClick={() => setEditing(null)}>{t("staff.cancel")}</Button>
          </Space>
        </Card>
      )}
      {years && years.length === 0 && <Empty />}
      <Table<Year>
        rowKey="year"
        loading={!years}
        dataSource={years ?? []}
        pagination={false}
        columns={[
          { title: t("cal.year"), dataIndex: "year" },
          { title: "", render: (_, y) => <Tag>{t(`cal.source_${y.source}`)}</Tag> },
          { title: t("cal.holidays"), render: (_, y) => [...new Set(y.holidays.map((h) => h.name))].map((n) => `${n}（${y.holidays.filter((h) => h.name === n).length} 天）`).join("、") },
          { title: t("cal.workdays"), render: (_, y) => y.workdays.join("、") || "—" },
          { title: "", render: (_, y) => (canEdit ? <Button size="small" onClick={() => setEditing(y)}>{t("staff.edit")}</Button> : null) },
        ]}
      />
    </>
  );
}
