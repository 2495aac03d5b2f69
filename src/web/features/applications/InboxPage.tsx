import { Alert, App, Button, Input, Select, Space, Table, Tabs, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIGHT_COLOR } from "../../labels";
import { call } from "../../api";
import { applicationEndpoints } from "../../../shared/api/applications";
import type { CallInput, ResponseOf } from "../../../shared/api/endpoint";
import { useSession } from "../../session";
import { PageFrame, errorMessage } from "../../components/PageFrame";
import { useWorkflowWords } from "../../workflow-words";

type Row = ResponseOf<typeof applicationEndpoints.inbox>["items"][number];
type Summary = ResponseOf<typeof applicationEndpoints.inboxSummary>;

const PAGE = 20;
type InboxQuery = NonNullable<CallInput<typeof applicationEndpoints.inbox>["query"]>;
/** The fixed tabs after the workflow's states: deadlines, claimed by me, everything. */
const FIXED_TABS: Array<[string, InboxQuery]> = [
  ["overdue", { overdue: "true" }],
  ["dueSoon", { dueSoon: "true" }],
  ["mine", { assigned: "me" }],
  ["all", {}],
];

/** Supervisors oversee (read and assign) rather than handle: their tabs are about deadlines. */
const SUPERVISOR_TABS = new Set(["overdue", "dueSoon", "all"]);

/** Where 下一件 reads the next case from: the inbox list the staff member last worked in. */
export const INBOX_QUERY_KEY = "haoban.inbox.query";

/** 待办: applications handled in the staff member's subtree, by state, searchable, nearest deadline first, with claim. */
export function InboxPage() {
  const { t } = useTranslation();
  const word = useWorkflowWords();
  const { message } = App.useApp();
  const { me } = useSession();
  // A supervisor who handles nothing themselves sees the deadline tabs of their level of government.
  const overseer = !!me && me.roles.includes("supervisor") && !me.roles.some((r) => r === "window_clerk" || r === "reviewer" || r === "approver");
  const [summary, setSummary] = useState<Summary | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>();
  // The workflow's unfinished states (with their counts) come first, then deadlines, mine and all.
  const stateTabs: Array<[string, InboxQuery]> = (summary?.tabs ?? []).map((x) => [`state:${x.state}`, { state: x.state }]);
  const tabs = overseer ? FIXED_TABS.filter(([k]) => SUPERVISOR_TABS.has(k)) : [...stateTabs, ...FIXED_TABS];
  const [tab, setTab] = useState<string | null>(overseer ? "overdue" : null);
  const count = (key: string) => (key.startsWith("state:") ? summary?.tabs.find((x) => `state:${x.state}` === key)?.count : key === "overdue" ? summary?.overdue : key === "dueSoon" ? summary?.dueSoon : key === "mine" ? summary?.mine : summary?.open);
  const tabName = (key: string) => (key.startsWith("state:") ? word(summary?.tabs.find((x) => `state:${x.state}` === key)?.name ?? "") : t(`inbox.tab_${key}`));
  const [q, setQ] = useState("");
  const [channel, setChannel] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadSummary = useCallback(() => {
    call(applicationEndpoints.inboxSummary, { query: orgId ? { orgId } : {} }).then(
      (r) => {
        setSummary(r);
        // First visit: the first state the staff member acts in that has work, else the first one.
        setTab((current) => current ?? `state:${(r.tabs.find((x) => x.actionable && x.count > 0) ?? r.tabs.find((x) => x.actionable) ?? r.tabs[0])?.state ?? "all"}`.replace("state:all", "all"));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [orgId]);
  useEffect(loadSummary, [loadSummary]);

  const load = useCallback(() => {
    if (tab === null) return;
    const base = tab.startsWith("state:") ? { state: tab.slice(6) } : (FIXED_TABS.find(([k]) => k === tab)?.[1] ?? {});
    const query: InboxQuery = { ...base, limit: PAGE, offset: page * PAGE, ...(q.trim() ? { q: q.trim() } : {}), ...(channel ? { channel: channel as InboxQuery["channel"] } : {}), ...(orgId ? { orgId } : {}) };
    sessionStorage.setItem(INBOX_QUERY_KEY, JSON.stringify({ ...query, offset: 0, limit: 50 }));
    setRows(null);
    call(applicationEndpoints.inbox, { query })
      .then((r) => {
        setRows(r.items);
        setHasMore(r.hasMore);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [tab, q, channel, page, orgId]);
  useEffect(load, [load]);

  async function claim(row: Row) {
    try {
      const detail = await call(applicationEndpoints.get, { params: { id: row.id } });
      await call(applicationEndpoints.assign, { params: { id: row.id }, body: { assigneeAccountId: null, lockVersion: detail.lockVersion } });
      message.success(t("inbox.claimed", { number: row.number }));
      load();
      loadSummary();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("inbox.title")} error={error} />
      {overseer && <Alert type="info" showIcon message={t("inbox.supervising")} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab ?? undefined}
        onChange={(k) => (setTab(k), setPage(0))}
        items={tabs.map(([k]) => ({
          key: k,
          label: (
            <span>
              {tabName(k)} {count(k) !== undefined && <span className={k === "overdue" && count(k) ? "tab-count tab-count-danger" : "tab-count"}>{count(k)}</span>}
            </span>
          ),
        }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        {overseer && (
          <Select
            aria-label={t("inbox.department")}
            placeholder={t("inbox.allDepartments")}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            value={orgId}
            onChange={(v?: string) => (setOrgId(v), setPage(0))}
            options={(summary?.departments ?? []).map((d) => ({ value: d.orgId, label: t("inbox.departmentOption", { name: d.orgName, open: d.open, overdue: d.overdue }) }))}
          />
        )}
        <Input.Search aria-label={t("inbox.search")} placeholder={t("inbox.search")} allowClear style={{ width: 280 }} onSearch={(v) => (setQ(v), setPage(0))} />
        <Select
          aria-label={t("inbox.channel")}
          placeholder={t("inbox.channel")}
          allowClear
          style={{ width: 160 }}
          value={channel}
          onChange={(v) => (setChannel(v), setPage(0))}
          options={["online", "window", "mobile", "agent"].map((c) => ({ value: c, label: t(`inbox.channel_${c}`) }))}
        />
      </Space>
      <Table<Row>
        rowKey="id"
        loading={!rows && !error}
        dataSource={rows ?? []}
        scroll={{ x: 900 }}
        pagination={false}
        locale={{ emptyText: t("inbox.empty") }}
        columns={[
          { title: t("apps.number"), render: (_, r) => <Link to={`/workbench/applications/${r.id}`}>{r.number}</Link> },
          { title: t("apps.item"), dataIndex: "itemName" },
          { title: t("inbox.applicant"), dataIndex: "applicantName" },
          { title: t("apps.org"), dataIndex: "handlingOrgName" },
          { title: t("apps.state"), dataIndex: "stateName", render: (v: string) => word(v) },
          { title: t("apps.deadline"), render: (_, r) => (r.committedDeadline ? <Tag color={r.light ? LIGHT_COLOR[r.light] : undefined}>{r.committedDeadline} {r.light ? t(`apps.light_${r.light}`) : ""}</Tag> : "—") },
          {
            title: t("inbox.assignee"),
            render: (_, r) =>
              r.assigneeName ?? (overseer ? "—" : (
                <Button size="small" onClick={() => void claim(r)} aria-label={`${t("inbox.claim")} ${r.number}`}>
                  {t("inbox.claim")}
                </Button>
              )),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t("inbox.prev")}
        </Button>
        <Button disabled={!hasMore} onClick={() => setPage(page + 1)}>
          {t("inbox.next")}
        </Button>
      </Space>
    </>
  );
}
