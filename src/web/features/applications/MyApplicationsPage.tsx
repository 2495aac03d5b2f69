import { Empty, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIGHT_COLOR } from "../../labels";
import { useEndpoint } from "../../components/useEndpoint";
import { applicationEndpoints } from "../../../shared/api/applications";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { chinaDate } from "../../../shared/china-time";
import { PageFrame } from "../../components/PageFrame";
import { useWorkflowWords } from "../../workflow-words";
import { ResponsiveTable } from "../../components/ResponsiveTable";

type Row = ResponseOf<typeof applicationEndpoints.mine>["items"][number];

/** 我的办件: the applicant's applications with their state and committed deadline. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const word = useWorkflowWords();
  const { data, error, loading } = useEndpoint(applicationEndpoints.mine, { query: { limit: 100 } });
  const rows = data?.items ?? null;
  return (
    <>
      <PageFrame title={t("apps.title")} error={error} />
      <ResponsiveTable<Row>
        rowKey="id"
        loading={loading}
        dataSource={rows ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t("apps.empty")} /> }}
        pagination={false}
        columns={[
          { title: t("apps.number"), render: (_, r) => <Link to={`/me/applications/${r.id}`}>{r.number}</Link> },
          { title: t("apps.item"), dataIndex: "itemName" },
          { title: t("apps.org"), dataIndex: "handlingOrgName" },
          { title: t("apps.state"), dataIndex: "stateName", render: (v: string) => word(v) },
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
