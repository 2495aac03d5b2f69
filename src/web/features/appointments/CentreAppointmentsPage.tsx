import { App, Button, Card, DatePicker, Form, InputNumber, Select, Space, Table, Tag } from "antd";
import type { ItemOf } from "../../../shared/api/endpoint";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { InviteRating } from "../ratings/RateService";
import { call } from "../../api";
import { appointmentEndpoints } from "../../../shared/api/appointment";
import { APPT_STATUS, type Appointment } from "./AppointmentsPage";
import { chinaToday } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";

/** 预约管理 for a centre's clerks: the day's appointments with check-in, and publishing slots. */
export function CentreAppointmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [centres, setCentres] = useState<Array<ItemOf<typeof appointmentEndpoints.getAppointmentCentresManaged>> | null>(null);
  const [centre, setCentre] = useState<string | undefined>();
  const [day, setDay] = useState<Dayjs>(dayjs(chinaToday()));
  const [rows, setRows] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(appointmentEndpoints.getAppointmentCentresManaged, {  }).then(
      (r) => {
        setCentres(r.items);
        setCentre(r.items[0]?.id);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  const load = useCallback(() => {
    if (!centre) return;
    setRows(null);
    call(appointmentEndpoints.getAppointmentCentresByCentreIdAppointments, { params: { centreId: centre }, query: { day: day.format("YYYY-MM-DD") } }).then((r) => setRows(r.items), (e: Error) => setError(e.message));
  }, [centre, day]);
  useEffect(load, [load]);

  async function checkIn(a: Appointment) {
    try {
      await call(appointmentEndpoints.postAppointmentsByIdCheckIn, { params: { id: a.id } });
      message.success(t("appt.checkedIn", { name: a.personName }));
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function publish(v: { range: [Dayjs, Dayjs]; start: string; end: string; capacity: number }) {
    try {
      const r = await call(appointmentEndpoints.postAppointmentCentresByCentreIdSlots, { params: { centreId: centre! }, body: {
        from: v.range[0].format("YYYY-MM-DD"),
        to: v.range[1].format("YYYY-MM-DD"),
        times: [{ start: v.start, end: v.end, capacity: v.capacity }],
      } });
      message.success(t("appt.published", r));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const hours = Array.from({ length: 22 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`).map((h) => ({ value: h, label: h }));
  return (
    <>
      <PageFrame title={t("appt.centreTitle")} error={error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t("appt.centre")} style={{ width: 280 }} value={centre} onChange={setCentre} options={(centres ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        <DatePicker aria-label={t("appt.day")} value={day} allowClear={false} onChange={(d) => d && setDay(d)} />
      </Space>
      <Table<Appointment>
        rowKey="id"
        loading={!rows && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t("appt.noneToday") }}
        columns={[
          { title: t("appt.time"), render: (_, a) => `${a.start}–${a.end}` },
          { title: t("appt.code"), dataIndex: "code" },
          { title: t("inbox.applicant"), dataIndex: "personName" },
          { title: t("apps.item"), dataIndex: "itemName" },
          { title: t("apps.state"), render: (_, a) => <Tag color={APPT_STATUS[a.status]}>{t(`appt.status_${a.status}`)}</Tag> },
          {
            title: t("staff.actions"),
            render: (_, a) =>
              a.status === "booked" ? (
                <Button size="small" type="primary" onClick={() => void checkIn(a)}>
                  {t("appt.checkIn")}
                </Button>
              ) : a.status === "checked_in" ? (
                <InviteRating eventKind="appointment" eventId={a.id} />
              ) : null,
          },
        ]}
      />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appt.publish")}</h2>} style={{ marginTop: 16 }}>
        <Form layout="inline" onFinish={publish} initialValues={{ start: "09:00", end: "10:00", capacity: 5 }}>
          <Form.Item name="range" label={t("appt.range")} rules={[{ required: true, message: t("appt.range") }]}>
            <DatePicker.RangePicker disabledDate={(d) => d.isBefore(dayjs(chinaToday()), "day")} />
          </Form.Item>
          <Form.Item name="start" label={t("appt.start")}>
            <Select style={{ width: 100 }} options={hours} />
          </Form.Item>
          <Form.Item name="end" label={t("appt.end")}>
            <Select style={{ width: 100 }} options={hours} />
          </Form.Item>
          <Form.Item name="capacity" label={t("appt.capacity")}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!centre}>
            {t("appt.publish")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
