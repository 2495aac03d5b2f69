import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, List, Radio, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import type { bundlePlanView, bundlePrefillView, bundleView } from "../../../shared/schemas/bundle";
import type { FormField } from "../../../shared/schemas/catalogue";
import { ApiError, call, fetchFile } from "../../api";
import { openDocument } from "../applications/preview-document";
import { useSigningStart } from "../signing/start-signing";
import { FileLink, UploadButton } from "../applications/MaterialUpload";
import { bundleEndpoints } from "../../../shared/api/bundle";
import { FormRenderer } from "../../components/FormRenderer";
import { PrefillNote, PrefillPanel, type ConsentState } from "../applications/PrefillPanel";
import { SelfRolePicker } from "../applications/SelfRolePicker";
import { applyRoles, withValues, type SelfRole } from "../../../shared/self-roles";
import { useSession } from "../../session";
import { ReductionLine } from "./BundlesPage";
import { errorMessage } from "../../components/PageFrame";

type Bundle = z.infer<typeof bundleView>;
type Plan = z.infer<typeof bundlePlanView>;
type Answers = Record<string, string | string[]>;
type Prefill = z.infer<typeof bundlePrefillView>;

/** The questions still asked, given the answers so far (a follow-up only after its answer). */
function asked(bundle: Bundle, answers: Answers) {
  const out: Bundle["questions"] = [];
  for (const q of bundle.questions) {
    if (q.askIf) {
      const parent = out.find((p) => p.key === q.askIf!.question);
      const a = parent ? answers[parent.key] : undefined;
      if (!parent || !(Array.isArray(a) ? a.includes(q.askIf.equals) : a === q.askIf.equals)) continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * 一件事: what it is and saves, the situational questions, then the plan (which services and why,
 * one set of documents) and one form for all of them, submitted once.
 */
export function BundlePage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const askToSign = useSigningStart();
  const navigate = useNavigate();
  const { me } = useSession();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [plan, setPlan] = useState<Plan | null>(null);
  const [consent, setConsent] = useState(true);
  const [delivery, setDelivery] = useState<"electronic" | "window">("electronic");
  const [busy, setBusy] = useState(false);
  const [consentState, setConsentState] = useState<ConsentState>("asked");
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [selfRoles, setSelfRoles] = useState<SelfRole[]>([]);
  // What the applicant typed: kept when a tick of 本人担任 asks for the prefill again.
  const [formValues, setFormValues] = useState<Record<string, unknown>>({});
  /** Uploads for the materials that remain, by the plan's material key. */
  const [uploads, setUploads] = useState<Record<string, Array<{ fileId: string; fileName: string }>>>({});
  /** 系统生成材料: the founder reviews what the system will generate (公司章程 …) from the one form so far. */
  function previewMaterial(materialKey: string) {
    openDocument(() => fetchFile(bundleEndpoints.postBundlesByCodeDocumentsByMaterialKeyPreview, { params: { code: code!, materialKey }, body: { answers, formData: formValues } })).catch((err: unknown) => message.error(errorMessage(err)));
  }
  const loadPrefill = (roles: SelfRole[]) => call(bundleEndpoints.postBundlesByCodePrefill, { params: { code: code! }, body: { answers, consent: true, ...(roles.length ? { selfRoles: roles } : {}) } });
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [plan]);

  useEffect(() => {
    call(bundleEndpoints.getBundlesByCode, { params: { code: code! } })
      .then(setBundle)
      .catch((e: Error) => setError(e.message));
  }, [code]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!bundle) return <Spin />;
  const questions = asked(bundle, answers);
  const complete = questions.every((q) => answers[q.key] !== undefined && (!Array.isArray(answers[q.key]) || (answers[q.key] as string[]).length > 0));
  const names = Object.fromEntries(bundle.items.map((i) => [i.key, i.name]));

  function answer(key: string, value: string | string[]) {
    // Dropping answers to follow-ups that no longer apply keeps the set consistent.
    const next = { ...answers, [key]: value };
    const still = new Set(asked(bundle!, next).map((q) => q.key));
    setAnswers(Object.fromEntries(Object.entries(next).filter(([k]) => still.has(k))));
    setPlan(null);
    setPrefill(null);
    setConsentState("asked");
  }

  async function showPlan() {
    try {
      setPlan(await call(bundleEndpoints.postBundlesByCodePlan, { params: { code: code! }, body: { answers } }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const toUpload = (plan?.materials ?? []).filter((m) => !m.generated && !(m.evidence && consent));
  const stillMissing = toUpload.filter((m) => !(uploads[m.key] ?? []).length);
  const uploadedMaterials = Object.entries(uploads).flatMap(([materialKey, files]) => files.map((f) => ({ materialKey, fileId: f.fileId })));
  async function submit(formData: Record<string, unknown>) {
    setBusy(true);
    try {
      const body = await call(bundleEndpoints.postBundlesByCodeApplications, { params: { code: code! }, body: { answers, formData, dataConsent: consent, delivery, materials: uploadedMaterials, ...(prefill ? { prefillIds: prefill.prefillIds } : {}) }, headers: { "idempotency-key": idempotencyKey } });
      // The result page shows the number and every service; no toast over it.
      navigate(`/me/bundles/${body.id}`);
    } catch (err) {
      // Another shareholder (or a legal representative who is not the founder) signs online first.
      if (askToSign(err, { kind: "bundle", bundleCode: code!, application: { answers, formData, dataConsent: consent, delivery, materials: uploadedMaterials } })) return;
      const issues = err instanceof ApiError ? ((err.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues ?? []) : [];
      message.error(err instanceof ApiError ? [err.message, ...issues.map((i) => i.message)].join("；") : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {bundle.name}
      </Typography.Title>
      <Typography.Paragraph>{bundle.summary}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <ReductionLine reduction={bundle.reduction} />
        <Typography.Text>{t("bundle.lead", { org: bundle.leadOrgName })}</Typography.Text>
      </Space>

      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("bundle.itemsTitle")}</h2>} style={{ marginBottom: 16 }}>
        <List
          dataSource={bundle.items}
          renderItem={(i) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    {i.name}
                    {i.optional && <Tag>{t("bundle.optional")}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {i.orgName}
                    {i.dependsOn.length > 0 && ` · ${t("bundle.after", { names: i.dependsOn.map((k) => names[k]).join("”“") })}`}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>

      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("bundle.questionsTitle")}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t("bundle.questionsHint")}</Typography.Paragraph>
        {questions.map((q) => (
          <fieldset key={q.key} style={{ border: 0, padding: 0, margin: "0 0 16px" }}>
            <legend style={{ fontSize: 15, fontWeight: 500, marginBottom: 8 }}>{q.text}</legend>
            {q.help && <Typography.Paragraph type="secondary">{q.help}</Typography.Paragraph>}
            {q.multiple ? (
              <Checkbox.Group value={(answers[q.key] as string[] | undefined) ?? []} onChange={(v) => answer(q.key, v as string[])} options={q.options.map((o) => ({ value: o.value, label: o.label }))} />
            ) : (
              <Radio.Group value={answers[q.key]} onChange={(e) => answer(q.key, e.target.value as string)} options={q.options.map((o) => ({ value: o.value, label: o.label }))} />
            )}
          </fieldset>
        ))}
        <Button type="primary" onClick={showPlan} disabled={!complete}>
          {t("bundle.showPlan")}
        </Button>
        {!complete && (
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            {t("bundle.answerAll")}
          </Typography.Text>
        )}
      </Card>

      {plan && (
        <>
          <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("bundle.planTitle")}</h2>} style={{ marginBottom: 16 }}>
            <div style={{ marginBottom: 12 }}>
              <ReductionLine reduction={plan.reduction} />
            </div>
            <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t("bundle.totalLimit")}>{t("bundle.days", { days: plan.reduction.bundle.days })}</Descriptions.Item>
              <Descriptions.Item label={t("bundle.visits")}>{t("bundle.visitsN", { n: plan.reduction.bundle.visits })}</Descriptions.Item>
              <Descriptions.Item label={t("bundle.fees")}>
                {plan.items.some((i) => i.included && i.fees.length)
                  ? plan.items
                      .filter((i) => i.included)
                      .flatMap((i) => i.fees.map((f) => `${i.name}：${f.name} ${f.amount}`))
                      .join("；")
                  : t("bundle.free")}
              </Descriptions.Item>
            </Descriptions>
            <List
              dataSource={plan.items}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color={i.included ? "success" : "default"}>{i.included ? t("bundle.included") : t("bundle.excluded")}</Tag>
                        <span style={i.included ? undefined : { color: "#595959" }}>{i.name}</span>
                        {i.included && <Typography.Text type="secondary">{i.orgName}</Typography.Text>}
                        {i.included && <Tag>{i.limitDays ? t("bundle.limit", { days: i.limitDays }) : t("bundle.instant")}</Tag>}
                      </Space>
                    }
                    description={i.reason + (i.included && i.waitsFor.length ? ` · ${t("bundle.after", { names: i.waitsFor.map((k) => names[k]).join("”“") })}` : "")}
                  />
                </List.Item>
              )}
            />
            <h3 style={{ fontSize: 15, marginTop: 16 }}>{t("bundle.materialsTitle")}</h3>
            {plan.materials.length === 0 && <Typography.Paragraph>{t("bundle.noMaterials")}</Typography.Paragraph>}
            <Descriptions column={1} size="small" bordered>
              {plan.materials.map((m) => (
                <Descriptions.Item key={m.key} label={m.name}>
                  <div>{m.requirements}</div>
                  {m.evidence && <Tag color="success">{consent ? t("materials.shared") : t("bundle.evidence", { what: m.evidence })}</Tag>}
                  {!m.generated && !(m.evidence && consent) && (
                    <Space wrap size={8} style={{ margin: "4px 0" }}>
                      {(uploads[m.key] ?? []).map((f) => (
                        <Space key={f.fileId} size={4}>
                          <FileLink fileId={f.fileId} fileName={f.fileName} />
                          <Button size="small" type="link" onClick={() => setUploads({ ...uploads, [m.key]: (uploads[m.key] ?? []).filter((x) => x.fileId !== f.fileId) })}>
                            {t("materials.remove")}
                          </Button>
                        </Space>
                      ))}
                      {me?.kind === "citizen" && <UploadButton label={m.name} onUploaded={(f) => setUploads({ ...uploads, [m.key]: [...(uploads[m.key] ?? []), { fileId: f.id, fileName: f.fileName }] })} />}
                    </Space>
                  )}
                  {m.generated && (
                    <Space size={8} style={{ margin: "4px 0" }}>
                      <Tag color="success">{t("guide.generated")}</Tag>
                      {me?.kind === "citizen" && (
                        <Button size="small" onClick={() => previewMaterial(m.key)} aria-label={t("guide.previewGeneratedOf", { name: m.name })}>
                          {t("guide.previewGenerated")}
                        </Button>
                      )}
                    </Space>
                  )}
                  <Typography.Text type="secondary">{t("bundle.forItems", { items: m.items.join("、") })}</Typography.Text>
                </Descriptions.Item>
              ))}
            </Descriptions>
            {toUpload.length > 0 && (
              <p role="status" className={stillMissing.length ? "materials-missing" : "materials-complete"} style={{ marginTop: 8 }}>
                {stillMissing.length ? t("materials.stillMissing", { count: stillMissing.length, names: stillMissing.map((m) => m.name).join("、") }) : t("materials.complete")}
              </p>
            )}
            {plan.providedByUpstream.length > 0 && (
              <ul style={{ marginTop: 12 }}>
                {plan.providedByUpstream.map((u) => (
                  <li key={`${u.item}-${u.material}`}>{t("bundle.upstream", u)}</li>
                ))}
              </ul>
            )}
          </Card>

          <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("bundle.formTitle")}</h2>}>
            {me?.kind === "citizen" ? (
              <>
              <PrefillPanel
                load={() => loadPrefill(selfRoles)}
                orgName={bundle.leadOrgName}
                state={consentState}
                onPrefill={(p) => {
                  setPrefill(p);
                  setFormValues(withValues(formValues, p.fields));
                  setConsentState("given");
                }}
                onDecline={() => setConsentState("declined")}
              />
              {consentState === "given" && (
                <SelfRolePicker
                  fields={plan.fields as unknown as FormField[]}
                  value={selfRoles}
                  onChange={async (roles) => {
                    try {
                      const p = await loadPrefill(roles);
                      // Only the roles' fields change: what the applicant typed or changed elsewhere stays.
                      setFormValues(applyRoles(formValues, plan.fields as unknown as FormField[], p.fields, selfRoles, roles));
                      setPrefill(p);
                      setSelfRoles(roles);
                    } catch (err) {
                      message.error(errorMessage(err));
                    }
                  }}
                />
              )}
              {prefill && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t("prefill.done", { n: prefill.fields.length, m: prefill.waivable.length })} />}
              <FormRenderer
                key={`${JSON.stringify(answers)}-${prefill ? Object.values(prefill.prefillIds).join() : "n"}`}
                fields={plan.fields as unknown as FormField[]}
                initialValues={formValues}
                onChange={setFormValues}
                locked={new Set(prefill?.fields.filter((f) => f.authoritative).map((f) => f.key) ?? [])}
                notes={Object.fromEntries((prefill?.fields ?? []).map((f) => [f.key, <PrefillNote key={f.key} field={f} />]))}
                onSubmit={busy ? undefined : submit}
                submitText={t("bundle.submit")}
                extra={
                  <Space direction="vertical" style={{ marginBottom: 16 }}>
                    <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
                      {t("bundle.consent")}
                    </Checkbox>
                    <div>
                      <div id="delivery-label" style={{ marginBottom: 4 }}>
                        {t("bundle.delivery")}
                      </div>
                      <Radio.Group
                        aria-labelledby="delivery-label"
                        value={delivery}
                        onChange={(e) => setDelivery(e.target.value as "electronic" | "window")}
                        options={[
                          { value: "electronic", label: t("bundle.delivery_electronic") },
                          { value: "window", label: t("bundle.delivery_window") },
                        ]}
                      />
                    </div>
                  </Space>
                }
              />
              </>
            ) : (
              <>
                <FormRenderer fields={plan.fields as unknown as FormField[]} disabled />
                <Link to={`/login?next=/bundles/${code}`}>
                  <Button type="primary">{t("bundle.loginToApply")}</Button>
                </Link>
              </>
            )}
          </Card>
        </>
      )}
    </article>
  );
}
