import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import { scorecardEndpoints } from "../../../shared/api/scorecard";
import { chinaToday } from "../../../shared/china-time";
import { SCORE_INDICATOR_KEYS, SCORE_INDICATORS, type ScorecardSettingsValue, type ScoreIndicator } from "../../../shared/scorecard";
import type { scorecardSettingsView, ScorecardView } from "../../../shared/schemas/scorecard";
import { call, errorMessage } from "../../api";
import { inLang } from "../../labels";
import { PageFrame } from "../../components/PageFrame";
import { pct } from "./figures";
import { SendOrderDialog, type OrderDraft } from "./OrdersPage";

type Department = ScorecardView["departments"][number];
type Indicator = Department["indicators"][number];
type SettingsView = z.infer<typeof scorecardSettingsView>;
type SettingRow = { key: ScoreIndicator; weight: number; full: number; zero: number };

/** The last twelve months, newest first (YYYY-MM, China time). */
function recentMonths(today: string, n = 12, ahead = 0): string[] {
  return Array.from({ length: n }, (_, i) => dayjs(today).startOf("month").add(ahead - i, "month").format("YYYY-MM"));
}

/**
 * 绩效考核: a month's departments ranked by score, each score's calculation per indicator, the
 * rectification list with a 督办 for each department, and the versioned settings (city supervisors change them).
 */
export function ScorecardPage() {
  const { t, i18n } = useTranslation();
  const today = chinaToday();
  const [month, setMonth] = useState(dayjs(today).subtract(1, "month").format("YYYY-MM"));
  const [view, setView] = useState<ScorecardView | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ draft: OrderDraft; orgName: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const monthLabel = (m: string) => t("perf.monthLabel", { y: m.slice(0, 4), m: Number(m.slice(5)) });
  const name = (key: ScoreIndicator) => inLang(i18n.language, SCORE_INDICATORS[key], key);

  useEffect(() => {
    setView(null);
    call(scorecardEndpoints.getSupervisionScorecards, { query: { month } }).then(setView, (e: unknown) => setError(errorMessage(e)));
  }, [month]);
  useEffect(() => {
    call(scorecardEndpoints.getSupervisionScorecardSettings, {}).then(setSettings, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const rectifyBelow = settings?.current.value.rectifyBelow ?? 0.6;
  const toRectify = (view?.departments ?? []).filter((d) => d.indicators.some((i) => i.toRectify));
  const order = (d: Department) =>
    setDraft({
      orgName: d.orgName,
      draft: {
        orgId: d.orgId,
        month,
        indicators: d.indicators.filter((i) => i.toRectify).map((i) => i.key),
        subject: t("order.subjectIndicators", { org: d.orgName, month: monthLabel(month), names: d.indicators.filter((i) => i.toRectify).map((i) => name(i.key)).join("、") }),
        note: t("order.noteIndicators"),
      },
    });

  return (
    <PageFrame
      title={t("score.title")}
      intro={t("score.intro")}
      error={error}
      toolbar={
        <>
          <span id="score-month">{t("score.month")}</span>
          <Select aria-labelledby="score-month" style={{ width: 160 }} value={month} onChange={setMonth} options={recentMonths(today).map((m) => ({ value: m, label: monthLabel(m) }))} />
          {view && <Tag>{view.settingsVersion ? t("score.version", { v: view.settingsVersion }) : t("score.versionDefault")}</Tag>}
        </>
      }
    >
      {!view ? (
        !error && <Spin />
      ) : (
        <>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("score.title")}</h2>} style={{ marginBottom: 16 }}>
            <Table
              rowKey="orgId"
              size="small"
              scroll={{ x: true }}
              pagination={false}
              dataSource={view.departments}
              locale={{ emptyText: t("score.noData") }}
              expandable={{ expandedRowRender: (d: Department) => <Calculation d={d} />, expandRowByClick: false }}
              columns={[
                { title: t("score.rank"), dataIndex: "rank", width: 64 },
                { title: t("score.department"), dataIndex: "orgName" },
                { title: t("score.score"), align: "right", render: (_: unknown, d: Department) => <strong>{d.score}</strong> },
                { title: t("score.calc"), render: (_: unknown, d: Department) => t("score.earned", { earned: d.earned, weight: d.measuredWeight }) },
                {
                  title: t("score.toRectify"),
                  render: (_: unknown, d: Department) =>
                    d.indicators
                      .filter((i) => i.toRectify)
                      .map((i) => (
                        <Tag color="error" key={i.key}>
                          {name(i.key)}
                        </Tag>
                      )),
                },
              ]}
            />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("score.rectifyTitle")}</h2>} style={{ marginBottom: 16 }}>
            <p>{t("score.rectifyIntro", { p: pct(rectifyBelow) })}</p>
            {toRectify.length === 0 ? (
              <Alert type="success" showIcon message={t("score.rectifyNone")} />
            ) : (
              <Table
                rowKey="orgId"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={toRectify}
                columns={[
                  { title: t("score.department"), dataIndex: "orgName" },
                  { title: t("score.indicator"), render: (_: unknown, d: Department) => d.indicators.filter((i) => i.toRectify).map((i) => `${name(i.key)} ${pct(i.value)}（${i.points}/${i.weight}）`).join("；") },
                  {
                    title: t("score.orders"),
                    render: (_: unknown, d: Department) =>
                      d.orders.length ? (
                        <Space wrap>
                          {d.orders.map((o) => (
                            <Link key={o.id} to={`/workbench/orders/${o.id}`}>
                              {`${o.number}（${o.stateName}）`}
                            </Link>
                          ))}
                        </Space>
                      ) : (
                        <Button size="small" onClick={() => order(d)} aria-label={`${d.orgName}：${t("score.sendOrder")}`}>
                          {t("score.sendOrder")}
                        </Button>
                      ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
      {settings && <SettingsCard settings={settings} onEdit={() => setEditing(true)} />}
      {settings && editing && (
        <SettingsDialog
          settings={settings}
          onClose={(saved) => {
            setEditing(false);
            if (saved) {
              setSettings(saved);
              call(scorecardEndpoints.getSupervisionScorecards, { query: { month } }).then(setView, () => undefined);
            }
          }}
        />
      )}
      <SendOrderDialog draft={draft?.draft ?? null} orgName={draft?.orgName ?? ""} defaultDays={settings?.current.value.orderDays} onClose={() => setDraft(null)} />
    </PageFrame>
  );
}

/** How a department's score was made: each indicator's value, basis, thresholds, weight and points. */
function Calculation({ d }: { d: Department }) {
  const { t, i18n } = useTranslation();
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={d.indicators}
      aria-label={`${d.orgName}：${t("score.calc")}`}
      columns={[
        { title: t("score.indicator"), render: (_: unknown, i: Indicator) => `${inLang(i18n.language, SCORE_INDICATORS[i.key], i.key)}（${t(`score.${i.better}`)}）` },
        { title: t("score.value"), align: "right", render: (_: unknown, i: Indicator) => pct(i.value) },
        { title: t("score.basis"), align: "right", render: (_: unknown, i: Indicator) => t("score.basisOf", { n: i.numerator, d: i.denominator }) },
        { title: t("score.thresholds"), align: "right", render: (_: unknown, i: Indicator) => `${pct(i.full)} / ${pct(i.zero)}` },
        { title: t("score.weight"), align: "right", dataIndex: "weight" },
        { title: t("score.points"), align: "right", render: (_: unknown, i: Indicator) => (i.points === null ? <span style={{ color: "#595959" }}>{t("score.notMeasured")}</span> : i.toRectify ? <Tag color="error">{`${i.points}（${t("score.toRectify")}）`}</Tag> : i.points) },
      ]}
    />
  );
}

/** The settings in effect and the versions saved; city supervisors change them. */
function SettingsCard({ settings, onEdit }: { settings: SettingsView; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const v = settings.current;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("score.settingsTitle")}</h2>} extra={settings.mayEdit && <Button onClick={onEdit}>{t("score.edit")}</Button>}>
      <p>
        {v.version ? t("score.version", { v: v.version }) : t("score.versionDefault")}
        {v.effectiveFrom && ` · ${t("score.effectiveFrom")} ${v.effectiveFrom}`}
        {v.createdBy && ` · ${t("score.createdBy")} ${v.createdBy}`}
        {v.note && ` · ${v.note}`}
      </p>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={SCORE_INDICATOR_KEYS.map((key) => ({ key, ...v.value.indicators[key] }))}
        columns={[
          { title: t("score.indicator"), render: (_: unknown, r: SettingRow) => inLang(i18n.language, SCORE_INDICATORS[r.key], r.key) },
          { title: t("score.weight"), dataIndex: "weight", align: "right" },
          { title: t("score.thresholds"), align: "right", render: (_: unknown, r: SettingRow) => `${pct(r.full)} / ${pct(r.zero)}` },
        ]}
      />
      {settings.versions.length > 0 && (
        <>
          <h3 style={{ fontSize: 15, marginTop: 16 }}>{t("score.versions")}</h3>
          <ul>
            {settings.versions.map((x) => (
              <li key={x.version}>{`${t("score.version", { v: x.version })} · ${t("score.effectiveFrom")} ${x.effectiveFrom} · ${x.createdBy}：${x.note}`}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

type SettingsForm = { effectiveFrom: string; note: string; rectifyBelow: number; orderDays: number } & Record<`${ScoreIndicator}_${"weight" | "full" | "zero"}`, number>;

/** A new version of the settings, in percentages, from this month or a later one. */
function SettingsDialog({ settings, onClose }: { settings: SettingsView; onClose: (saved: SettingsView | null) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const value = settings.current.value;
  const months = recentMonths(chinaToday(), 13, 12).reverse();
  const initial = {
    effectiveFrom: months[0],
    note: "",
    rectifyBelow: Math.round(value.rectifyBelow * 100),
    orderDays: value.orderDays,
    ...Object.fromEntries(SCORE_INDICATOR_KEYS.flatMap((k) => [[`${k}_weight`, value.indicators[k].weight], [`${k}_full`, Math.round(value.indicators[k].full * 1000) / 10], [`${k}_zero`, Math.round(value.indicators[k].zero * 1000) / 10]])),
  };
  const weights = Form.useWatch([], form) as SettingsForm | undefined;
  const sum = SCORE_INDICATOR_KEYS.reduce((a, k) => a + Number(weights?.[`${k}_weight`] ?? 0), 0);
  async function save() {
    const v = await form.validateFields();
    const next: ScorecardSettingsValue = {
      indicators: Object.fromEntries(SCORE_INDICATOR_KEYS.map((k) => [k, { weight: v[`${k}_weight`], full: v[`${k}_full`] / 100, zero: v[`${k}_zero`] / 100 }])) as ScorecardSettingsValue["indicators"],
      rectifyBelow: v.rectifyBelow / 100,
      orderDays: v.orderDays,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = await call(scorecardEndpoints.postSupervisionScorecardSettings, { body: { value: next, effectiveFrom: v.effectiveFrom, note: v.note, baseVersion: settings.latestVersion } });
      message.success(t("score.saved", { v: saved.latestVersion }));
      onClose(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  const num = (name: string, label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t("score.required", { label }) }]} style={{ marginBottom: 8 }}>
      <InputNumber min={0} max={max} step={1} style={{ width: 110 }} />
    </Form.Item>
  );
  return (
    <Modal open title={t("score.edit")} width={Math.min(900, window.innerWidth)} okText={t("score.save")} onOk={() => void save()} confirmLoading={busy} onCancel={() => onClose(null)} destroyOnHidden>
      <p>{t("score.settingsIntro")}</p>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {SCORE_INDICATOR_KEYS.map((k) => (
          <fieldset key={k} style={{ border: "none", padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{`${inLang(i18n.language, SCORE_INDICATORS[k], k)}（${t(`score.${SCORE_INDICATORS[k].better}`)}）`}</legend>
            <Space wrap>
              {num(`${k}_weight`, t("score.weight"), 100)}
              {num(`${k}_full`, t("score.full"), 100)}
              {num(`${k}_zero`, t("score.zero"), 100)}
            </Space>
          </fieldset>
        ))}
        <p role="status" style={{ color: sum === 100 ? "#389e0d" : "#a8071a" }}>
          {t("score.weightSum", { n: sum })}
        </p>
        <Space wrap>
          {num("rectifyBelow", t("score.rectifyBelow"), 100)}
          <Form.Item name="orderDays" label={t("score.orderDays")} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t("score.effectiveFrom")} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} options={months.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t("score.note")} rules={[{ required: true, message: t("score.noteRequired") }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
