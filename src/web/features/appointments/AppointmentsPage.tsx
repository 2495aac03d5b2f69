import { Alert, App, Button, Card, Modal, Space, Tag } from "antd";
import type { ItemOf } from "../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError, call } from "../../api";
import { appointmentEndpoints } from "../../../shared/api/appointment";
import { SlotPicker, type Slot } from "./SlotPicker";
import { PageFrame, errorMessage } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

export type Appointment = ItemOf<typeof appointmentEndpoints.getAppointments>;

export const APPT_STATUS = { booked: "processing", cancelled: "default", checked_in: "success" } as const;

/** 我的预约: book a window visit for an item (from its guide), and see, move or cancel one's appointments. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [params] = useSearchParams();
  const itemId = params.get("itemId");
  const itemName = params.get("itemName");
  const [mine, setMine] = useState<Appointment[] | null>(null);
  const [moving, setMoving] = useState<Appointment | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    call(appointmentEndpoints.getAppointments, {  }).then((r) => setMine(r.items), () => setMine([]));
  }, []);
  useEffect(load, [load]);

  async function run(work: () => Promise<Appointment>, done: string) {
    setBusy(true);
    try {
      const a = await work();
      modal.success({ title: done, content: t("appt.confirmation", { code: a.code, centre: a.centreName, day: a.day, start: a.start, end: a.end }) });
      setMoving(null);
      load();
    } catch (err) {
      message.error(errorMessage(err));
      if (err instanceof ApiError && err.code === "APPOINTMENT_CHANGED") load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageFrame title={t("appt.title")} />
      {itemId && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appt.bookFor", { item: itemName ?? "" })}</h2>} style={{ marginBottom: 16 }}>
          <SlotPicker busy={busy} onPick={(slot: Slot) => void run(() => call(appointmentEndpoints.postAppointments, { body: { slotId: slot.id, itemId } }), t("appt.booked"))} />
        </Card>
      )}
      {!itemId && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("appt.howTo")} />}
      <ResponsiveTable<Appointment>
        rowKey="id"
        loading={!mine}
        dataSource={mine ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t("appt.none") }}
        columns={[
          { title: t("appt.code"), dataIndex: "code" },
          { title: t("apps.item"), dataIndex: "itemName" },
          { title: t("appt.centre"), dataIndex: "centreName" },
          { title: t("appt.time"), render: (_, a) => `${a.day} ${a.start}–${a.end}` },
          { title: t("apps.state"), render: (_, a) => <Tag color={APPT_STATUS[a.status]}>{t(`appt.status_${a.status}`)}</Tag> },
          {
            title: t("staff.actions"),
            render: (_, a) =>
              a.status === "booked" ? (
                <Space>
                  <Button size="small" onClick={() => setMoving(a)}>
                    {t("appt.reschedule")}
                  </Button>
                  <Button size="small" danger onClick={() => void run(() => call(appointmentEndpoints.postAppointmentsByIdCancel, { params: { id: a.id }, body: { lockVersion: a.lockVersion } }), t("appt.cancelled"))}>
                    {t("appt.cancel")}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal open={moving !== null} title={t("appt.reschedule")} footer={null} width={760} onCancel={() => setMoving(null)} destroyOnClose>
        {moving && <SlotPicker busy={busy} onPick={(slot) => void run(() => call(appointmentEndpoints.postAppointmentsByIdReschedule, { params: { id: moving.id }, body: { slotId: slot.id, lockVersion: moving.lockVersion } }), t("appt.moved"))} />}
      </Modal>
    </>
  );
}
