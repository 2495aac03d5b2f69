import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ListEditor } from "../../../../components/ListEditor";
import { labels } from "../../../../labels";
import { useEditorFields, type EditorTabProps } from "./editor-fields";

/** The guide: legal basis, conditions, steps, time limits, fees, place and hours, channels. */
export function GuideTab({ content, editable, patch }: EditorTabProps) {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const g = content.guide;
  const { text, days } = useEditorFields(editable);
  return (
    <Form layout="vertical">
      {text(t("guide.setting"), g.legalBasisSetting, (v) => patch((c) => void (c.guide.legalBasisSetting = v)), true)}
      {text(t("guide.implementing"), g.legalBasisImplementing, (v) => patch((c) => void (c.guide.legalBasisImplementing = v)), true)}
      <Typography.Title level={3} style={{ fontSize: 16 }}>{t("guide.conditions")}</Typography.Title>
      <ListEditor items={g.conditions} onChange={(v) => patch((c) => void (c.guide.conditions = v))} create={() => ""} addLabel={t("editor.addCondition")} render={(x, set, i) => <Input.TextArea aria-label={`${t("guide.conditions")} ${i + 1}`} rows={2} value={x} disabled={!editable} onChange={(e) => set(e.target.value)} />} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("guide.process")}</Typography.Title>
      <ListEditor
        items={g.steps}
        onChange={(v) => patch((c) => void (c.guide.steps = v))}
        create={() => ({ name: "", days: 0, countedInLimit: true })}
        addLabel={t("editor.addStep")}
        title={(s, i) => s.name || `#${i + 1}`}
        render={(s, set, i) => (
          <Space wrap>
            <Input aria-label={`${t("editor.stepName")} ${i + 1}`} placeholder={t("editor.stepName")} value={s.name} disabled={!editable} onChange={(e) => set({ ...s, name: e.target.value })} />
            <InputNumber aria-label={`${t("editor.stepDays")} ${i + 1}`} min={0} max={365} value={s.days} disabled={!editable} onChange={(v) => set({ ...s, days: v ?? 0 })} addonAfter={t("editor.workingDays")} />
            <Checkbox checked={s.countedInLimit} disabled={!editable} onChange={(e) => set({ ...s, countedInLimit: e.target.checked })}>{t("editor.counted")}</Checkbox>
          </Space>
        )}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>{days(t("guide.legalLimit"), g.legalLimitDays, (v) => patch((c) => void (c.guide.legalLimitDays = v)))}</Col>
        <Col xs={24} md={12}>{days(t("guide.committedLimit"), g.committedLimitDays, (v) => patch((c) => void (c.guide.committedLimitDays = v)))}</Col>
      </Row>
      <Form.Item label={t("guide.free")}>
        <Switch aria-label={t("guide.free")} checked={g.free} disabled={!editable} onChange={(v) => patch((c) => void (c.guide.free = v))} />
      </Form.Item>
      {!g.free && (
        <ListEditor
          items={g.fees}
          onChange={(v) => patch((c) => void (c.guide.fees = v))}
          create={() => ({ name: "", amount: "", basis: "" })}
          addLabel={t("editor.addFee")}
          title={(f, i) => f.name || `#${i + 1}`}
          render={(f, set, i) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Input aria-label={`${t("editor.feeName")} ${i + 1}`} placeholder={t("editor.feeName")} value={f.name} disabled={!editable} onChange={(e) => set({ ...f, name: e.target.value })} />
              <Input aria-label={`${t("editor.feeAmount")} ${i + 1}`} placeholder={t("editor.feeAmount")} value={f.amount} disabled={!editable} onChange={(e) => set({ ...f, amount: e.target.value })} />
              <Input aria-label={`${t("guide.feeBasis")} ${i + 1}`} placeholder={t("guide.feeBasis")} value={f.basis} disabled={!editable} onChange={(e) => set({ ...f, basis: e.target.value })} />
            </Space>
          )}
        />
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>{text(t("guide.location"), g.location, (v) => patch((c) => void (c.guide.location = v)))}</Col>
        <Col xs={24} md={12}>{text(t("guide.hours"), g.hours, (v) => patch((c) => void (c.guide.hours = v)))}</Col>
        <Col xs={24} md={12}>{text(t("guide.consult"), g.consultPhone, (v) => patch((c) => void (c.guide.consultPhone = v)))}</Col>
        <Col xs={24} md={12}>{text(t("guide.complaint"), g.complaintPhone, (v) => patch((c) => void (c.guide.complaintPhone = v)))}</Col>
      </Row>
      <Form.Item label={t("guide.channels")}>
        <Checkbox.Group disabled={!editable} value={g.channels} onChange={(v) => patch((c) => void (c.guide.channels = v as typeof g.channels))} options={["online", "window", "post"].map((ch) => ({ value: ch, label: l.channel(ch) }))} />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item label={t("guide.depth")}>
          <Select aria-label={t("guide.depth")} style={{ minWidth: 220 }} disabled={!editable} value={g.onlineDepth} onChange={(v) => patch((c) => void (c.guide.onlineDepth = v))} options={[1, 2, 3, 4].map((d) => ({ value: d, label: l.depth(d) }))} />
        </Form.Item>
        <Form.Item label={t("guide.visits")}>
          <Select aria-label={t("guide.visits")} style={{ minWidth: 120 }} disabled={!editable} value={g.visits} onChange={(v) => patch((c) => void (c.guide.visits = v))} options={[0, 1, 2].map((d) => ({ value: d, label: t("guide.visitsN", { count: d }) }))} />
        </Form.Item>
      </Space>
      <Form.Item label={t("guide.scope")}>
        <Checkbox.Group disabled={!editable} value={g.scope} onChange={(v) => patch((c) => void (c.guide.scope = v as typeof g.scope))} options={["citywide", "cross_province"].map((s) => ({ value: s, label: l.scope(s) }))} />
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: 16 }}>{t("guide.faq")}</Typography.Title>
      <ListEditor
        items={g.faq}
        onChange={(v) => patch((c) => void (c.guide.faq = v))}
        create={() => ({ q: "", a: "" })}
        addLabel={t("editor.addFaq")}
        title={(f, i) => f.q || `#${i + 1}`}
        render={(f, set, i) => (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Input aria-label={`${t("editor.question")} ${i + 1}`} placeholder={t("editor.question")} value={f.q} disabled={!editable} onChange={(e) => set({ ...f, q: e.target.value })} />
            <Input.TextArea aria-label={`${t("editor.answer")} ${i + 1}`} placeholder={t("editor.answer")} rows={2} value={f.a} disabled={!editable} onChange={(e) => set({ ...f, a: e.target.value })} />
          </Space>
        )}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("guide.situations")}</Typography.Title>
      <ListEditor
        items={g.situations}
        onChange={(v) => patch((c) => void (c.guide.situations = v))}
        create={() => ({ key: `s${g.situations.length + 1}`, question: "" })}
        addLabel={t("editor.addSituation")}
        title={(s, i) => s.question || `#${i + 1}`}
        render={(s, set, i) => (
          <Space wrap>
            <Input aria-label={`${t("editor.key")} ${i + 1}`} placeholder={t("editor.key")} value={s.key} disabled={!editable} onChange={(e) => set({ ...s, key: e.target.value })} style={{ width: 140 }} />
            <Input aria-label={`${t("editor.question")} ${i + 1}`} placeholder={t("editor.question")} value={s.question} disabled={!editable} onChange={(e) => set({ ...s, question: e.target.value })} style={{ width: 360 }} />
          </Space>
        )}
      />
    </Form>
  );
}
