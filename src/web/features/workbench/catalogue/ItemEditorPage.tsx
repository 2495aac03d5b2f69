import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Tabs, Typography } from "antd";
import type { ResponseOf } from "../../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CERTIFICATE_TYPES, FIELD_TYPE_CODES, FIELD_TYPES, HOLDING_LIMIT_CODES, LEVEL_CODES, MATERIAL_FORMS, MATERIAL_MEDIA, THEME_CODES, type HoldingLimit } from "../../../../shared/catalogue";
import { DATA_ELEMENTS } from "../../../../shared/data-elements";
import type { FormField, ItemContent, ItemDetail, Material } from "../../../../shared/schemas/catalogue";
import { ApiError, call } from "../../../api";
import { catalogueAdminEndpoints } from "../../../../shared/api/catalogue-admin";
import { FormRenderer } from "../../../components/FormRenderer";
import { ListEditor } from "../../../components/ListEditor";
import { labels } from "../../../labels";
import { GuideView } from "../../catalogue/GuidePage";

type VersionView = ResponseOf<typeof catalogueAdminEndpoints.getAdminCatalogueVersionsByVersionId>;

const ELEMENT_OPTIONS = Object.entries(DATA_ELEMENTS).map(([code, v]) => ({ value: code, label: `${v.zh}（${code}）` }));

/** The draft editor: basic information, guide, materials, form builder with live preview, guide preview. */
export function ItemEditorPage() {
  const { versionId } = useParams();
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
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
  const g = content.guide;

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

  const basic = (
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

  const guideTab = (
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

  const materialsTab = (
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

  const fields = content.form.fields;
  const formTab = (
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
          <FormRenderer key={JSON.stringify(fields)} fields={fields} onSubmit={() => message.success(t("form.valid"))} />
        </div>
      </Col>
    </Row>
  );

  const previewItem: ItemDetail = {
    id: version.itemId,
    implCode: "—",
    basicCode: "—",
    name: content.name,
    kind: "GG",
    level: LEVEL_CODES[0],
    orgName: "—",
    orgId: "",
    regionCode: "",
    audiences: content.audiences,
    themes: content.themes,
    onlineDepth: g.onlineDepth,
    visits: g.visits,
    committedLimitDays: g.committedLimitDays,
    version: version.version,
    content,
    departmentName: "—",
    legalBasis: g.legalBasisSetting,
    action: "",
    publishedAt: null,
    policies: [],
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("editor.title", { version: version.version })} · {content.name}
      </Typography.Title>
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
          { key: "basic", label: t("editor.tabBasic"), children: basic },
          { key: "guide", label: t("editor.tabGuide"), children: guideTab },
          { key: "materials", label: t("editor.tabMaterials"), children: materialsTab },
          { key: "form", label: t("editor.tabForm"), children: formTab },
          { key: "preview", label: t("editor.tabPreview"), children: <GuideView item={previewItem} preview /> },
        ]}
      />
    </>
  );
}
