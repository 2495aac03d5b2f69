import { Alert, Empty, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIGHT_COLOR } from "../labels";
import { api } from "../api";
import { chinaDate } from "../../shared/china-time";

interface Row {
  id: string;
  number: string;
  itemName: string;
  handlingOrgName: string;
  stateName: string;
  outcome: string | null;
  submittedAt: string;
  committedDeadline: string | null;
  light: "green" | "yellow" | "red" | null;
}


/** 我的办件: the applicant's applications with their state and committed deadline. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Row[] }>("GET", "/applications?limit=100")
      .then((r) => setRows(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("apps.title")}
      </Typography.Title>
      {error && <Alert type="error" message={error} role="alert" />}
      <Table<Row>
        rowKey="id"
        loading={!rows && !error}
        dataSource={rows ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t("apps.empty")} /> }}
        pagination={false}
        columns={[
          { title: t("apps.number"), render: (_, r) => <Link to={`/me/applications/${r.id}`}>{r.number}</Link> },
          { title: t("apps.item"), dataIndex: "itemName" },
          { title: t("apps.org"), dataIndex: "handlingOrgName" },
          { title: t("apps.state"), dataIndex: "stateName" },
          { title: t("apps.submittedAt"), dataIndex: "submittedAt", render: (v: string) => chinaDate(v) },
          {
            title: t("apps.deadline"),
            render: (_, r) => (r.committedDeadline ? <Tag color={r.light ? LIGHT_COLOR[r.light] : undefined}>{r.committedDeadline}{r.light ? ` · ${t(`apps.light_${r.light}`)}` : ""}</Tag> : "—"),
          },
        ]}
      />
    </>
  );
}
