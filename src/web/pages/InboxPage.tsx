import { Alert, Table, Tabs, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api";

interface Row {
  id: string;
  number: string;
  itemName: string;
  handlingOrgName: string;
  stateName: string;
  submittedAt: string;
  committedDeadline: string | null;
  light: "green" | "yellow" | "red" | null;
}

const LIGHT = { green: "success", yellow: "warning", red: "error" } as const;
const TABS: Array<[string, string | null]> = [["pending", "submitted"], ["reviewing", "reviewing"], ["deciding", "deciding"], ["supplement", "supplement"], ["all", null]];

/** 待办: applications handled in the staff member's subtree, by state, nearest deadline first. */
export function InboxPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState("pending");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const state = TABS.find(([k]) => k === tab)?.[1];
    setRows(null);
    api<{ items: Row[] }>("GET", `/applications/inbox?limit=100${state ? `&state=${state}` : ""}`)
      .then((r) => setRows(r.items))
      .catch((e: Error) => setError(e.message));
  }, [tab]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("inbox.title")}
      </Typography.Title>
      {error && <Alert type="error" message={error} role="alert" />}
      <Tabs activeKey={tab} onChange={setTab} items={TABS.map(([k]) => ({ key: k, label: t(`inbox.tab_${k}`) }))} />
      <Table<Row>
        rowKey="id"
        loading={!rows && !error}
        dataSource={rows ?? []}
        scroll={{ x: 800 }}
        pagination={false}
        locale={{ emptyText: t("inbox.empty") }}
        columns={[
          { title: t("apps.number"), render: (_, r) => <Link to={`/workbench/applications/${r.id}`}>{r.number}</Link> },
          { title: t("apps.item"), dataIndex: "itemName" },
          { title: t("apps.org"), dataIndex: "handlingOrgName" },
          { title: t("apps.state"), dataIndex: "stateName" },
          { title: t("apps.deadline"), render: (_, r) => (r.committedDeadline ? <Tag color={r.light ? LIGHT[r.light] : undefined}>{r.committedDeadline}</Tag> : "—") },
        ]}
      />
    </>
  );
}
