import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_TYPES, MATERIAL_FORMS, MATERIAL_MEDIA } from "../../../../../shared/catalogue";
import { DATA_ELEMENTS } from "../../../../../shared/data-elements";
import type { Material } from "../../../../../shared/schemas/catalogue";
import { ListEditor } from "../../../../components/ListEditor";
import { type EditorTabProps } from "./editor-fields";

const ELEMENT_OPTIONS = Object.entries(DATA_ELEMENTS).map(([code, v]) => ({ value: code, label: `${v.zh}（${code}）` }));

/** The materials an applicant hands in, each with its form, medium, count and source. */
export function MaterialsTab({ content, editable, patch }: EditorTabProps) {
  const { t } = useTranslation();
  const g = content.guide;
  return (
    <ListEditor<Material>
      items={g.materials}
      onChange={(v) => patch((c) => void (c.guide.materials = v))}
      create={() => ({ key: `m${g.materials.length + 1}`, name: "", form: "original", count: 1, medium: "either", source: "", requirements: "", blankForm: false, sample: false })}
      addLabel={t("editor.addMaterial")}
      title={(m, i) => m.name || `#${i + 1}`}
      render={(m, set, i) => (
        <Row gutter={12}>
          <Col xs={24} md={8}><Form.Item label={t("guide.materialName")}><Input aria-label={`${t("guide.materialName")} ${i + 1}`} value={m.name} disabled={!editable} onChange={(e) => set({ ...m, name: e.target.value })} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item label={t("editor.key")}><Input aria-label={`${t("editor.key")} ${i + 1}`} value={m.key} disabled={!editable} onChange={(e) => set({ ...m, key: e.target.value })} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item label={t("guide.materialForm")}><Select aria-label={`${t("guide.materialForm")} ${i + 1}`} value={m.form} disabled={!editable} onChange={(v) => set({ ...m, form: v })} options={Object.entries(MATERIAL_FORMS).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item label={t("guide.medium")}><Select aria-label={`${t("guide.medium")} ${i + 1}`} value={m.medium} disabled={!editable} onChange={(v) => set({ ...m, medium: v })} options={Object.entries(MATERIAL_MEDIA).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item label={t("guide.count")}><InputNumber aria-label={`${t("guide.count")} ${i + 1}`} min={1} max={20} value={m.count} disabled={!editable} onChange={(v) => set({ ...m, count: v ?? 1 })} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label={t("guide.source")}><Input aria-label={`${t("guide.source")} ${i + 1}`} value={m.source} disabled={!editable} onChange={(e) => set({ ...m, source: e.target.value })} /></Form.Item></Col>
          <Col xs={24} md={16}><Form.Item label={t("guide.requirements")}><Input aria-label={`${t("guide.requirements")} ${i + 1}`} value={m.requirements} disabled={!editable} onChange={(e) => set({ ...m, requirements: e.target.value })} /></Form.Item></Col>
          <Col xs={24} md={12}>
            <Form.Item label={t("editor.replaceableBy")}>
              <Select
                aria-label={`${t("editor.replaceableBy")} ${i + 1}`}
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!editable}
                value={m.replaceableBy ? `${m.replaceableBy.kind}:${m.replaceableBy.code}` : undefined}
                onChange={(v?: string) => {
                  const { replaceableBy: _drop, ...rest } = m;
                  if (!v) return set(rest);
                  const [kind, code] = v.split(":") as ["certificate" | "dataElement", string];
                  set({ ...rest, replaceableBy: { kind, code } });
                }}
                options={[
                  ...Object.entries(CERTIFICATE_TYPES).map(([code, name]) => ({ value: `certificate:${code}`, label: `${t("editor.certificate")}：${name}` })),
                  ...ELEMENT_OPTIONS.map((o) => ({ value: `dataElement:${o.value}`, label: `${t("editor.dataElement")}：${o.label}` })),
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t("guide.situational")}>
              <Select
                aria-label={`${t("guide.situational")} ${i + 1}`}
                allowClear
                disabled={!editable}
                value={m.situation}
                onChange={(v?: string) => {
                  const { situation: _drop, ...rest } = m;
                  set(v ? { ...rest, situation: v } : rest);
                }}
                options={g.situations.map((s) => ({ value: s.key, label: s.question }))}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
