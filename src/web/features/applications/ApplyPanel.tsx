import { Alert, App, Button, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ItemDetail } from "../../../shared/schemas/catalogue";
import type { PrefillResponse } from "../../../shared/schemas/data";
import { applicationEndpoints } from "../../../shared/api/applications";
import { sharingEndpoints } from "../../../shared/api/sharing";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { chinaTime } from "../../../shared/china-time";
import { call, fetchFile } from "../../api";
import { generatedDocumentEndpoints } from "../../../shared/api/generated-document";
import { openDocument } from "./preview-document";
import { useSigningStart } from "../signing/start-signing";
import { FormRenderer } from "../../components/FormRenderer";
import { errorMessage } from "../../components/PageFrame";
import { MaterialUpload, type MaterialValue } from "./MaterialUpload";
import { PrefillNote, PrefillPanel, type ConsentState } from "./PrefillPanel";
import { SelfRolePicker } from "./SelfRolePicker";
import { applyRoles, withValues, type SelfRole } from "../../../shared/self-roles";
import { missingMaterials } from "../../../shared/required-materials";
import { useDraft } from "./useDraft";

type Receipt = ResponseOf<typeof applicationEndpoints.submit>;

/** What a citizen reads right after submitting: the number, by when, what happens next, and where to follow it. */
function Submitted({ receipt, orgName }: { receipt: Receipt; orgName: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="submitted" aria-labelledby="submitted-title">
      <h2 id="submitted-title" ref={ref} tabIndex={-1}>
        {t("guide.receiptTitle")}
      </h2>
      <p>{t("guide.receiptNumber", { number: receipt.number })}</p>
      <p>{receipt.committedDeadline ? t("guide.receiptDeadline", { date: receipt.committedDeadline }) : t("guide.receiptNoDeadline")}</p>
      <p>{t("guide.receiptNext", { org: orgName })}</p>
      <p>{t("guide.receiptNotify")}</p>
      <div className="action-row">
        <Link className="button-link" to={`/me/applications/${receipt.id}`}>
          {t("guide.receiptProgress")}
        </Link>
        <Link to={`/print/applications/${receipt.id}/receipt`}>{t("guide.receiptView")}</Link>
      </div>
    </section>
  );
}

/**
 * 在线申请 on the guide, for a signed-in citizen: consent to the government's data (授权预填), the form,
 * the materials, the server-side draft, and the submission with its receipt. Downloaded only by people
 * who apply: a guide read by everyone else does not carry the form's code.
 */
export function ApplyPanel({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const askToSign = useSigningStart();
  const g = item.content.guide;
  // One key per visit: a double click or a retried request never makes a second application.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const draft = useDraft(item.id, true);
  const [materials, setMaterials] = useState<MaterialValue[]>([]);
  const [formValues, setFormValues] = useState<Record<string, unknown>>({});
  const [consent, setConsent] = useState<ConsentState>("asked");
  const [prefill, setPrefill] = useState<PrefillResponse | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [selfRoles, setSelfRoles] = useState<SelfRole[]>([]);
  const loadPrefill = (roles: SelfRole[]) => call(sharingEndpoints.postCatalogueItemsByIdPrefill, { params: { id: item.id }, body: { consent: true, ...(roles.length ? { selfRoles: roles } : {}) } });
  function applyPrefill(p: PrefillResponse) {
    setPrefill(p);
    setConsent("given");
    const next = withValues(formValues, p.fields);
    setFormValues(next);
    draft.save(next, materials);
  }
  async function changeRoles(roles: SelfRole[]) {
    try {
      const p = await loadPrefill(roles);
      // Only the roles' fields change: what the applicant typed or changed elsewhere stays.
      const next = applyRoles(formValues, item.content.form.fields, p.fields, selfRoles, roles);
      setPrefill(p);
      setFormValues(next);
      draft.save(next, materials);
      setSelfRoles(roles);
    } catch (err) {
      message.error(errorMessage(err));
    }
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
  /** 系统生成材料: the applicant reviews what the system will generate (公司章程 …) from the answers so far. */
  function previewMaterial(materialKey: string) {
    openDocument(() => fetchFile(generatedDocumentEndpoints.postCatalogueItemsByIdDocumentsByMaterialKeyPreview, { params: { id: item.id, materialKey }, body: { formData: formValues } })).catch((err: unknown) => message.error(errorMessage(err)));
  }
  // Named before submission, not found later by a reviewer: what is still to be uploaded.
  const missing = missingMaterials(g.materials, new Set(materials.map((m) => m.materialKey)), new Set(consent === "given" ? (prefill?.waivable ?? []).map((w) => w.materialKey) : []));
  function confirmSubmit(formData: Record<string, unknown>) {
    if (!missing.length) return void submit(formData);
    const names = missing.map((m) => m.name).join("、");
    const goUpload = () => document.getElementById("materials-title")?.scrollIntoView({ block: "start" });
    // 告知承诺 where the guide allows it; otherwise the materials must be uploaded first.
    if (g.promise)
      modal.confirm({ title: t("materials.missingTitle", { count: missing.length }), content: t("materials.promiseText", { names }), okText: t("materials.promiseSubmit"), cancelText: t("materials.goUpload"), onOk: () => submit(formData, true), onCancel: goUpload });
    else modal.warning({ title: t("materials.missingTitle", { count: missing.length }), content: t("materials.missingText", { names }), okText: t("materials.goUpload"), onOk: goUpload });
  }
  async function submit(formData: Record<string, unknown>, promise = false) {
    try {
      const body = await call(applicationEndpoints.submit, {
        body: {
          itemId: item.id,
          formData,
          materials: materials.map(({ materialKey, fileId }) => ({ materialKey, fileId })),
          ...(prefill ? { prefillId: prefill.prefillId } : {}),
          dataConsent: consent === "given",
          ...(promise ? { promise: true as const } : {}),
        },
        headers: { "idempotency-key": idempotencyKey },
      });
      draft.forget();
      setReceipt(body);
    } catch (err) {
      const application = { itemId: item.id, formData, materials: materials.map(({ materialKey, fileId }) => ({ materialKey, fileId })), dataConsent: consent === "given" };
      if (!askToSign(err, { kind: "item", application })) message.error(errorMessage(err));
    }
  }

  if (receipt) return <Submitted receipt={receipt} orgName={item.orgName} />;
  return (
    <>
      <Typography.Paragraph>{t("guide.formApply")}</Typography.Paragraph>
      {draft.draft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={draft.conflict ? t("guide.draftConflict") : t("guide.draftRestored")}
          action={
            <Button size="small" onClick={() => void draft.discard().then(() => (setMaterials([]), setFormValues({})))}>
              {t("guide.discardDraft")}
            </Button>
          }
        />
      )}
      <PrefillPanel load={() => loadPrefill(selfRoles)} orgName={item.orgName} state={consent} onPrefill={applyPrefill} onDecline={() => setConsent("declined")} />
      {consent === "given" && <SelfRolePicker fields={item.content.form.fields} value={selfRoles} onChange={changeRoles} />}
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
          onChange={changeForm}
          onSubmit={confirmSubmit}
          submitText={t("guide.submitApplication")}
          extra={
            g.materials.length > 0 ? (
              <section aria-labelledby="materials-title" style={{ marginBottom: 16 }}>
                <h3 id="materials-title" style={{ fontSize: 15 }}>
                  {t("guide.materialsTitle")}
                </h3>
                <Typography.Paragraph type="secondary">{t("guide.materialsHint")}</Typography.Paragraph>
                <MaterialUpload materials={g.materials} value={materials} onChange={changeMaterials} shared={Object.fromEntries((prefill?.waivable ?? []).map((w) => [w.materialKey, w.evidence]))} preview={(m) => previewMaterial(m.key)} />
                <p role="status" className={missing.length ? "materials-missing" : "materials-complete"}>
                  {missing.length ? t("materials.stillMissing", { count: missing.length, names: missing.map((m) => m.name).join("、") }) : t("materials.complete")}
                </p>
              </section>
            ) : null
          }
        />
      ) : (
        <Spin />
      )}
      {draft.savedAt && (
        <Typography.Text type="secondary" role="status">
          {t("guide.draftSaved", { time: chinaTime(draft.savedAt) })}
        </Typography.Text>
      )}
    </>
  );
}

/** The form as staff and the catalogue's editors see it: try it out, with the data element each field is bound to. */
export function FormPreview({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <>
      <Typography.Paragraph>{t("guide.formIntro")}</Typography.Paragraph>
      <FormRenderer fields={item.content.form.fields} showBindings onSubmit={() => message.success(t("form.valid"))} />
    </>
  );
}
