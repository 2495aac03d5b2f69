import { Form, Input, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import type { ItemContent } from "../../../../../shared/schemas/catalogue";

/** What every tab of the item editor gets: the draft's content, whether it may be edited, and a way to change it. */
export interface EditorTabProps {
  content: ItemContent;
  editable: boolean;
  patch: (fn: (c: ItemContent) => void) => void;
}

/** The editor's labelled text and working-day inputs, disabled when the version is not a draft. */
export function useEditorFields(editable: boolean) {
  const { t } = useTranslation();
  const text = (label: string, value: string, set: (v: string) => void, area = false) => (
    <Form.Item label={label}>
      {area ? <Input.TextArea aria-label={label} rows={2} value={value} disabled={!editable} onChange={(e) => set(e.target.value)} /> : <Input aria-label={label} value={value} disabled={!editable} onChange={(e) => set(e.target.value)} />}
    </Form.Item>
  );
  const days = (label: string, value: number | null, set: (v: number | null) => void) => (
    <Form.Item label={label} extra={t("editor.emptyIsNone")}>
      <InputNumber aria-label={label} min={0} max={365} value={value} disabled={!editable} onChange={(v) => set(v ?? null)} />
    </Form.Item>
  );
  return { text, days };
}
