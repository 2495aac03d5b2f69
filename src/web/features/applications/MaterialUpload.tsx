import { UploadOutlined } from "@ant-design/icons";
import { App, Button, List, Space, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Material } from "../../../shared/schemas/catalogue";
import { uploadMaterial, type UploadedFile } from "../../api";
import { errorMessage } from "../../components/PageFrame";

export interface MaterialValue {
  materialKey: string;
  fileId: string;
  fileName?: string;
}

const ACCEPT = "image/jpeg,image/png,application/pdf";

/** One button that picks a file, uploads it and reports the stored file; errors are shown in Chinese. */
export function UploadButton({ label, onUploaded, disabled }: { label: string; onUploaded: (f: UploadedFile) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function pick(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      onUploaded(await uploadMaterial(file));
      message.success(t("materials.uploaded", { name: file.name }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }
  return (
    <>
      <input ref={input} type="file" accept={ACCEPT} hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void pick(e.target.files)} />
      <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} aria-label={`${t("materials.upload")}：${label}`}>
        {t("materials.upload")}
      </Button>
    </>
  );
}

/** A link that opens an uploaded file (image or PDF) in a new tab. */
export function FileLink({ fileId, fileName }: { fileId: string; fileName?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Typography.Link href={`/api/v1/files/${fileId}`} target="_blank" rel="noopener">
      {fileName ?? t("materials.view")}
    </Typography.Link>
  );
}

/** The guide's materials, each with its uploads (several files per material are allowed). */
export function MaterialUpload({
  materials,
  value,
  onChange,
  highlight = [],
  disabled,
  shared = {},
  preview,
}: {
  materials: Material[];
  value: MaterialValue[];
  onChange: (v: MaterialValue[]) => void;
  highlight?: string[];
  disabled?: boolean;
  /** Materials the government already holds (免提交), by key: what stands in for them. */
  shared?: Record<string, string>;
  /** Opens a preview of a material the system generates from the form (公司章程 …); none: no preview. */
  preview?: (m: Material) => void;
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      bordered
      dataSource={materials}
      locale={{ emptyText: t("materials.none") }}
      renderItem={(m) => {
        const files = value.filter((v) => v.materialKey === m.key);
        // A generated material needs no upload, unless a reviewer asked for it again (补正).
        const generated = !!m.generatedFrom && !highlight.includes(m.key);
        const upload = <UploadButton key="up" label={m.name} disabled={disabled} onUploaded={(f) => onChange([...value, { materialKey: m.key, fileId: f.id, fileName: f.fileName }])} />;
        const actions = generated
          ? preview
            ? [
                <Button key="preview" size="small" onClick={() => preview(m)} aria-label={t("guide.previewGeneratedOf", { name: m.name })}>
                  {t("guide.previewGenerated")}
                </Button>,
              ]
            : []
          : shared[m.key] && files.length === 0
            ? []
            : [upload];
        return (
          <List.Item actions={actions}>
            <Space direction="vertical" size={2}>
              <span>
                {m.name} {highlight.includes(m.key) && <Tag color="warning">{t("materials.toFix")}</Tag>}
                {shared[m.key] && files.length === 0 && <Tag color="success">{t("materials.shared")}</Tag>}
                {generated && <Tag color="success">{t("guide.generated")}</Tag>}
              </span>
              {shared[m.key] && files.length === 0 && (
                <Typography.Text style={{ fontSize: 12 }}>{t("materials.sharedBy", { what: shared[m.key] })}</Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.requirements}
              </Typography.Text>
              {files.map((f) => (
                <Space key={f.fileId} size={8}>
                  <FileLink fileId={f.fileId} fileName={f.fileName} />
                  {!disabled && (
                    <Button size="small" type="link" onClick={() => onChange(value.filter((v) => v.fileId !== f.fileId))}>
                      {t("materials.remove")}
                    </Button>
                  )}
                </Space>
              ))}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
