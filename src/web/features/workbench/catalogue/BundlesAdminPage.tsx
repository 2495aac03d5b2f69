import { Alert, App as AntApp, Button, Card, Input, List, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { bundleAdminSummary, bundlePreviewView } from "../../../../shared/schemas/bundle";
import { ApiError, call } from "../../../api";
import { bundleEndpoints } from "../../../../shared/api/bundle";
import { ReductionLine } from "../../bundles/BundlesPage";
import { chinaDate } from "../../../../shared/china-time";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

type Summary = z.infer<typeof bundleAdminSummary>;
type Preview = z.infer<typeof bundlePreviewView>;

/** A new definition to start from: two items, one waiting for the other. */
const TEMPLATE = {
  code: "NEW_BUNDLE",
  name: "新的一件事",
  theme: "elderly",
  summary: "说明本件事办理哪些事项、为申请人减少了什么。",
  keywords: [],
  audience: "person",
  leadDept: "HRSS",
  questions: [],
  items: [
    { key: "first", basicCode: "JF00001000" },
    { key: "second", basicCode: "QR00004002", dependsOn: [{ item: "first", fields: {} }] },
  ],
  onDenial: "stop_dependants",
  limitDays: 20,
};

const STATUS_COLOUR = { draft: "default", published: "success", withdrawn: "warning" } as const;

/**
 * 一件事管理 (city catalogue administrators): each bundle's definition as JSON, checked and previewed
 * against the catalogue with sample answers before it is saved; drafts are published or withdrawn.
 */
export function BundlesAdminPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [list, setList] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ code: string | null; lockVersion?: number } | null>(null);
  const [text, setText] = useState("");
  const [answers, setAnswers] = useState("{}");
  const [preview, setPreview] = useState<Preview | null>(null);

  const load = useCallback(() => {
    call(bundleEndpoints.getAdminBundles, {  })
      .then((r) => setList(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  async function edit(code: string | null) {
    setPreview(null);
    if (!code) {
      setEditing({ code: null });
      setText(JSON.stringify(TEMPLATE, null, 2));
      return;
    }
    const v = await call(bundleEndpoints.getAdminBundlesByCode, { params: { code: code } });
    setEditing({ code, lockVersion: v.lockVersion });
    setText(JSON.stringify(v.definition, null, 2));
  }

  function parsed(): { definition: unknown; answers: Record<string, string | string[]> } | null {
    try {
      return { definition: JSON.parse(text), answers: JSON.parse(answers || "{}") };
    } catch (e) {
      message.error(t("bundleAdmin.badJson", { error: (e as Error).message }));
      return null;
    }
  }

  async function check() {
    const p = parsed();
    if (!p) return;
    setPreview(await call(bundleEndpoints.postAdminBundlesPreview, { body: p }));
  }

  async function save() {
    const p = parsed();
    if (!p || !editing) return;
    const code = (p.definition as { code?: string }).code ?? "";
    try {
      const v = await call(bundleEndpoints.putAdminBundlesByCode, { params: { code: code }, body: { definition: p.definition, ...(editing.lockVersion ? { lockVersion: editing.lockVersion } : {}) } });
      setEditing({ code: v.code, lockVersion: v.lockVersion });
      message.success(t("bundleAdmin.saved", { name: v.name }));
      load();
    } catch (err) {
      const issues = err instanceof ApiError ? ((err.details as { issues?: Preview["issues"] } | undefined)?.issues ?? []) : [];
      if (issues.length) setPreview({ ok: false, issues, plan: null });
      message.error(errorMessage(err));
    }
  }

  async function setStatus(s: Summary, status: "published" | "withdrawn") {
    try {
      await call(bundleEndpoints.postAdminBundlesByCodeStatus, { params: { code: s.code }, body: { status, lockVersion: s.lockVersion } });
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  if (error) return <Alert type="error" showIcon message={error} />;
  return (
    <>
      <PageFrame title={t("bundleAdmin.title")} />
      <Typography.Paragraph type="secondary">{t("bundleAdmin.intro")}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => edit(null)}>{t("bundleAdmin.new")}</Button>
      </Space>
      <Table
        rowKey="code"
        loading={!list}
        dataSource={list ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("bundleAdmin.code"), dataIndex: "code" },
          { title: t("bundleAdmin.name"), dataIndex: "name" },
          { title: t("bundleAdmin.status"), key: "status", render: (_, s) => <Tag color={STATUS_COLOUR[s.status as keyof typeof STATUS_COLOUR] ?? "default"}>{t(`bundleAdmin.status_${s.status}`)}</Tag> },
          { title: t("bundleAdmin.updated"), key: "updated", render: (_, s) => `${s.updatedBy ?? "—"} · ${chinaDate(s.updatedAt)}` },
          {
            title: t("staff.actions"),
            key: "actions",
            render: (_, s) => (
              <Space wrap>
                <Button size="small" onClick={() => edit(s.code)} aria-label={t("bundleAdmin.editOne", { name: s.name })}>
                  {t("bundleAdmin.edit")}
                </Button>
                {s.status !== "published" ? (
                  <Button size="small" onClick={() => setStatus(s, "published")} aria-label={t("bundleAdmin.publishOne", { name: s.name })}>
                    {t("bundleAdmin.publish")}
                  </Button>
                ) : (
                  <Button size="small" danger onClick={() => setStatus(s, "withdrawn")} aria-label={t("bundleAdmin.withdrawOne", { name: s.name })}>
                    {t("bundleAdmin.withdraw")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{editing.code ? t("bundleAdmin.editing", { code: editing.code }) : t("bundleAdmin.new")}</h2>} style={{ marginTop: 16 }}>
          <label htmlFor="bundle-definition" style={{ display: "block", marginBottom: 4 }}>
            {t("bundleAdmin.definition")}
          </label>
          <Input.TextArea id="bundle-definition" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} style={{ fontFamily: "monospace" }} />
          <label htmlFor="bundle-answers" style={{ display: "block", margin: "12px 0 4px" }}>
            {t("bundleAdmin.answers")}
          </label>
          <Input.TextArea id="bundle-answers" value={answers} onChange={(e) => setAnswers(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} style={{ fontFamily: "monospace" }} />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={check}>{t("bundleAdmin.check")}</Button>
            <Button type="primary" onClick={save}>
              {t("bundleAdmin.save")}
            </Button>
          </Space>
          {preview && !preview.ok && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              message={t("bundleAdmin.problems")}
              description={
                <ul style={{ margin: 0 }}>
                  {preview.issues.map((i) => (
                    <li key={`${i.path}-${i.message}`}>
                      {i.message}
                      {i.path && <Typography.Text type="secondary">（{i.path}）</Typography.Text>}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {preview?.ok && (
            <Alert
              type={preview.issues.length ? "warning" : "success"}
              showIcon
              style={{ marginTop: 12 }}
              message={preview.plan ? t("bundleAdmin.valid") : t("bundleAdmin.validNoPlan")}
              description={
                preview.issues.length ? (
                  <ul style={{ margin: 0 }}>
                    {preview.issues.map((i) => (
                      <li key={i.message}>{i.message}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          {preview?.plan && (
            <div style={{ marginTop: 12 }}>
              <ReductionLine reduction={preview.plan.reduction} />
              <List
                size="small"
                dataSource={preview.plan.items}
                renderItem={(i) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={i.included ? "success" : "default"}>{i.included ? t("bundle.included") : t("bundle.excluded")}</Tag>
                      {i.name}
                      <Typography.Text type="secondary">{i.reason}</Typography.Text>
                      {i.waitsFor.length > 0 && <Typography.Text type="secondary">← {i.waitsFor.join("、")}</Typography.Text>}
                    </Space>
                  </List.Item>
                )}
              />
            </div>
          )}
        </Card>
      )}
    </>
  );
}
