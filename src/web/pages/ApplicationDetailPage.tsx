import { Alert, App, Button, Card, Descriptions, Input, Modal, Select, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ItemDetail } from "../../shared/schemas/catalogue";
import { api, ApiError } from "../api";
import { FormRenderer } from "../components/FormRenderer";
import { useSession } from "../session";

interface Detail {
  id: string;
  number: string;
  stateName: string;
  outcome: string | null;
  submittedAt: string;
  committedDeadline: string | null;
  legalDeadline: string | null;
  deadlineBeyondCalendar: boolean;
  light: "green" | "yellow" | "red" | null;
  formData: Record<string, unknown>;
  lockVersion: number;
  actions: Array<{ key: string; name: string; reasonRequired: boolean; supplement: boolean }>;
  timeline: Array<{ action: string; actionName: string; to: string; actorName: string; opinion: string | null; details: { supplementItems?: string[] }; at: string }>;
  itemId?: string;
}

const LIGHT = { green: "success", yellow: "warning", red: "error" } as const;

/** One application for its applicant or the handling staff: deadlines, timeline, the form, and the actions open to the viewer. */
export function ApplicationDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const [app, setApp] = useState<Detail | null>(null);
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState<Detail["actions"][number] | null>(null);
  const [opinion, setOpinion] = useState("");
  const [items, setItems] = useState<string[]>([]);

  const load = useCallback(() => {
    api<Detail & { itemId: string }>("GET", `/applications/${id}`)
      .then(async (a) => {
        setApp(a);
        setItem(await api<ItemDetail>("GET", `/catalogue/items/${a.itemId}`).catch(() => null));
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  async function act(action: string, extra: Record<string, unknown> = {}) {
    try {
      await api("POST", `/applications/${id}/actions`, { action, lockVersion: app!.lockVersion, ...(opinion.trim() ? { opinion: opinion.trim() } : {}), ...extra });
      message.success(t("appd.done"));
      setActing(null);
      setOpinion("");
      setItems([]);
      load();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
      if (err instanceof ApiError && err.code === "APPLICATION_CHANGED") load();
    }
  }

  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!app) return <Spin tip={t("common.loading")} />;
  const resubmit = app.actions.find((a) => a.key === "resubmit");
  const others = app.actions.filter((a) => a.key !== "resubmit");
  const lastSupplement = [...app.timeline].reverse().find((e) => e.details.supplementItems);
  const fieldOptions = (item?.content.form.fields ?? []).map((f) => ({ value: f.key, label: f.label }));
  const materialOptions = (item?.content.guide.materials ?? []).map((m) => ({ value: m.key, label: m.name }));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {item?.content.name ?? t("appd.title")} · {app.number}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("apps.state")}>{app.stateName}</Descriptions.Item>
        <Descriptions.Item label={t("apps.submittedAt")}>{app.submittedAt.slice(0, 10)}</Descriptions.Item>
        <Descriptions.Item label={t("guide.committedLimit")}>
          {app.committedDeadline ?? (app.deadlineBeyondCalendar ? t("appd.beyondCalendar") : "—")} {app.light && <Tag color={LIGHT[app.light]}>{t(`apps.light_${app.light}`)}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t("guide.legalLimit")}>{app.legalDeadline ?? "—"}</Descriptions.Item>
      </Descriptions>

      {lastSupplement && resubmit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("appd.supplementAsked")}
          description={
            <>
              <p>{lastSupplement.opinion}</p>
              <p>{t("appd.supplementItems")}：{(lastSupplement.details.supplementItems ?? []).map((k) => fieldOptions.find((o) => o.value === k)?.label ?? materialOptions.find((o) => o.value === k)?.label ?? k).join("、")}</p>
            </>
          }
        />
      )}

      {others.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {others.map((a) => (
            <Button key={a.key} type={a.key === "withdraw" ? "default" : "primary"} danger={a.reasonRequired && !a.supplement} onClick={() => setActing(a)}>
              {a.name}
            </Button>
          ))}
        </Space>
      )}

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appd.timeline")}</h2>} style={{ marginBottom: 16 }}>
        <Timeline items={app.timeline.map((e) => ({ children: <><strong>{e.at.slice(0, 16).replace("T", " ")}</strong> {e.actorName}：{e.actionName}{e.opinion ? `（${e.opinion}）` : ""}</> }))} />
      </Card>

      {item && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appd.form")}</h2>}>
          <FormRenderer
            key={app.lockVersion}
            fields={item.content.form.fields}
            initialValues={app.formData}
            disabled={!resubmit || me?.kind !== "citizen"}
            onSubmit={resubmit ? (formData) => act("resubmit", { formData }) : undefined}
            submitText={resubmit?.name}
          />
        </Card>
      )}

      <Modal open={acting !== null} title={acting?.name} okText={acting?.name} cancelText={t("staff.cancel")} onCancel={() => setActing(null)} onOk={() => acting && act(acting.key, acting.supplement ? { supplementItems: items } : {})}>
        {acting?.supplement && (
          <>
            <label htmlFor="supplement-items">{t("appd.supplementItems")}</label>
            <Select id="supplement-items" mode="multiple" showSearch optionFilterProp="label" style={{ width: "100%", marginBottom: 12 }} value={items} onChange={setItems} options={[...fieldOptions, ...materialOptions]} />
          </>
        )}
        <label htmlFor="opinion">{acting?.reasonRequired ? t("appd.reasonRequired") : t("appd.opinion")}</label>
        <Input.TextArea id="opinion" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} maxLength={1000} />
      </Modal>
    </>
  );
}
