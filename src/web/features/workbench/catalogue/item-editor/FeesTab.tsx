import { Alert, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FEE_STAGES, type FeeLine, type FeeRules } from "../../../../../shared/fees";
import type { Rule } from "../../../../../shared/rules";
import { ListEditor } from "../../../../components/ListEditor";
import type { EditorTabProps } from "./editor-fields";

const yuan = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);
const fen = (yuanAmount: number | null) => Math.round((yuanAmount ?? 0) * 100);

/**
 * 收费与寄递: what the platform collects for the item (fixed, per unit of a number answer, by a chosen option),
 * the exemptions (a rule on the applicant's facts and answers, written as in 秒批), when it is paid, and the
 * postage of a posted result. Amounts are typed in yuan and kept in fen; the server checks every reference.
 */
export function FeesTab({ content, editable, patch }: EditorTabProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const rules = content.feeRules;
  const numberFields = content.form.fields.filter((f) => f.type === "number").map((f) => ({ value: f.key, label: f.label }));
  const choiceFields = content.form.fields.filter((f) => f.options?.length);
  const setRules = (fn: (r: FeeRules) => void) => patch((c) => void (c.feeRules && fn(c.feeRules)));
  return (
    <Form layout="vertical">
      <Form.Item label={t("fees.collect")} extra={t("fees.collectHint")}>
        <Switch
          aria-label={t("fees.collect")}
          checked={!!rules}
          disabled={!editable}
          onChange={(on) =>
            patch((c) => {
              c.feeRules = on ? { stage: "acceptance", payDays: 7, lines: [{ kind: "fixed", name: c.guide.fees[0]?.name || t("fees.defaultLine"), amountFen: 0 }], exemptions: [] } : undefined;
              if (on) c.guide.free = false;
            })
          }
        />
      </Form.Item>
      {rules && (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t("fees.stage")}>
                <Select aria-label={t("fees.stage")} value={rules.stage} disabled={!editable} onChange={(v) => setRules((r) => void (r.stage = v))} options={Object.entries(FEE_STAGES).map(([k, v]) => ({ value: k, label: en ? v.en : v.zh }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t("fees.payDays")}>
                <InputNumber aria-label={t("fees.payDays")} min={1} max={60} value={rules.payDays} disabled={!editable} onChange={(v) => setRules((r) => void (r.payDays = v ?? 7))} addonAfter={t("editor.workingDays")} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={3} style={{ fontSize: 16 }}>{t("fees.lines")}</Typography.Title>
          <ListEditor
            items={rules.lines}
            onChange={(v) => setRules((r) => void (r.lines = v))}
            create={(): FeeLine => ({ kind: "fixed", name: "", amountFen: 0 })}
            addLabel={t("fees.addLine")}
            title={(l, i) => l.name || `#${i + 1}`}
            render={(l, set, i) => (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Space wrap>
                  <Input aria-label={`${t("fees.lineName")} ${i + 1}`} placeholder={t("fees.lineName")} value={l.name} disabled={!editable} onChange={(e) => set({ ...l, name: e.target.value })} />
                  <Select
                    aria-label={`${t("fees.kind")} ${i + 1}`}
                    style={{ width: 160 }}
                    value={l.kind}
                    disabled={!editable}
                    onChange={(kind) => set(kind === "fixed" ? { kind, name: l.name, amountFen: 0 } : kind === "per_unit" ? { kind, name: l.name, field: numberFields[0]?.value ?? "", unitFen: 0, unit: "件", freeUnits: 0 } : { kind, name: l.name, field: choiceFields[0]?.key ?? "", amounts: {} })}
                    options={[{ value: "fixed", label: t("fees.fixed") }, { value: "per_unit", label: t("fees.perUnit") }, { value: "by_option", label: t("fees.byOption") }]}
                  />
                </Space>
                {l.kind === "fixed" && <InputNumber aria-label={`${t("fees.amount")} ${i + 1}`} min={0} step={0.01} precision={2} value={yuan(l.amountFen)} disabled={!editable} onChange={(v) => set({ ...l, amountFen: fen(v) })} addonAfter="元" />}
                {l.kind === "per_unit" && (
                  <Space wrap>
                    <Select aria-label={`${t("fees.field")} ${i + 1}`} style={{ width: 200 }} value={l.field} disabled={!editable} onChange={(v) => set({ ...l, field: v })} options={numberFields} />
                    <InputNumber aria-label={`${t("fees.unitPrice")} ${i + 1}`} min={0} step={0.01} precision={2} value={yuan(l.unitFen)} disabled={!editable} onChange={(v) => set({ ...l, unitFen: fen(v) })} addonAfter={`元/${l.unit}`} />
                    <Input aria-label={`${t("fees.unit")} ${i + 1}`} style={{ width: 80 }} value={l.unit} disabled={!editable} onChange={(e) => set({ ...l, unit: e.target.value })} />
                    <InputNumber aria-label={`${t("fees.freeUnits")} ${i + 1}`} min={0} value={l.freeUnits} disabled={!editable} onChange={(v) => set({ ...l, freeUnits: v ?? 0 })} addonBefore={t("fees.freeUnits")} />
                  </Space>
                )}
                {l.kind === "by_option" && (
                  <Space direction="vertical">
                    <Select aria-label={`${t("fees.field")} ${i + 1}`} style={{ width: 200 }} value={l.field} disabled={!editable} onChange={(v) => set({ ...l, field: v, amounts: {} })} options={choiceFields.map((f) => ({ value: f.key, label: f.label }))} />
                    {(choiceFields.find((f) => f.key === l.field)?.options ?? []).map((o) => (
                      <InputNumber key={o.value} aria-label={`${o.label} ${i + 1}`} min={0} step={0.01} precision={2} value={yuan(l.amounts[o.value] ?? 0)} disabled={!editable} onChange={(v) => set({ ...l, amounts: { ...l.amounts, [o.value]: fen(v) } })} addonBefore={o.label} addonAfter="元" />
                    ))}
                  </Space>
                )}
              </Space>
            )}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("fees.exemptions")}</Typography.Title>
          <ListEditor
            items={rules.exemptions}
            onChange={(v) => setRules((r) => void (r.exemptions = v))}
            create={() => ({ name: "", when: { fact: "person.age", op: "gte", value: 80 } as Rule, lines: [] })}
            addLabel={t("fees.addExemption")}
            title={(x, i) => x.name || `#${i + 1}`}
            render={(x, set, i) => (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Input aria-label={`${t("fees.exemptionName")} ${i + 1}`} placeholder={t("fees.exemptionName")} value={x.name} disabled={!editable} onChange={(e) => set({ ...x, name: e.target.value })} />
                <RuleText label={`${t("fees.exemptionRule")} ${i + 1}`} rule={x.when} editable={editable} onChange={(when) => set({ ...x, when })} />
                <Select mode="multiple" aria-label={`${t("fees.exemptionLines")} ${i + 1}`} placeholder={t("fees.allLines")} value={x.lines} disabled={!editable} onChange={(v) => set({ ...x, lines: v })} options={rules.lines.map((l) => ({ value: l.name, label: l.name }))} />
              </Space>
            )}
          />
        </>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("fees.postage")}</Typography.Title>
      <Form.Item label={t("fees.postage")} extra={t("fees.postageHint")}>
        <InputNumber aria-label={t("fees.postage")} min={0} step={0.01} precision={2} value={yuan(content.postage?.feeFen ?? 0)} disabled={!editable} onChange={(v) => patch((c) => void (c.postage = fen(v) > 0 ? { feeFen: fen(v) } : undefined))} addonAfter="元" />
      </Form.Item>
    </Form>
  );
}

/** A rule as JSON text (the rule language of 秒批), applied when it parses. */
function RuleText({ label, rule, editable, onChange }: { label: string; rule: Rule; editable: boolean; onChange: (r: Rule) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(JSON.stringify(rule));
  const [bad, setBad] = useState(false);
  return (
    <>
      <Input.TextArea
        aria-label={label}
        rows={2}
        value={text}
        disabled={!editable}
        style={{ fontFamily: "monospace" }}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value) as Rule);
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <Alert type="error" showIcon role="alert" message={t("fees.badRule")} />}
    </>
  );
}
