import { Alert, App, Card, Descriptions, Segmented, Spin, Table, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import { RATING_CHANNELS, type RatingChannel } from "../../../shared/ratings";
import type { caseSummary, CaseView } from "../../../shared/schemas/ratings";
import { inLang } from "../../labels";
import { call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { FlowActions } from "../../components/FlowActions";
import { chinaDateTime } from "../../../shared/china-time";
import { PageFrame } from "../../components/PageFrame";

type Summary = z.infer<typeof caseSummary>;
export const LIGHT_COLOUR = { green: "success", yellow: "warning", red: "error" } as const;

/** 差评工单: the cases of the staff member's scope, unfinished first by default. */
export function RatingCasesPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<string>("open");
  const [rows, setRows] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    call(ratingEndpoints.getRatingCases, { query: { limit: 100, ...(state === "all" ? {} : { state }) } }).then((r) => setRows(r.items), (e: Error) => setError(e.message));
  }, [state]);
  return (
    <>
      <PageFrame title={t("cases.title")} error={error} />
      <Segmented aria-label={t("cases.state")} value={state} onChange={(v) => setState(String(v))} options={[{ value: "open", label: t("cases.open") }, { value: "all", label: t("cases.all") }]} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t("cases.empty") }}
        columns={[
          { title: t("cases.number"), dataIndex: "number", render: (n: string, r: Summary) => <Link to={`/workbench/rating-cases/${r.id}`}>{n}</Link> },
          { title: t("rating.item"), dataIndex: "itemName" },
          { title: t("rating.step"), dataIndex: "stepName" },
          { title: t("rating.staff"), dataIndex: "staffName" },
          { title: t("rating.org"), dataIndex: "orgName" },
          { title: t("cases.level"), dataIndex: "levelName", render: (v: string) => <Tag color="error">{v}</Tag> },
          { title: t("cases.state"), dataIndex: "stateName" },
          { title: t("cases.deadline"), dataIndex: "deadline", render: (d: string | null, r: Summary) => (d ? <Tag color={r.light ? LIGHT_COLOUR[r.light] : "default"}>{d}</Tag> : "—") },
          { title: t("cases.escalated"), dataIndex: "escalated", render: (e: boolean) => (e ? <Tag color="error">{t("cases.escalated")}</Tag> : "") },
        ]}
      />
    </>
  );
}

/** One case: the rating, its attribution and deadlines, the steps so far and the actions the viewer may take. */
export function RatingCasePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [c, setC] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(ratingEndpoints.getRatingCasesById, { params: { id: id! } }).then(setC, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!c) return <Spin />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("cases.detail", { number: c.number })} <Tag color={c.state === "closed" ? "success" : c.state === "voided" ? "default" : "processing"}>{c.stateName}</Tag>
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("cases.rating")}</h2>} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("cases.level")}>
            <Tag color="error">{c.levelName}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("cases.rater")}>{c.raterName}</Descriptions.Item>
          <Descriptions.Item label={t("rating.item")}>{`${c.itemName ?? ""} · ${c.kindName}`}</Descriptions.Item>
          <Descriptions.Item label={t("rating.org")}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t("rating.step")}>{c.stepName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("rating.staff")}>{c.staffName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("cases.channel")}>{inLang(i18n.language, RATING_CHANNELS[c.channel as RatingChannel], c.channel)}</Descriptions.Item>
          <Descriptions.Item label={t("cases.ratedAt")}>{chinaDateTime(c.ratedAt, { seconds: true })}</Descriptions.Item>
          {c.indicators.length > 0 && <Descriptions.Item label={t("rating.indicators")}>{c.indicators.map((i) => `${i.name} ${i.level}`).join("，")}</Descriptions.Item>}
          {c.tags.length > 0 && <Descriptions.Item label={t("rating.tags")}>{c.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Descriptions.Item>}
          {c.comment && <Descriptions.Item label={t("rating.comment")} span={2}>{c.comment}</Descriptions.Item>}
          {c.applicationId && (
            <Descriptions.Item label={t("cases.application")}>
              <Link to={`/workbench/applications/${c.applicationId}`}>{t("cases.application")}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("cases.respondDeadline")}>{c.respondDeadline ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("cases.rectifyDeadline")}>
            {c.rectifyDeadline ?? "—"} {c.light && <Tag color={LIGHT_COLOUR[c.light]}>{c.deadline}</Tag>} {c.escalated && <Tag color="error">{t("cases.escalated")}</Tag>}
          </Descriptions.Item>
          {c.verification && <Descriptions.Item label={t("cases.verification")}>{c.verification}</Descriptions.Item>}
          {c.appealReason && <Descriptions.Item label={t("cases.appealReason")}>{c.appealReason}</Descriptions.Item>}
          {c.appealDecision && <Descriptions.Item label={t("cases.appealDecision")}>{c.appealDecision}</Descriptions.Item>}
          {c.rectification && <Descriptions.Item label={t("rating.rectification")}>{c.rectification}</Descriptions.Item>}
          {c.reply && <Descriptions.Item label={t("rating.reply")}>{c.reply}</Descriptions.Item>}
          {c.rerating && <Descriptions.Item label={t("cases.rerating")}>{`${c.rerating.levelName}${c.rerating.comment ? `：${c.rerating.comment}` : ""}`}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <FlowActions
        title={t("cases.act")}
        actions={c.actions.filter((a) => a.action !== "rerate")}
        onAct={async (action, note) => {
          const next = await call(ratingEndpoints.postRatingCasesByIdActions, { params: { id: c.id }, body: { action, lockVersion: c.lockVersion, ...(note ? { note } : {}) } });
          setC(next);
          message.success(t("cases.done", { label: c.actions.find((a) => a.action === action)?.label ?? action }));
        }}
      />
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("cases.timeline")}</h2>}>
        <Timeline items={c.timeline.map((e) => ({ children: `${chinaDateTime(e.at, { seconds: true })} ${e.label} · ${e.actorName}${e.note ? `：${e.note}` : ""}` }))} />
      </Card>
    </>
  );
}
