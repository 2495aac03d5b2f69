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

const PAGE = 20;
type InboxQuery = NonNullable<CallInput<typeof applicationEndpoints.inbox>["query"]>;
/** Tab → query: by state, overdue, or claimed by me. */
const TABS: Array<[string, InboxQuery]> = [
  ["pending", { state: "submitted" }],
  ["reviewing", { state: "reviewing" }],
  ["deciding", { state: "deciding" }],
  ["overdue", { overdue: "true" }],
  ["dueSoon", { dueSoon: "true" }],
  ["supplement", { state: "supplement" }],
  ["mine", { assigned: "me" }],
  ["all", {}],
];

/** Supervisors oversee (read and assign) rather than handle: their tabs are about deadlines. */
const SUPERVISOR_TABS = new Set(["overdue", "dueSoon", "all"]);

/** 待办: applications handled in the staff member's subtree, by state, searchable, nearest deadline first, with claim. */
export function InboxPage() {
  const { t } = useTranslation();
  const word = useWorkflowWords();
  const { message } = App.useApp();
  const { me } = useSession();
  // A supervisor who handles nothing themselves sees the deadline tabs of their level of government.
  const overseer = !!me && me.roles.includes("supervisor") && !me.roles.some((r) => r === "window_clerk" || r === "reviewer" || r === "approver");
  const tabs = overseer ? TABS.filter(([k]) => SUPERVISOR_TABS.has(k)) : TABS;
  const [tab, setTab] = useState(overseer ? "overdue" : "pending");
  const [q, setQ] = useState("");
  const [channel, setChannel] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    const query: InboxQuery = { ...TABS.find(([k]) => k === tab)![1], limit: PAGE, offset: page * PAGE, ...(q.trim() ? { q: q.trim() } : {}), ...(channel ? { channel: channel as InboxQuery["channel"] } : {}) };
    setRows(null);
    call(applicationEndpoints.inbox, { query })
      .then((r) => {
        setRows(r.items);
        setHasMore(r.hasMore);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [tab, q, channel, page]);
  useEffect(load, [load]);

  async function claim(row: Row) {
    try {
      const detail = await call(applicationEndpoints.get, { params: { id: row.id } });
      await call(applicationEndpoints.assign, { params: { id: row.id }, body: { assigneeAccountId: null, lockVersion: detail.lockVersion } });
      message.success(t("inbox.claimed", { number: row.number }));
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("inbox.title")} error={error} />
      {overseer && <Alert type="info" showIcon message={t("inbox.supervising")} style={{ marginBottom: 12 }} />}
      <Tabs activeKey={tab} onChange={(k) => (setTab(k), setPage(0))} items={tabs.map(([k]) => ({ key: k, label: t(`inbox.tab_${k}`) }))} />
      <Space wrap style={{ marginBottom: 12 }}>
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
