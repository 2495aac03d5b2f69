import { DivisionPicker } from "../../components/DivisionPicker";
import { Button, Empty, Select, Space, Spin, Typography } from "antd";
import type { ItemOf } from "../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../api";
import { appointmentEndpoints } from "../../../shared/api/appointment";
import { chinaDate } from "../../../shared/china-time";

export type Slot = ItemOf<typeof appointmentEndpoints.getAppointmentCentresByCentreIdSlots>;

const WEEKDAY = ["日", "一", "二", "三", "四", "五", "六"];

function isoDay(offset: number) {
  return chinaDate(Date.now() + offset * 86_400_000);
}

type Centre = ItemOf<typeof appointmentEndpoints.getAppointmentCentres>;

/**
 * The centres for where the citizen is (the same district/street picker as addresses): the chosen
 * street's centre first, then the district's other centres, then the city's; all of them when nothing is chosen.
 */
function nearby(centres: Centre[], near: string | undefined): Centre[] {
  if (!near) return centres;
  const rank = (c: Centre) => (c.divisionCode === near ? 0 : c.divisionCode?.startsWith(near.slice(0, 6)) ? (c.divisionCode.length === 6 ? 1 : 2) : c.divisionCode === "310000" ? 3 : 9);
  return centres.filter((c) => rank(c) < 9).sort((a, b) => rank(a) - rank(b));
}

/** Choose a service centre (nearby, by district and street) and one of its free slots in the next three weeks. */
export function SlotPicker({ onPick, busy }: { onPick: (slot: Slot, centreName: string) => void; busy?: boolean }) {
  const { t } = useTranslation();
  const [centres, setCentres] = useState<Array<ItemOf<typeof appointmentEndpoints.getAppointmentCentres>>>([]);
  const [centre, setCentre] = useState<string | undefined>();
  const [near, setNear] = useState<string | undefined>();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  useEffect(() => {
    call(appointmentEndpoints.getAppointmentCentres, {  }).then((r) => setCentres(r.items), () => setCentres([]));
  }, []);
  useEffect(() => {
    if (!centre) return;
    setSlots(null);
    call(appointmentEndpoints.getAppointmentCentresByCentreIdSlots, { params: { centreId: centre }, query: { from: isoDay(0), to: isoDay(21) } }).then((r) => setSlots(r.items), () => setSlots([]));
  }, [centre]);
  const days = [...new Set((slots ?? []).filter((s) => !s.past).map((s) => s.day))];
  const centreName = centres.find((c) => c.id === centre)?.name ?? "";
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <div style={{ width: 320 }}>
          <DivisionPicker aria-label={t("appt.near")} value={near} onChange={(v) => { setNear(v); setCentre(undefined); setSlots(null); }} />
        </div>
        <Select aria-label={t("appt.centre")} placeholder={t("appt.centre")} style={{ width: 320 }} showSearch optionFilterProp="label" value={centre} onChange={setCentre} options={nearby(centres, near).map((c) => ({ value: c.id, label: c.name }))} />
      </Space>
      {centre && !slots && <Spin />}
      {slots && days.length === 0 && <Empty description={t("appt.noSlots")} />}
      {days.map((day) => {
        const d = new Date(`${day}T00:00:00Z`);
        return (
          <div key={day}>
            <Typography.Text strong>
              {d.getUTCMonth() + 1}月{d.getUTCDate()}日 星期{WEEKDAY[d.getUTCDay()]}
            </Typography.Text>
            <Space wrap style={{ marginLeft: 12 }}>
              {slots!
                .filter((s) => s.day === day && !s.past)
                .map((s) => (
                  <Button key={s.id} disabled={s.left === 0 || busy} onClick={() => onPick(s, centreName)}>
                    {s.start}–{s.end}（{s.left === 0 ? t("appt.full") : t("appt.left", { n: s.left })}）
                  </Button>
                ))}
            </Space>
          </div>
        );
      })}
    </Space>
  );
}
