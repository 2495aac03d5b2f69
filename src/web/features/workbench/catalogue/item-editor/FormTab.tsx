import { Checkbox, Col, Form, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { FIELD_TYPE_CODES, FIELD_TYPES } from "../../../../../shared/catalogue";
import { DATA_ELEMENTS } from "../../../../../shared/data-elements";
import type { FormField } from "../../../../../shared/schemas/catalogue";
import { FormRenderer } from "../../../../components/FormRenderer";
import { ListEditor } from "../../../../components/ListEditor";
import { App } from "antd";
import { type EditorTabProps } from "./editor-fields";

const ELEMENT_OPTIONS = Object.entries(DATA_ELEMENTS).map(([code, v]) => ({ value: code, label: `${v.zh}（${code}）` }));

/** The form builder: fields bound to data elements, with a live preview of the form as applicants see it. */
export function FormTab({ content, editable, patch }: EditorTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fields = content.form.fields;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <ListEditor<FormField>
          items={fields}
          onChange={(v) => patch((c) => void (c.form.fields = v))}
          create={() => ({ key: `field${fields.length + 1}`, label: t("editor.newField"), type: "text", required: false }) as FormField}
          addLabel={t("editor.addField")}
          title={(f) => `${f.label}（${FIELD_TYPES[f.type]}）`}
          render={(f, set, i) => (
            <Row gutter={8}>
              <Col xs={24} md={12}><Form.Item label={t("editor.fieldLabel")}><Input aria-label={`${t("editor.fieldLabel")} ${i + 1}`} value={f.label} disabled={!editable} onChange={(e) => set({ ...f, label: e.target.value })} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item label={t("editor.key")}><Input aria-label={`${t("editor.key")} ${i + 1}`} value={f.key} disabled={!editable} onChange={(e) => set({ ...f, key: e.target.value })} /></Form.Item></Col>
              <Col xs={12} md={8}>
                <Form.Item label={t("editor.fieldType")}>
                  <Select
                    aria-label={`${t("editor.fieldType")} ${i + 1}`}
                    value={f.type}
                    disabled={!editable}
                    onChange={(type) => set((type === "table" ? { ...f, type, columns: [{ key: "col1", label: t("editor.column"), type: "text", required: false }] } : { ...f, type }) as FormField)}
                    options={FIELD_TYPE_CODES.map((c) => ({ value: c, label: FIELD_TYPES[c] }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}><Form.Item label={t("editor.required")}><Checkbox aria-label={`${t("editor.required")} ${i + 1}`} checked={f.required} disabled={!editable} onChange={(e) => set({ ...f, required: e.target.checked })} /></Form.Item></Col>
              <Col xs={24} md={12}>
                <Form.Item label={t("editor.dataElement")}>
                  <Select
                    aria-label={`${t("editor.dataElement")} ${i + 1}`}
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    disabled={!editable}
                    value={f.dataElement}
                    onChange={(v?: string) => {
                      const { dataElement: _drop, ...rest } = f;
                      set((v ? { ...rest, dataElement: v } : rest) as FormField);
                    }}
                    options={ELEMENT_OPTIONS}
                  />
                </Form.Item>
              </Col>
              {f.type === "choice" && (
                <Col span={24}>
                  <Form.Item label={t("editor.options")} extra={t("editor.optionsHelp")}>
                    <Input.TextArea
                      aria-label={`${t("editor.options")} ${i + 1}`}
                      rows={3}
                      disabled={!editable}
                      value={(f.options ?? []).map((o) => `${o.value}=${o.label}`).join("\n")}
                      onChange={(e) =>
                        set({
                          ...f,
                          options: e.target.value
                            .split("\n")
                            .filter((line) => line.trim())
                            .map((line) => {
                              const [value, ...label] = line.split("=");
                              return { value: value!.trim(), label: (label.join("=") || value!).trim() };
                            }),
                        })
                      }
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={12} md={12}>
                <Form.Item label={t("editor.visibleIf")}>
                  <Select
                    aria-label={`${t("editor.visibleIf")} ${i + 1}`}
                    allowClear
                    disabled={!editable}
                    value={f.visibleIf?.field}
                    onChange={(v?: string) => {
                      const { visibleIf: _drop, ...rest } = f;
                      set((v ? { ...rest, visibleIf: { field: v, equals: f.visibleIf?.equals ?? "" } } : rest) as FormField);
                    }}
                    options={fields.filter((o) => o.key !== f.key).map((o) => ({ value: o.key, label: o.label }))}
                  />
                </Form.Item>
              </Col>
              {f.visibleIf && (
                <Col xs={12} md={12}>
                  <Form.Item label={t("editor.equals")}>
                    <Input aria-label={`${t("editor.equals")} ${i + 1}`} disabled={!editable} value={String(f.visibleIf.equals)} onChange={(e) => set({ ...f, visibleIf: { field: f.visibleIf!.field, equals: e.target.value } })} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
        />
      </Col>
      <Col xs={24} lg={11}>
        <Typography.Title level={3} style={{ fontSize: 16 }}>{t("editor.livePreview")}</Typography.Title>
        <div aria-live="polite">
          <FormRenderer key={JSON.stringify(fields)} fields={fields} showBindings onSubmit={() => message.success(t("form.valid"))} />
        </div>
      </Col>
    </Row>
  );
}
