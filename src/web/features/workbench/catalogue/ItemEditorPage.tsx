import { Alert, App, Button, Space, Spin, Tabs } from "antd";
import type { ResponseOf } from "../../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ItemContent } from "../../../../shared/schemas/catalogue";
import { ApiError, call } from "../../../api";
import { catalogueAdminEndpoints } from "../../../../shared/api/catalogue-admin";
import { GuideView } from "../../catalogue/GuidePage";
import { PageFrame } from "../../../components/PageFrame";
import { BasicTab } from "./item-editor/BasicTab";
import { FormTab } from "./item-editor/FormTab";
import { GuideTab } from "./item-editor/GuideTab";
import { FeesTab } from "./item-editor/FeesTab";
import { MaterialsTab } from "./item-editor/MaterialsTab";
import { previewItem } from "./item-editor/preview-item";

type VersionView = ResponseOf<typeof catalogueAdminEndpoints.getAdminCatalogueVersionsByVersionId>;

/** The draft editor: basic information, guide, materials, form builder with live preview, guide preview. */
export function ItemEditorPage() {
  const { versionId } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [version, setVersion] = useState<VersionView | null>(null);
  const [content, setContent] = useState<ItemContent | null>(null);
  const [issues, setIssues] = useState<Array<{ path: string; message: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    call(catalogueAdminEndpoints.getAdminCatalogueVersionsByVersionId, { params: { versionId: versionId! } })
      .then((v) => {
        setVersion(v);
        setContent(v.content);
      })
      .catch((e: Error) => setError(e.message));
  }, [versionId]);

  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!version || !content) return <Spin tip={t("common.loading")} />;
  const editable = version.status === "draft";
  const patch = (fn: (c: ItemContent) => void) =>
    setContent((prev) => {
      const next = structuredClone(prev!);
      fn(next);
      return next;
    });
  const tabProps = { content, editable, patch };

  async function save() {
    setSaving(true);
    setIssues([]);
    try {
      const r = await call(catalogueAdminEndpoints.putAdminCatalogueVersionsByVersionId, { params: { versionId: versionId! }, body: { lockVersion: version!.lockVersion, content } });
      setVersion({ ...version!, lockVersion: r.lockVersion });
      message.success(t("editor.saved"));
    } catch (err) {
      if (err instanceof ApiError) {
        setIssues((err.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues ?? []);
        message.error(err.message);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageFrame title={<>{t("editor.title", { version: version.version })} · {content.name}</>} />
      {!editable && <Alert type="warning" showIcon message={t("editor.readOnly")} style={{ marginBottom: 12 }} />}
      {version.reviewComment && editable && <Alert type="error" showIcon message={`${t("editor.returned")}：${version.reviewComment}`} style={{ marginBottom: 12 }} />}
      {issues.length > 0 && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginBottom: 12 }}
          message={t("editor.fix")}
          description={<ul style={{ margin: 0 }}>{issues.map((x, i) => <li key={i}>{x.path}：{x.message}</li>)}</ul>}
        />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={save} loading={saving} disabled={!editable}>
          {t("editor.save")}
        </Button>
        <Link to={`/workbench/catalogue/items/${version.itemId}`}>{t("editor.backToVersions")}</Link>
      </Space>
      <Tabs
        items={[
          { key: "basic", label: t("editor.tabBasic"), children: <BasicTab {...tabProps} /> },
          { key: "guide", label: t("editor.tabGuide"), children: <GuideTab {...tabProps} /> },
          { key: "materials", label: t("editor.tabMaterials"), children: <MaterialsTab {...tabProps} /> },
          { key: "form", label: t("editor.tabForm"), children: <FormTab {...tabProps} /> },
          { key: "fees", label: t("editor.tabFees"), children: <FeesTab {...tabProps} /> },
          { key: "preview", label: t("editor.tabPreview"), children: <GuideView item={previewItem(version, content)} preview /> },
        ]}
      />
    </>
  );
}
