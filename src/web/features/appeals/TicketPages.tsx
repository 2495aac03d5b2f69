import { Alert, App, Button, Card, Descriptions, Form, Input, List, Result, Select, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import { ONSITE_INDICATORS } from "../../../shared/ratings";
import { TICKET_STATES } from "../../../shared/appeals";
import type { ticketSummary, TicketView } from "../../../shared/schemas/appeals";
import type { OrgNode } from "../../../shared/schemas/staff";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { inLang } from "../../labels";
import { cityChildren, orgChildren, call } from "../../api";
import { appealEndpoints } from "../../../shared/api/appeal";
import { FlowActions } from "../../components/FlowActions";
import { RatingForm } from "../ratings/RatingForm";
import { TicketForm } from "./TicketForm";
import { useSession } from "../../session";
import { LIGHT_COLOUR } from "../ratings/RatingCasesPage";
import { chinaDate, chinaDateTime } from "../../../shared/china-time";
import { PageFrame } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

type Summary = z.infer<typeof ticketSummary>;
const STATE_COLOUR: Record<string, string> = { closed: "success", answered: "success", merged: "default", replied: "processing", returned: "warning", pending_dispatch: "warning" };

function TicketTable({ rows, base }: { rows: Summary[] | null; base: string }) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable
      rowKey="id"
      loading={!rows}
      dataSource={rows ?? []}
      scroll={{ x: true }}
      locale={{ emptyText: t("ticket.empty") }}
      columns={[
        { title: t("ticket.number"), dataIndex: "number", render: (n: string, r: Summary) => <Link to={`${base}/${r.id}`}>{n}</Link> },
        { title: t("ticket.title"), dataIndex: "title" },
        { title: t("ticket.type"), dataIndex: "typeName" },
        { title: t("ticket.category"), dataIndex: "categoryName" },
        { title: t("ticket.state"), dataIndex: "stateName", render: (s: string, r: Summary) => <Tag color={STATE_COLOUR[r.state] ?? "processing"}>{s}</Tag> },
        { title: t("ticket.org"), dataIndex: "orgName", render: (o: string | null) => o ?? "—" },
        { title: t("ticket.replyDeadline"), dataIndex: "replyDeadline", render: (d: string | null, r: Summary) => (d ? <Tag color={r.light ? LIGHT_COLOUR[r.light] : "default"}>{d}</Tag> : "—") },
        { title: t("ticket.created"), dataIndex: "createdAt", render: (d: string) => chinaDate(d) },
      ]}
    />
  );
}

/** 12345 诉求 (citizens): the form, with suggested answers for an enquiry. */
export function AppealNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [answered, setAnswered] = useState<TicketView | null>(null);
  if (answered) return <Result status="success" title={t("ticket.answered")} subTitle={answered.number} extra={<Link to={`/me/appeals/${answered.id}`}>{answered.title}</Link>} />;
  return (
    <>
      <PageFrame title={t("ticket.newTitle")} intro={t("ticket.newIntro")} />
      <Card>
        <TicketForm asAgent={false} onCreated={(tk) => (tk.state === "answered" ? setAnswered(tk) : navigate(`/me/appeals/${tk.id}`))} />
      </Card>
    </>
  );
}

/** 我的诉求 (citizens). */
export function MyAppealsPage() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(appealEndpoints.getTickets, { query: { limit: "100" } }).then((r) => setRows(r.items), (e: Error) => setError(e.message));
  }, []);
  return (
    <>
      <PageFrame title={t("ticket.myTitle")} />
      <p>
        <Link to="/appeals/new">{t("ticket.newTitle")}</Link>
      </p>
      {error && <Alert type="error" role="alert" message={error} />}
      <TicketTable rows={rows} base="/me/appeals" />
    </>
  );
}

/** 12345 工单 (staff): the desk sees all, an org its own; filter by state and search. */
export function TicketsPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState("open");
  const [q, setQ] = useState("");
  const [rows, setRows] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    const params = new URLSearchParams({ limit: "100", ...(state !== "all" ? { state } : {}), ...(q ? { q } : {}) });
    call(appealEndpoints.getTickets, { query: Object.fromEntries(params) }).then((r) => setRows(r.items), (e: Error) => setError(e.message));
  }, [state, q]);
  return (
    <>
      <PageFrame title={t("ticket.tickets")} error={error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t("ticket.filterState")}
          style={{ width: 180 }}
          value={state}
          onChange={setState}
          options={[{ value: "open", label: t("cases.open") }, { value: "all", label: t("cases.all") }, ...Object.entries(TICKET_STATES).map(([k, v]) => ({ value: k, label: inLang(i18n.language, v) }))]}
        />
        <Input.Search aria-label={t("ticket.search")} placeholder={t("ticket.search")} allowClear onSearch={setQ} style={{ width: 280 }} />
      </Space>
      <TicketTable rows={rows} base="/workbench/tickets" />
    </>
  );
}

/** 热线坐席: record a call (the caller, the request, suggested answers for an enquiry). */
export function HotlineConsolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [mobile, setMobile] = useState("");
  const onCaller = useCallback((m: string) => setMobile(m), []);
  return (
    <>
      <PageFrame title={t("ticket.hotline")} />
      <p>
        <Link to="/workbench/tickets">{t("ticket.tickets")}</Link>
      </p>
      <Card style={{ marginBottom: 16 }}>
        <TicketForm
          asAgent
          onCaller={onCaller}
          aside={<CallerHistory mobile={mobile} />}
          onCreated={(tk) => {
            message.success(t("ticket.submitted", { number: tk.number }));
            navigate(`/workbench/tickets/${tk.id}`);
          }}
        />
      </Card>
      <CallbackQueue />
    </>
  );
}

/** 来电人历史: once the caller's number is typed, who it belongs to (masked) and their earlier tickets and applications (the read is recorded for them). */
function CallerHistory({ mobile }: { mobile: string }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<ResponseOf<typeof appealEndpoints.postHotlineCallerHistory> | null>(null);
  const valid = /^1\d{10}$/.test(mobile);
  useEffect(() => {
    setHistory(null);
    if (!valid) return;
    let live = true;
    call(appealEndpoints.postHotlineCallerHistory, { body: { mobile } }).then((h) => live && setHistory(h), () => undefined);
    return () => {
      live = false;
    };
  }, [mobile, valid]);
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("ticket.callerHistory")}</h2>} style={{ marginBottom: 12 }}>
      <div role="region" aria-label={t("ticket.callerHistory")} aria-live="polite">
        {!valid ? (
          <Typography.Text type="secondary">{t("ticket.typeNumber")}</Typography.Text>
        ) : !history ? (
          <Spin size="small" />
        ) : (
          <>
            <p>{history.registered ? t("ticket.callerKnown", { name: history.name }) : t("ticket.callerUnknown")}</p>
            <h3 style={{ fontSize: 14 }}>{t("ticket.callerTickets", { n: history.tickets.length })}</h3>
            <ul style={{ paddingLeft: 18 }}>
              {history.tickets.map((x) => (
                <li key={x.id}>
                  <Link to={`/workbench/tickets/${x.id}`}>{x.number}</Link> {chinaDate(x.createdAt)} {x.typeName}：{x.title}（{x.stateName}
                  {x.orgName ? ` · ${x.orgName}` : ""}）
                </li>
              ))}
            </ul>
            {history.registered && (
              <>
                <h3 style={{ fontSize: 14 }}>{t("ticket.callerApplications", { n: history.applications.length })}</h3>
                <ul style={{ paddingLeft: 18 }}>
                  {history.applications.map((a) => (
                    <li key={a.id}>{`${a.number} ${chinaDate(a.submittedAt)} ${a.itemName}（${a.stateName}）`}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

/** 回访队列: replied tickets to call back, the overdue ones red, those not yet called back first. */
function CallbackQueue() {
  const { t } = useTranslation();
  const [items, setItems] = useState<ResponseOf<typeof appealEndpoints.getHotlineCallbacks>["items"] | null>(null);
  useEffect(() => {
    call(appealEndpoints.getHotlineCallbacks, { query: { limit: 30 } }).then((r) => setItems(r.items), () => setItems([]));
  }, []);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("ticket.callbacks")}</h2>}>
      <ResponsiveTable
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: t("ticket.noCallbacks") }}
        columns={[
          { title: t("ticket.number"), render: (_: unknown, r: NonNullable<typeof items>[number]) => <Link to={`/workbench/tickets/${r.id}`}>{r.number}</Link> },
          { title: t("ticket.title"), dataIndex: "title" },
          { title: t("ticket.citizen"), dataIndex: "citizenName" },
          { title: t("ticket.org"), dataIndex: "orgName" },
          { title: t("ticket.callbackDue"), render: (_: unknown, r: NonNullable<typeof items>[number]) => (r.calledBack ? <Tag>{t("ticket.calledBack")}</Tag> : r.callbackDue ? <Tag color={r.light ? LIGHT_COLOUR[r.light] : "default"}>{r.callbackDue}</Tag> : "—") },
        ]}
      />
    </Card>
  );
}

/** Orgs a ticket can go to: the city's departments and districts, and the place's district departments and streets. */
function useTargetOrgs(divisionCode: string | null, enabled: boolean) {
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  useEffect(() => {
    if (!enabled) return;
    void (async () => {
      const city = await cityChildren();
      const district = divisionCode ? city.find((o) => o.divisionCode === divisionCode.slice(0, 6)) : undefined;
      const local = district ? await orgChildren(district.id) : [];
      setOrgs([...local.filter((o) => o.kind === "department" || o.kind === "street"), ...city.filter((o) => o.kind === "department" || o.kind === "district")]);
    })();
  }, [divisionCode, enabled]);
  return orgs;
}

/** One ticket, for the citizen, the desk, the org and supervisors alike: what each may do comes from the server. */
export function TicketPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const [tk, setTk] = useState<TicketView | null>(null);
  const [mobile, setMobile] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(appealEndpoints.getTicketsById, { params: { id: id! } }).then(setTk, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  const needsOrg = Boolean(tk?.actions.some((a) => a.action === "dispatch" || a.action === "reassign"));
  const orgs = useTargetOrgs(tk?.divisionCode ?? null, needsOrg);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!tk) return <Spin />;
  const isDesk = me?.roles.includes("hotline_agent") ?? false;
  const act = async (action: string, note: string, extra: Record<string, unknown>) => {
    const next = await call(appealEndpoints.postTicketsByIdActions, { params: { id: tk.id }, body: { action, lockVersion: tk.lockVersion, ...(note ? { note } : {}), ...extra } });
    setTk(next);
    message.success(t("cases.done", { label: tk.actions.find((a) => a.action === action)?.label ?? action }));
  };
  const rate = tk.actions.find((a) => a.action === "rate");
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {tk.title} <Tag color={STATE_COLOUR[tk.state] ?? "processing"}>{tk.stateName}</Tag>
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("ticket.number")}>{tk.number}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.type")}>{`${tk.typeName} · ${tk.categoryName}`}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.channel")}>{t(`ticket.channel_${tk.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.created")}>{chinaDateTime(tk.createdAt, { seconds: true })}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.citizen")}>{tk.citizenName}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.mobile")}>
            {mobile ?? tk.citizenMobile ?? "—"}{" "}
            {isDesk && !mobile && tk.citizenMobile && (
              <Button size="small" onClick={() => void call(appealEndpoints.postTicketsByIdContact, { params: { id: tk.id } }).then((r) => setMobile(r.mobile))}>
                {t("ticket.showMobile")}
              </Button>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("ticket.address")}>{tk.address ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.org")}>{tk.orgName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("ticket.replyDeadline")}>
            {tk.replyDeadline ?? "—"} {tk.light && <Tag color={LIGHT_COLOUR[tk.light]}>{tk.light === "red" ? t("ticket.escalated") : tk.replyDeadline}</Tag>}
            {tk.urgeCount > 0 && <Tag color="warning">{t("ticket.urges", { n: tk.urgeCount })}</Tag>}
          </Descriptions.Item>
          {tk.mergedIntoNumber && <Descriptions.Item label={t("ticket.mergeInto")}>{t("ticket.mergedInto", { number: tk.mergedIntoNumber })}</Descriptions.Item>}
          <Descriptions.Item label={t("ticket.content")} span={2}>{tk.content}</Descriptions.Item>
          {tk.reply && <Descriptions.Item label={t("ticket.reply")} span={2}>{tk.reply}</Descriptions.Item>}
          {tk.rating && <Descriptions.Item label={t("ticket.rating")}>{`${tk.rating.levelName}${tk.rating.comment ? `：${tk.rating.comment}` : ""}`}</Descriptions.Item>}
        </Descriptions>
        {tk.actions.some((a) => a.action === "reopen") && <Alert type="info" showIcon message={t("ticket.reopenHint")} style={{ marginTop: 12 }} />}
      </Card>
      {tk.suggestions.length > 0 && tk.actions.some((a) => a.action === "answer") && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("ticket.suggestions")}</h2>} style={{ marginBottom: 16 }}>
          <List
            dataSource={tk.suggestions}
            renderItem={(s) => (
              <List.Item actions={[<Button key="use" onClick={() => void act("answer", s.answer, {}).catch((e: Error) => message.error(e.message))}>{t("ticket.useAnswer")}</Button>]}>
                <List.Item.Meta title={s.title} description={s.answer} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {rate && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("ticket.rating")}</h2>} style={{ marginBottom: 16 }}>
          <RatingForm indicators={Object.entries(ONSITE_INDICATORS).map(([key, v]) => ({ key, name: inLang(i18n.language, v) }))} allowAnonymous={false} onSubmit={(b) => act("rate", "", { rating: { level: b.level, indicators: b.indicators, tags: b.tags, ...(b.comment ? { comment: b.comment } : {}) } })} />
        </Card>
      )}
      <FlowActions
        title={t("ticket.actions")}
        actions={tk.actions.filter((a) => a.action !== "rate")}
        extra={(action, value, set) =>
          action === "dispatch" || action === "reassign" ? (
            <Form.Item label={t("ticket.targetOrg")} htmlFor="target-org" required>
              <Select id="target-org" showSearch optionFilterProp="label" placeholder={t("ticket.chooseOrg")} value={value.orgId as string | undefined} onChange={(v) => set({ ...value, orgId: v })} options={orgs.map((o) => ({ value: o.id, label: o.name }))} style={{ maxWidth: 420 }} />
            </Form.Item>
          ) : action === "merge" ? (
            <Form.Item label={t("ticket.mergeInto")} htmlFor="merge-target" required>
              <Select id="merge-target" placeholder={t("ticket.similar")} value={value.targetId as string | undefined} onChange={(v) => set({ ...value, targetId: v })} options={tk.similar.map((s) => ({ value: s.id, label: `${s.number} ${s.title}（${s.stateName}）` }))} style={{ maxWidth: 480 }} />
            </Form.Item>
          ) : null
        }
        onAct={act}
      />
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("ticket.timeline")}</h2>}>
        <Timeline items={tk.timeline.map((e) => ({ children: `${chinaDateTime(e.at, { seconds: true })} ${e.label} · ${e.actorName}${e.orgName && e.action === "dispatch" ? ` → ${e.orgName}` : ""}${e.note ? `：${e.note}` : ""}` }))} />
      </Card>
    </>
  );
}
