import { Checkbox, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { HOLDING_LIMIT_CODES, THEME_CODES, type HoldingLimit } from "../../../../../shared/catalogue";
import type { ItemContent } from "../../../../../shared/schemas/catalogue";
import { labels } from "../../../../labels";
import { useEditorFields, type EditorTabProps } from "./editor-fields";

/** Name, summary, audiences, themes, keywords and how often the item may be held. */
export function BasicTab({ content, editable, patch }: EditorTabProps) {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const { text } = useEditorFields(editable);
  return (
    <Form layout="vertical">
      {text(t("editor.name"), content.name, (v) => patch((c) => void (c.name = v)))}
      {text(t("editor.summary"), content.summary, (v) => patch((c) => void (c.summary = v)), true)}
      <Form.Item label={t("guide.audience")}>
        <Checkbox.Group disabled={!editable} value={content.audiences} onChange={(v) => patch((c) => void (c.audiences = v as ItemContent["audiences"]))} options={[{ value: "person", label: t("nav.personal") }, { value: "enterprise", label: t("nav.enterprise") }]} />
      </Form.Item>
      <Form.Item label={t("catalogue.theme")}>
        <Select aria-label={t("catalogue.theme")} mode="multiple" disabled={!editable} value={content.themes} onChange={(v) => patch((c) => void (c.themes = v))} options={THEME_CODES.map((th) => ({ value: th, label: l.theme(th) }))} />
      </Form.Item>
      <Form.Item label={t("editor.keywords")} extra={t("editor.keywordsHelp")}>
        <Select aria-label={t("editor.keywords")} mode="tags" disabled={!editable} value={content.keywords} onChange={(v) => patch((c) => void (c.keywords = v))} />
      </Form.Item>
      <Form.Item label={t("editor.holdingLimit")} extra={t("editor.holdingLimitHelp")}>
        <Select
          aria-label={t("editor.holdingLimit")}
          disabled={!editable}
          value={content.holdingLimit ?? "none"}
          onChange={(v: string) => patch((c) => (v === "none" ? void delete c.holdingLimit : void (c.holdingLimit = v as HoldingLimit)))}
          options={[{ value: "none", label: t("editor.holdingNone") }, ...HOLDING_LIMIT_CODES.map((code) => ({ value: code, label: l.holdingLimit(code) }))]}
        />
      </Form.Item>
    </Form>
  );
}
