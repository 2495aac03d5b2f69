import { Alert, App, Button, Card, Input, Modal, Select, Space, Spin, Table, Tag } from "antd";
import type { ResponseOf } from "../../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { WorkflowEditor } from "./WorkflowEditor";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { ContentChange } from "../../../../shared/catalogue-diff";
import { VERSION_STATUS_LABELS, type VersionAction, type VersionStatus } from "../../../../shared/catalogue-workflow";
import { AutoApprovalEditor } from "./AutoApprovalEditor";
import { call } from "../../../api";
import { catalogueAdminEndpoints } from "../../../../shared/api/catalogue-admin";
import { chinaDate } from "../../../../shared/china-time";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

type Version = AdminItem["versions"][number];
type AdminItem = ResponseOf<typeof catalogueAdminEndpoints.getAdminCatalogueItemsById>;

const STATUS_COLOR: Record<VersionStatus, string> = { draft: "processing", in_review: "warning", published: "success", superseded: "default", rejected: "error" };

/** One item's versions: start or edit a draft, submit, review (approve or reject with a reason), compare versions. */
export function CatalogueItemAdminPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [item, setItem] = useState<AdminItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ from?: number; to?: number; changes?: ContentChange[] }>({});
  const [rejecting, setRejecting] = useState<Version | null>(null);
  const [comment, setComment] = useState("");

  const load = useCallback(() => {
    call(catalogueAdminEndpoints.getAdminCatalogueItemsById, { params: { id: id! } })
      .then((it) => {
        setItem(it);
        const nums = it.versions.map((v) => v.version);
        if (nums.length >= 2) setDiff({ from: nums[1], to: nums[0] });
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  useEffect(() => {
    if (!diff.from || !diff.to || diff.changes) return;
    call(catalogueAdminEndpoints.getAdminCatalogueItemsByIdDiff, { params: { id: id! }, query: { from: diff.from, to: diff.to } })
      .then((r) => setDiff((d) => ({ ...d, changes: r.changes })))
      .catch((e: Error) => setError(e.message));
  }, [id, diff]);

  async function act(v: Version, action: VersionAction, note?: string) {
    try {
      await call(catalogueAdminEndpoints.postAdminCatalogueVersionsByVersionIdActions, { params: { versionId: v.id }, body: { action, ...(note ? { comment: note } : {}) } });
      message.success(t(`cadmin.done_${action}`));
      setDiff({});
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function newDraft() {
    try {
      const d = await call(catalogueAdminEndpoints.postAdminCatalogueItemsByIdDrafts, { params: { id: id! } });
      navigate(`/workbench/catalogue/versions/${d.id}/edit`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!item) return <Spin tip={t("common.loading")} />;
  const open = item.versions.find((v) => v.status === "draft" || v.status === "in_review");
  const options = item.versions.map((v) => ({ value: v.version, label: `v${v.version} ${VERSION_STATUS_LABELS[v.status]}` }));
  return (
    <>
      <PageFrame title={item.name} />
      <p>
        {item.implCode} · {item.orgName}
      </p>
      <Space style={{ marginBottom: 16 }} wrap>
        {item.canEdit && !open && (
          <Button type="primary" onClick={newDraft}>
            {t("cadmin.newDraft")}
          </Button>
        )}
        <Link to="/workbench/catalogue">{t("common.back")}</Link>
      </Space>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("cadmin.versions")}</h2>} style={{ marginBottom: 16 }}>
        <Table<Version>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 800 }}
          dataSource={item.versions}
          columns={[
            { title: t("cadmin.version"), dataIndex: "version", render: (v: number) => `v${v}`, width: 70 },
            { title: t("cadmin.status"), dataIndex: "status", render: (s: VersionStatus) => <Tag color={STATUS_COLOR[s]}>{VERSION_STATUS_LABELS[s]}</Tag> },
            { title: t("cadmin.author"), dataIndex: "createdByName", render: (v: string | null) => v ?? t("cadmin.import") },
            { title: t("cadmin.reviewer"), render: (_, v) => (v.reviewedByName ? `${v.reviewedByName}${v.reviewComment ? `：${v.reviewComment}` : ""}` : "—") },
            { title: t("cadmin.publishedAt"), dataIndex: "publishedAt", render: (v: string | null) => (v ? chinaDate(v) : "—") },
            {
              title: t("staff.actions"),
              render: (_, v) => (
                <Space wrap>
                  {v.status === "draft" && item.canEdit && (
                    <>
                      <Link to={`/workbench/catalogue/versions/${v.id}/edit`}>{t("cadmin.edit")}</Link>
                      <Button size="small" onClick={() => act(v, "submit")}>{t("cadmin.submit")}</Button>
                    </>
                  )}
                  {v.status === "in_review" && item.canEdit && <Button size="small" onClick={() => act(v, "withdraw")}>{t("cadmin.withdraw")}</Button>}
                  {v.status === "in_review" && item.canReview && (
                    <>
                      <Button size="small" type="primary" onClick={() => act(v, "approve")}>{t("cadmin.approve")}</Button>
                      <Button size="small" danger onClick={() => { setComment(""); setRejecting(v); }}>{t("cadmin.reject")}</Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {item.versions.length >= 2 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("cadmin.compare")}</h2>}>
          <Space style={{ marginBottom: 12 }} wrap>
            <Select aria-label={t("cadmin.from")} value={diff.from} options={options} onChange={(v) => setDiff((d) => ({ from: v, to: d.to }))} style={{ minWidth: 160 }} />
            →
            <Select aria-label={t("cadmin.to")} value={diff.to} options={options} onChange={(v) => setDiff((d) => ({ from: d.from, to: v }))} style={{ minWidth: 160 }} />
          </Space>
          <Table<ContentChange>
            rowKey={(c) => `${c.element}-${c.kind}`}
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            loading={!diff.changes}
            dataSource={diff.changes ?? []}
            locale={{ emptyText: t("cadmin.noChanges") }}
            columns={[
              { title: t("audit.element"), dataIndex: "element" },
              { title: t("cadmin.change"), dataIndex: "kind", render: (k: string) => <Tag color={k === "added" ? "success" : k === "removed" ? "error" : "warning"}>{t(`cadmin.kind_${k}`)}</Tag> },
              { title: t("cadmin.before"), dataIndex: "before", render: (v: string | null) => v ?? "—" },
              { title: t("cadmin.after"), dataIndex: "after", render: (v: string | null) => v ?? "—" },
            ]}
          />
        </Card>
      )}
      <WorkflowEditor itemId={item.id} />
      <AutoApprovalEditor itemId={item.id} />
      <Modal
        open={rejecting !== null}
        title={t("cadmin.reject")}
        okText={t("cadmin.reject")}
        cancelText={t("staff.cancel")}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          if (rejecting) await act(rejecting, "reject", comment);
          setRejecting(null);
        }}
      >
        <label htmlFor="reject-reason">{t("cadmin.reason")}</label>
        <Input.TextArea id="reject-reason" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}
