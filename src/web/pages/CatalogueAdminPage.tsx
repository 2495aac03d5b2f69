import { Alert, Input, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { VERSION_STATUS_LABELS, type VersionStatus } from "../../shared/catalogue-workflow";
import { api } from "../api";
import { labels } from "../labels";

interface Row {
  id: string;
  implCode: string;
  name: string;
  orgName: string;
  level: string;
  publishedVersion: number | null;
  openVersion: number | null;
  openStatus: VersionStatus | null;
}

const PAGE = 20;

/** 事项管理: the items of one's subtree, with their open drafts and versions in review. */
export function CatalogueAdminPage() {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const [data, setData] = useState<{ items: Row[]; total: number } | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Row[]; total: number }>("GET", `/admin/catalogue/items?limit=${PAGE}&offset=${(page - 1) * PAGE}${q ? `&q=${encodeURIComponent(q)}` : ""}`)
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [q, page]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("cadmin.title")}
      </Typography.Title>
      {error && <Alert type="error" message={error} role="alert" />}
      <Space style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t("cadmin.search")} placeholder={t("cadmin.search")} allowClear onSearch={(v) => { setPage(1); setQ(v.trim()); }} style={{ width: 300 }} />
      </Space>
      <Table<Row>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t("cadmin.name"), render: (_, r) => <Link to={`/workbench/catalogue/items/${r.id}`}>{r.name}</Link> },
          { title: t("guide.implCode"), dataIndex: "implCode" },
          { title: t("guide.implementingOrg"), dataIndex: "orgName" },
          { title: t("guide.level"), dataIndex: "level", render: (v: string) => l.level(v) },
          { title: t("cadmin.published"), dataIndex: "publishedVersion", render: (v: number | null) => (v ? `v${v}` : "—") },
          { title: t("cadmin.open"), render: (_, r) => (r.openStatus ? <Tag color={r.openStatus === "in_review" ? "warning" : "processing"}>v{r.openVersion} {VERSION_STATUS_LABELS[r.openStatus]}</Tag> : "—") },
        ]}
      />
    </>
  );
}
