import { PrinterOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Spin, Steps, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { ItemDetail, Material } from "../../../shared/schemas/catalogue";
import { ApiError, call } from "../../api";
import { catalogueEndpoints } from "../../../shared/api/catalogue";
import { sharingEndpoints } from "../../../shared/api/sharing";
import { applicationEndpoints } from "../../../shared/api/applications";
import { useSession } from "../../session";
import { FormRenderer } from "../../components/FormRenderer";
import { MaterialUpload, type MaterialValue } from "../applications/MaterialUpload";
import { useDraft } from "../applications/useDraft";
import { PrefillNote, PrefillPanel, type ConsentState } from "../applications/PrefillPanel";
import type { PrefillResponse } from "../../../shared/schemas/data";
import { labels } from "../../labels";
import { chinaDate, chinaTime } from "../../../shared/china-time";
import { errorMessage } from "../../components/PageFrame";

const section = (id: string, title: string) => (
  <h2 id={id} style={{ fontSize: 18, margin: 0 }}>
    {title}
  </h2>
);

/** 办事指南: every element of the published guide, printable, with the form and the governing policies. */
export function GuidePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setItem(null);
    call(catalogueEndpoints.getCatalogueItemsById, { params: { id: id! } })
      .then(setItem)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [id, i18n.language]);

  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!item) return <Spin tip={t("common.loading")} />;
  return <GuideView item={item} />;
}

/** Renders a guide: the public page, and the editor's preview of a draft. */
export function GuideView({ item, preview = false }: { item: ItemDetail; preview?: boolean }) {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const { message } = App.useApp();
  const g = item.content.guide;
  const { me } = useSession();
  const { modal } = App.useApp();
  const canApply = !preview && me?.kind === "citizen";
  const navigate = useNavigate();
  const book = () => {
    if (!me) return message.info(t("guide.loginToApply"));
    if (!canApply) return message.info(t("guide.citizensApply"));
    navigate(`/me/appointments?itemId=${item.id}&itemName=${encodeURIComponent(item.content.name)}`);
  };
  const applyOnline = () => {
    if (!me) return message.info(t("guide.loginToApply"));
    if (!canApply) return message.info(t("guide.citizensApply"));
    document.getElementById("form")?.scrollIntoView({ behavior: "smooth" });
  };
  // One key per visit: a double click or a retried request never makes a second application.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const draft = useDraft(item.id, canApply);
  const [materials, setMaterials] = useState<MaterialValue[]>([]);
  const [formValues, setFormValues] = useState<Record<string, unknown>>({});
  const [consent, setConsent] = useState<ConsentState>("asked");
  const [prefill, setPrefill] = useState<PrefillResponse | null>(null);
  function applyPrefill(p: PrefillResponse) {
    setPrefill(p);
    setConsent("given");
    const next = { ...formValues, ...Object.fromEntries(p.fields.map((f) => [f.key, f.value])) };
    setFormValues(next);
    draft.save(next, materials);
  }
  useEffect(() => {
    if (draft.draft) {
      setMaterials(draft.draft.materials);
      setFormValues(draft.draft.formData);
    }
  }, [draft.draft]);
  function changeMaterials(next: MaterialValue[]) {
    setMaterials(next);
    draft.save(formValues, next);
  }
  function changeForm(next: Record<string, unknown>) {
    setFormValues(next);
    draft.save(next, materials);
  }
  const [params] = useSearchParams();
  const [oneClickBusy, setOneClickBusy] = useState(false);
  /** 一键申请: consent once, submitted from the government's data; if something must be typed, the form says what. */
  async function oneClick() {
    if (!me) return message.info(t("guide.loginToApply"));
    if (!canApply) return message.info(t("guide.citizensApply"));
    setOneClickBusy(true);
    try {
      const body = await call(applicationEndpoints.oneClick, { params: { id: item.id }, body: { consent: true }, headers: { "idempotency-key": idempotencyKey } });
      draft.forget();
      message.success(t(body.outcome === "approved" ? "oneclick.approved" : "oneclick.done", { number: body.number }));
      navigate(`/me/applications/${body.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === "ONE_CLICK_INCOMPLETE") {
        message.warning(t("oneclick.incomplete", { fields: ((err.details as { fields?: string[] } | undefined)?.fields ?? []).join("、") }));
        document.getElementById("form")?.scrollIntoView({ behavior: "smooth" });
      } else message.error(errorMessage(err));
    } finally {
      setOneClickBusy(false);
    }
  }
  async function submit(formData: Record<string, unknown>) {
    try {
      const body = await call(applicationEndpoints.submit, {
        body: {
          itemId: item.id,
          formData,
          materials: materials.map(({ materialKey, fileId }) => ({ materialKey, fileId })),
          ...(prefill ? { prefillId: prefill.prefillId } : {}),
          dataConsent: consent === "given",
        },
        headers: { "idempotency-key": idempotencyKey },
      });
      draft.forget();
      modal.success({
        title: t("guide.receiptTitle"),
        content: (
          <div>
            <p>{t("guide.receiptNumber", { number: body.number })}</p>
            <p>{body.committedDeadline ? t("guide.receiptDeadline", { date: body.committedDeadline }) : t("guide.receiptNoDeadline")}</p>
          </div>
        ),
        okText: t("guide.receiptView"),
        onOk: () => navigate(`/print/applications/${body.id}/receipt`),
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <article className="guide">
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {item.content.name}
      </Typography.Title>
      <Typography.Paragraph>{item.content.summary}</Typography.Paragraph>
      {preview && <Alert type="info" showIcon message={t("guide.previewNote")} style={{ marginBottom: 16 }} />}
      {canApply && (
        <Alert
          className="no-print"
          type={params.get("oneclick") ? "success" : "info"}
          showIcon
          style={{ marginBottom: 16 }}
          message={<strong>{params.get("oneclick") ? t("oneclick.invited") : t("oneclick.title")}</strong>}
          description={
            <Space direction="vertical">
              <span>{t("oneclick.intro")}</span>
              <Button type="primary" loading={oneClickBusy} onClick={() => void oneClick()}>
                {t("oneclick.button")}
              </Button>
            </Space>
          }
        />
      )}
      <Space wrap className="no-print" style={{ marginBottom: 16 }}>
        <Button type={canApply ? "default" : "primary"} size="large" onClick={applyOnline}>
          {t("guide.applyOnline")}
        </Button>
        <Button size="large" onClick={book}>
          {t("guide.bookWindow")}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("guide.print")}
        </Button>
      </Space>

      <Card title={section("basic", t("guide.basic"))} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t("guide.basicCode")}>{item.basicCode}</Descriptions.Item>
          <Descriptions.Item label={t("guide.implCode")}>{item.implCode}</Descriptions.Item>
          <Descriptions.Item label={t("guide.kind")}>{l.kind(item.kind)}</Descriptions.Item>
          <Descriptions.Item label={t("guide.level")}>{l.level(item.level)}</Descriptions.Item>
          <Descriptions.Item label={t("guide.department")}>{item.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t("guide.implementingOrg")}>{item.orgName}</Descriptions.Item>
          <Descriptions.Item label={t("guide.audience")}>{item.audiences.map((a) => (a === "person" ? t("nav.personal") : t("nav.enterprise"))).join("、")}</Descriptions.Item>
          <Descriptions.Item label={t("guide.version")}>
            v{item.version}
            {item.publishedAt ? ` · ${chinaDate(item.publishedAt)}` : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("guide.setting")} span={2}>
            {g.legalBasisSetting}
          </Descriptions.Item>
          <Descriptions.Item label={t("guide.implementing")} span={2}>
            {g.legalBasisImplementing}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={section("conditions", t("guide.conditions"))} style={{ marginBottom: 16 }}>
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {g.conditions.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ol>
        {item.content.holdingLimit && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} message={t("guide.holdingLimit", { limit: l.holdingLimit(item.content.holdingLimit) })} />
        )}
      </Card>

      <Card title={section("materials", t("guide.materials"))} style={{ marginBottom: 16 }}>
        {g.materials.some((m) => m.replaceableBy) && (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t("guide.waivableCount", { n: g.materials.filter((m) => m.replaceableBy).length })} />
        )}
        <Table<Material>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={g.materials}
          columns={[
            { title: t("guide.materialName"), dataIndex: "name", render: (v: string, m) => (<>{v}{m.situation && <Tag style={{ marginLeft: 4 }}>{t("guide.situational")}</Tag>}</>) },
            { title: t("guide.materialForm"), dataIndex: "form", render: (v: string) => l.materialForm(v) },
            { title: t("guide.count"), dataIndex: "count", width: 60 },
            { title: t("guide.medium"), dataIndex: "medium", render: (v: string) => l.medium(v) },
            { title: t("guide.source"), dataIndex: "source" },
            { title: t("guide.requirements"), dataIndex: "requirements" },
            {
              title: t("guide.waivable"),
              render: (_, m) => (m.replaceableBy ? <Tag color="success">{t("guide.waivedBy", { what: l.replaceable(m.replaceableBy.kind, m.replaceableBy.code) })}</Tag> : "—"),
            },
          ]}
        />
        {g.situations.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t("guide.situations")}：{g.situations.map((s) => s.question).join("；")}
          </Typography.Paragraph>
        )}
      </Card>

      <Card title={section("process", t("guide.process"))} style={{ marginBottom: 16 }}>
        <Steps
          direction="vertical"
          size="small"
          current={-1}
          items={g.steps.map((s) => ({ title: s.name, description: `${t("guide.daysN", { count: s.days })}${s.countedInLimit ? "" : `（${t("guide.notCounted")}）`}` }))}
        />
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginTop: 12 }}>
          <Descriptions.Item label={t("guide.legalLimit")}>{g.legalLimitDays === null ? t("guide.noLimit") : t("guide.workingDaysN", { count: g.legalLimitDays })}</Descriptions.Item>
          <Descriptions.Item label={t("guide.committedLimit")}>
            {g.committedLimitDays === null ? t("guide.noLimit") : g.committedLimitDays === 0 ? t("guide.immediate") : t("guide.workingDaysN", { count: g.committedLimitDays })}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={section("fees", t("guide.fees"))} style={{ marginBottom: 16 }}>
        {g.free ? (
          <p>{t("guide.free")}</p>
        ) : (
          <List dataSource={g.fees} renderItem={(f) => <List.Item>{f.name}：{f.amount}（{t("guide.feeBasis")}：{f.basis}）</List.Item>} />
        )}
      </Card>

      <Card title={section("where", t("guide.where"))} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t("guide.location")}>{g.location || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("guide.hours")}>{g.hours || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("guide.channels")}>{g.channels.map(l.channel).join("、")}</Descriptions.Item>
          <Descriptions.Item label={t("guide.depth")}>{l.depth(g.onlineDepth)}</Descriptions.Item>
          <Descriptions.Item label={t("guide.visits")}>{t("guide.visitsN", { count: g.visits })}</Descriptions.Item>
          <Descriptions.Item label={t("guide.scope")}>{g.scope.length ? g.scope.map(l.scope).join("、") : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("guide.consult")}>{g.consultPhone || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("guide.complaint")}>{g.complaintPhone || "—"}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={section("faq", t("guide.faq"))} style={{ marginBottom: 16 }}>
        {g.faq.length === 0 ? (
          <Empty description={t("guide.noFaq")} />
        ) : (
          <dl style={{ margin: 0 }}>
            {g.faq.map((f, i) => (
              <div key={i} style={{ marginBottom: 8 }}>
                <dt style={{ fontWeight: 600 }}>问：{f.q}</dt>
                <dd style={{ margin: 0 }}>答：{f.a}</dd>
              </div>
            ))}
          </dl>
        )}
      </Card>

      <Card title={section("policies", t("guide.policies"))} style={{ marginBottom: 16 }}>
        {item.policies.length === 0 ? (
          <Empty description={t("guide.noPolicies")} />
        ) : (
          <List
            dataSource={item.policies}
            renderItem={(p) => (
              <List.Item>
                <Link to={`/policies/${p.id}`}>{p.title}</Link>（{p.docNumber}）{p.status !== "valid" && <Tag>{l.policyStatus(p.status)}</Tag>}
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={section("form", t("guide.form"))} className="no-print">
        <Typography.Paragraph>{canApply ? t("guide.formApply") : t("guide.formIntro")}</Typography.Paragraph>
        {canApply && draft.draft && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={draft.conflict ? t("guide.draftConflict") : t("guide.draftRestored")} action={<Button size="small" onClick={() => void draft.discard().then(() => { setMaterials([]); setFormValues({}); })}>{t("guide.discardDraft")}</Button>} />}
        {canApply && <PrefillPanel load={() => call(sharingEndpoints.postCatalogueItemsByIdPrefill, { params: { id: item.id }, body: { consent: true } })} orgName={item.orgName} state={consent} onPrefill={applyPrefill} onDecline={() => setConsent("declined")} />}
        {prefill && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            message={t("prefill.done", { n: prefill.fields.length, m: prefill.waivable.length })}
            description={prefill.missing.length ? t("prefill.missing", { fields: prefill.missing.map((m) => m.label).join("、") }) : undefined}
          />
        )}
        {draft.loaded ? (
          <FormRenderer
            key={`${draft.draft?.lockVersion ?? "new"}-${draft.draft ? "d" : "n"}-${prefill?.prefillId ?? ""}`}
            fields={item.content.form.fields}
            initialValues={prefill ? formValues : (draft.draft?.formData ?? {})}
            locked={new Set(prefill?.fields.filter((f) => f.authoritative).map((f) => f.key) ?? [])}
            notes={Object.fromEntries((prefill?.fields ?? []).map((f) => [f.key, <PrefillNote key={f.key} field={f} />]))}
            onChange={canApply ? changeForm : undefined}
            onSubmit={canApply ? submit : () => message.success(t("form.valid"))}
            submitText={canApply ? t("guide.submitApplication") : undefined}
            extra={
              canApply && g.materials.length > 0 ? (
                <section aria-labelledby="materials-title" style={{ marginBottom: 16 }}>
                  <h3 id="materials-title" style={{ fontSize: 15 }}>{t("guide.materialsTitle")}</h3>
                  <Typography.Paragraph type="secondary">{t("guide.materialsHint")}</Typography.Paragraph>
                  <MaterialUpload materials={g.materials} value={materials} onChange={changeMaterials} shared={Object.fromEntries((prefill?.waivable ?? []).map((w) => [w.materialKey, w.evidence]))} />
                </section>
              ) : null
            }
          />
        ) : (
          <Spin />
        )}
        {canApply && draft.savedAt && (
          <Typography.Text type="secondary" role="status">
            {t("guide.draftSaved", { time: chinaTime(draft.savedAt) })}
          </Typography.Text>
        )}
      </Card>
    </article>
  );
}
