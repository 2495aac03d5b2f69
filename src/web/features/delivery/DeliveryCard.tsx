import { Alert, App, Button, Card, Descriptions, Form, Radio, Space, Tag, Timeline } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { deliveryEndpoints } from "../../../shared/api/delivery";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { chinaDateTime } from "../../../shared/china-time";
import { formatYuan } from "../../../shared/fees";
import { call, errorMessage } from "../../api";
import { AddressPicker } from "../../components/AddressPicker";

type Panel = ResponseOf<typeof deliveryEndpoints.getApplicationsByIdDelivery>;
type Method = Panel["offers"][number]["method"];

/**
 * 领取方式 on the application: the applicant chooses (until the result is issued) electronic only, the
 * service centre with a pick-up code, or post to an address from the registry; afterwards the card
 * follows the parcel, or shows where and how to collect. Originals can be sent in by a courier (上门取件).
 */
export function DeliveryCard({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [method, setMethod] = useState<Method | null>(null);
  const [address, setAddress] = useState<string | undefined>(undefined);
  const [pickupAddress, setPickupAddress] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    call(deliveryEndpoints.getApplicationsByIdDelivery, { params: { id: applicationId } }).then(
      (p) => {
        setPanel(p);
        setMethod((m) => m ?? p.items.find((d) => d.direction === "outbound")?.method ?? null);
      },
      () => setPanel(null),
    );
  }, [applicationId]);
  useEffect(load, [load]);

  async function save() {
    if (!method) return;
    try {
      setPanel(await call(deliveryEndpoints.putApplicationsByIdDelivery, { params: { id: applicationId }, body: { method, ...(method === "post" && address ? { address } : {}) } }));
      message.success(t("delivery.saved"));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  async function requestPickup() {
    if (!pickupAddress) return;
    try {
      setPanel(await call(deliveryEndpoints.postApplicationsByIdMaterialPickups, { params: { id: applicationId }, body: { address: pickupAddress } }));
      message.success(t("delivery.pickupBooked"));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  // Nothing to choose and nothing on its way: no card.
  if (!panel || (panel.items.length === 0 && (panel.offers.length < 2 || !panel.canChoose) && !panel.canRequestPickup)) return null;
  const outbound = panel.items.find((d) => d.direction === "outbound");
  const inbound = panel.items.find((d) => d.direction === "inbound");
  const show = (d: Panel["items"][number]) => (
    <div key={d.id} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t("delivery.status")}>
          <Tag color={d.status === "ready" ? "error" : d.status === "delivered" || d.status === "handed_over" ? "success" : "processing"}>{t(`delivery.status_${d.status}`, { defaultValue: d.statusName })}</Tag> {t(`delivery.method_${d.method}`)}
        </Descriptions.Item>
        {d.address && <Descriptions.Item label={t("delivery.address")}>{d.address}</Descriptions.Item>}
        {d.waybillNo && <Descriptions.Item label={t("delivery.waybill")}>{d.waybillNo}</Descriptions.Item>}
        {d.pickupOrgName && <Descriptions.Item label={t("delivery.pickupAt")}>{d.pickupOrgName}</Descriptions.Item>}
        {d.pickupHours && <Descriptions.Item label={t("delivery.hours")}>{d.pickupHours}</Descriptions.Item>}
        {d.collector && <Descriptions.Item label={t("delivery.collector")}>{d.collector}{d.handedOverAt ? `（${chinaDateTime(d.handedOverAt)}）` : ""}</Descriptions.Item>}
      </Descriptions>
      {d.pickupCode && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: "8px 0" }}
          message={
            <>
              {t("delivery.pickupCode")}：<strong style={{ fontSize: 20, letterSpacing: 4, fontFamily: "monospace" }}>{d.pickupCode}</strong>
            </>
          }
          description={t("delivery.pickupCodeHint")}
        />
      )}
      {d.events.length > 1 && (
        <details open={d.method === "post"}>
          <summary>{t("delivery.track")}</summary>
          <Timeline style={{ marginTop: 8 }} items={[...d.events].reverse().map((e) => ({ children: <><strong>{chinaDateTime(e.at)}</strong> {t(`delivery.status_${e.status}`, { defaultValue: e.statusName })}：{e.note}</> }))} />
        </details>
      )}
    </div>
  );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("delivery.title")}</h2>} style={{ marginBottom: 16 }}>
      {outbound && !panel.canChoose && show(outbound)}
      {panel.canChoose && (
        <Form layout="vertical" onFinish={() => void save()}>
          <Form.Item label={t("delivery.method")} required>
            <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as Method)} aria-label={t("delivery.method")}>
              <Space direction="vertical">
                {panel.offers.map((o) => (
                  <Radio key={o.method} value={o.method}>
                    {t(`delivery.method_${o.method}`)}
                    {o.method === "post" ? `（${panel.postageFen ? t("delivery.postage", { amount: formatYuan(panel.postageFen) }) : t("delivery.postageFree")}）` : ""}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {method === "post" && (
            <Form.Item label={t("delivery.address")} htmlFor="delivery-address" extra={outbound?.address ? `${t("delivery.address")}：${outbound.address}` : t("delivery.addressHint")}>
              <AddressPicker id="delivery-address" value={address} onChange={setAddress} aria-label={t("delivery.address")} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" disabled={!method || (method === "post" && !address && outbound?.method !== "post")}>
            {t("delivery.save")}
          </Button>
          {outbound && <div style={{ marginTop: 12 }}>{show(outbound)}</div>}
        </Form>
      )}
      {inbound && (
        <>
          <h3 style={{ fontSize: 15 }}>{t("delivery.inbound")}</h3>
          {show(inbound)}
        </>
      )}
      {panel.canRequestPickup && (
        <Form layout="vertical" onFinish={() => void requestPickup()} style={{ marginTop: 12 }}>
          <p>{t("delivery.pickupIntro")}</p>
          <Form.Item label={t("delivery.pickupAddress")} htmlFor="pickup-address">
            <AddressPicker id="pickup-address" value={pickupAddress} onChange={setPickupAddress} aria-label={t("delivery.pickupAddress")} />
          </Form.Item>
          <Button htmlType="submit" disabled={!pickupAddress}>{t("delivery.requestPickup")}</Button>
        </Form>
      )}
    </Card>
  );
}
