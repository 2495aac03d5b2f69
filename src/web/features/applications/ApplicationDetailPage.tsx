import { FilePdfOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Image, Input, Modal, Row, Select, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ItemDetail } from "../../../shared/schemas/catalogue";
import { inLang, LIGHT_COLOR } from "../../labels";
import { REGISTRIES, type Registry } from "../../../shared/registries";
import { ApiError, call } from "../../api";
import { catalogueEndpoints } from "../../../shared/api/catalogue";
import { applicationEndpoints as api } from "../../../shared/api/applications";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { FormRenderer } from "../../components/FormRenderer";
import { BenefitResult } from "../../components/BenefitResult";
import { PaymentCard, PayoutList } from "../payments/PaymentCard";
import { DeliveryCard } from "../delivery/DeliveryCard";
import { MaterialUpload, type MaterialValue } from "./MaterialUpload";
import { InviteRating, RateApplication } from "../ratings/RateService";
import { useSession } from "../../session";
import { chinaDate, chinaDateTime } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";
import { useWorkflowWords } from "../../workflow-words";
import { StaffActionBar, SupplementNotice, supplementTemplates, useNextCase } from "./CaseWork";

type Detail = ResponseOf<typeof api.get>;


/** The uploaded materials: images shown as thumbnails, PDFs opened in place; staff reads are audited by the server. */
function MaterialsCard({ materials }: { materials: Detail["materials"] }) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<Detail["materials"][number] | null>(null);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("materials.title")}</h2>} style={{ marginBottom: 16 }}>
      {materials.length === 0 ? (
        <Typography.Text type="secondary">{t("appd.noMaterials")}</Typography.Text>
      ) : (
        <Space wrap align="start" size={16}>
          {materials.map((m) => (
            <figure key={m.fileId} style={{ margin: 0, width: 180 }}>
              {m.mime.startsWith("image/") ? (
                <Image src={`/api/v1/files/${m.fileId}?preview=1`} alt={m.materialName ?? m.fileName} width={180} height={120} style={{ objectFit: "cover" }} />
              ) : (
                <Button icon={<FilePdfOutlined />} onClick={() => setPdf(m)} style={{ width: 180, height: 120 }}>
                  PDF
                </Button>
              )}
              <figcaption style={{ fontSize: 12 }}>
                {m.materialName ?? m.fileName}
                <br />
                <Typography.Link href={`/api/v1/files/${m.fileId}?download=1`}>{m.fileName}</Typography.Link>
              </figcaption>
            </figure>
          ))}
        </Space>
      )}
      <Modal open={pdf !== null} title={pdf?.materialName ?? pdf?.fileName} width={900} footer={null} onCancel={() => setPdf(null)} destroyOnClose>
        {pdf && <iframe title={pdf.fileName} src={`/api/v1/files/${pdf.fileId}?preview=1`} style={{ width: "100%", height: "70vh", border: 0 }} />}
      </Modal>
    </Card>
  );
}

/** 系统生成材料: the documents generated from the form and sealed, opened in place or downloaded. */
function GeneratedCard({ app }: { app: Detail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Detail["generated"][number] | null>(null);
  if (!app.generated.length) return null;
  const url = (g: Detail["generated"][number], how: "preview" | "download") => `/api/v1/applications/${app.id}/generated/${g.materialKey}?${how}=1`;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appd.generated", { n: app.generated.length })}</h2>} style={{ marginBottom: 16 }}>
      <p>{t("appd.generatedHint")}</p>
      <ul className="generated-documents" style={{ paddingLeft: 0, listStyle: "none", margin: 0 }}>
        {app.generated.map((g) => (
          <li key={g.materialKey} style={{ marginBottom: 8 }}>
            {g.sha256 ? <Tag color="success">{t("appd.generatedTag")}</Tag> : <Tag color="processing">{t("appd.generatingTag")}</Tag>}
            <span lang="zh-CN">{g.materialName}</span>{" "}
            <Button size="small" icon={<FilePdfOutlined />} onClick={() => setOpen(g)} aria-label={t("appd.viewOf", { name: g.materialName })}>
              {t("appd.view")}
            </Button>{" "}
            <Typography.Link href={url(g, "download")} style={{ textDecoration: "underline" }}>{t("appd.download")}</Typography.Link>
          </li>
        ))}
      </ul>
      <Modal open={open !== null} title={open?.materialName} width={900} footer={null} onCancel={() => setOpen(null)} destroyOnClose>
        {open && <iframe title={open.fileName} src={url(open, "preview")} style={{ width: "100%", height: "70vh", border: 0 }} />}
      </Modal>
    </Card>
  );
}

/** Claim for oneself, or (supervisors and approvers) assign to a colleague who may take the step. */
function AssignmentControls({ app, onDone }: { app: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const [options, setOptions] = useState<Array<{ value: string; label: string }> | null>(null);
  const lead = me?.roles.some((r) => r === "supervisor" || r === "approver");
  useEffect(() => {
    if (lead) call(api.assignees, { params: { id: app.id } }).then((r) => setOptions(r.items.map((i) => ({ value: i.accountId, label: `${i.name}（${i.orgName}）` }))), () => setOptions(null));
  }, [app.id, app.lockVersion, lead]);
  async function assign(assigneeAccountId: string | null) {
    try {
      await call(api.assign, { params: { id: app.id }, body: { assigneeAccountId, lockVersion: app.lockVersion } });
      message.success(t("appd.done"));
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  if (app.outcome !== null) return null;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {app.actions.length > 0 && !app.assigneeName && <Button onClick={() => void assign(null)}>{t("inbox.claim")}</Button>}
      {options && options.length > 0 && (
        <Select aria-label={t("inbox.assign")} placeholder={t("inbox.assign")} style={{ width: 260 }} options={options} onChange={(v: string) => void assign(v)} />
      )}
    </Space>
  );
}

/** One application for its applicant or the handling staff: deadlines, timeline, the form, and the actions open to the viewer. */
export function ApplicationDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const word = useWorkflowWords();
  const { me } = useSession();
  const { message } = App.useApp();
  const [app, setApp] = useState<Detail | null>(null);
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState<Detail["actions"][number] | null>(null);
  const [opinion, setOpinion] = useState("");
  const [items, setItems] = useState<string[]>([]);
  const [newMaterials, setNewMaterials] = useState<MaterialValue[]>([]);
  const [done, setDone] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);
  const next = useNextCase(id!);
  useEffect(() => setDone(false), [id]);
  useEffect(() => {
    if (done) nextRef.current?.focus();
  }, [done, app]);

  const load = useCallback(() => {
    call(api.get, { params: { id: id! } })
      .then(async (a) => {
        setApp(a);
        setItem(await call(catalogueEndpoints.getCatalogueItemsById, { params: { id: a.itemId } }).catch(() => null));
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  async function act(action: string, extra: Record<string, unknown> = {}) {
    try {
      await call(api.act, { params: { id: id! }, body: { action, lockVersion: app!.lockVersion, ...(opinion.trim() ? { opinion: opinion.trim() } : {}), ...extra } });
      message.success(t("appd.done"));
      setActing(null);
      setOpinion("");
      setItems([]);
      setNewMaterials([]);
      setDone(true);
      load();
    } catch (err) {
      message.error(errorMessage(err));
      if (err instanceof ApiError && err.code === "APPLICATION_CHANGED") load();
    }
  }

  if (error) return <Alert type="error" message={error} role="alert" />;
  if (!app) return <Spin tip={t("common.loading")} />;
  const resubmit = app.actions.find((a) => a.key === "resubmit");
  const others = app.actions.filter((a) => a.key !== "resubmit");
  const lastSupplement = [...app.timeline].reverse().find((e) => e.details.supplementItems);
  const fieldOptions = (item?.content.form.fields ?? []).map((f) => ({ value: f.key, label: f.label }));
  const materialOptions = (item?.content.guide.materials ?? []).map((m) => ({ value: m.key, label: m.name }));
  const staffView = me?.kind === "staff";
  const itemName = (k: string) => fieldOptions.find((o) => o.value === k)?.label ?? materialOptions.find((o) => o.value === k)?.label ?? k;
  const templates = supplementTemplates(items.map((k) => ({ kind: materialOptions.some((o) => o.value === k) ? "material" : "field", name: itemName(k) })));
  const addTemplate = (text: string) => setOpinion((o) => (o.includes(text) ? o : `${o.trim() ? `${o.trim()}\n` : ""}${text}`));
  // What supports the application (shared evidence, generated documents, materials) and the work on it (timeline, form).
  const evidence = (
    <>
      {(app.evidence.length > 0 || app.prefilledFields > 0) && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appd.shared", { n: app.waivedMaterials })}</h2>} style={{ marginBottom: 16 }}>
          {app.prefilledFields > 0 && <p>{t("appd.prefilled", { n: app.prefilledFields })}</p>}
          {app.evidence.map((e) => (
            <div key={e.materialKey}>
              <Tag color="success">{t("appd.sharedTag")}</Tag>
              {e.identifier ? (
                <>
                  {e.materialName}：{e.typeName}（{e.number}，{e.issuerName}） <Link to={`/verify?id=${encodeURIComponent(e.identifier)}`} style={{ textDecoration: "underline" }}>{t("wallet.verify")}</Link>
                </>
              ) : (
                <>
                  {e.materialName}：{t("appd.registryEvidence", { element: e.element, source: e.source, org: e.issuerName ?? "" })}
                </>
              )}
            </div>
          ))}
        </Card>
      )}
      <GeneratedCard app={app} />
      <MaterialsCard materials={app.materials} />
    </>
  );
  const work = (
    <>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appd.timeline")}</h2>} style={{ marginBottom: 16 }}>
        <Timeline items={app.timeline.map((e) => ({ children: <><strong>{chinaDateTime(e.at)}</strong> {e.actorName}：{word(e.actionName)}{e.opinion ? `（${e.opinion}）` : ""}</> }))} />
      </Card>

      {item && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("appd.form")}</h2>}>
          <FormRenderer
            key={app.lockVersion}
            fields={item.content.form.fields}
            initialValues={app.formData}
            fieldNotes={staffView ? Object.fromEntries(app.prefilled.map((p) => [p.fieldKey, t("work.fromRegistry", { registry: inLang(i18n.language, REGISTRIES[p.registry as Registry], p.registry) })])) : undefined}
            disabled={!resubmit || me?.kind !== "citizen"}
            onSubmit={resubmit ? (formData) => act("resubmit", { formData, materials: newMaterials.map(({ materialKey, fileId }) => ({ materialKey, fileId })) }) : undefined}
            submitText={resubmit ? word(resubmit.name) : undefined}
            extra={
              resubmit && me?.kind === "citizen" && item.content.guide.materials.length > 0 ? (
                <section style={{ marginBottom: 16 }} aria-label={t("materials.title")}>
                  <MaterialUpload materials={item.content.guide.materials} value={newMaterials} onChange={setNewMaterials} highlight={lastSupplement?.details.supplementItems ?? []} />
                </section>
              ) : null
            }
          />
        </Card>
      )}
    </>
  );

  return (
    <>
      <PageFrame title={<>{item?.content.name ?? t("appd.title")} · {app.number}</>} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("apps.state")}>{word(app.stateName)}</Descriptions.Item>
        <Descriptions.Item label={t("apps.submittedAt")}>{chinaDate(app.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("guide.committedLimit")}>
          {app.committedDeadline ?? (app.deadlineBeyondCalendar ? t("appd.beyondCalendar") : "—")} {app.light && <Tag color={LIGHT_COLOR[app.light]}>{t(`apps.light_${app.light}`)}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t("guide.legalLimit")}>{app.legalDeadline ?? "—"}</Descriptions.Item>
        {app.stepDeadline && <Descriptions.Item label={t("appd.stepDeadline")}>{app.stepDeadline}</Descriptions.Item>}
        <Descriptions.Item label={t("inbox.applicant")}>{app.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t("inbox.channel")}>{t(`inbox.channel_${app.channel}`)}</Descriptions.Item>
        {me?.kind === "staff" && <Descriptions.Item label={t("inbox.assignee")}>{app.assigneeName ?? "—"}</Descriptions.Item>}
      </Descriptions>

      <PaymentCard applicationId={app.id} payer={me?.kind === "citizen"} onSettled={load} />
      {me?.kind === "staff" && <AssignmentControls app={app} onDone={load} />}
      {me?.kind === "citizen" && <RateApplication applicationId={app.id} />}
      {me?.roles.includes("window_clerk") && app.timeline.some((e) => e.action !== "submit") && (
        <div style={{ marginBottom: 16 }}>
          <InviteRating eventKind={app.outcome && app.outcome !== "withdrawn" ? "application_completed" : "application_accepted"} eventId={app.id} />
        </div>
      )}

      <Space wrap style={{ marginBottom: 16 }} aria-label={t("docs.title")}>
        {app.documents.map((d) => (
          <Link key={d} to={`/print/applications/${app.id}/${d}`}>
            <Button icon={<PrinterOutlined />}>{t(`docs.${d}`)}</Button>
          </Link>
        ))}
      </Space>

      {lastSupplement && resubmit && <SupplementNotice opinion={lastSupplement.opinion ?? ""} items={(lastSupplement.details.supplementItems ?? []).map(itemName)} />}

      {!staffView && others.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {others.map((a) => (
            <Button key={a.key} type={a.key === "withdraw" ? "default" : "primary"} danger={a.reasonRequired && !a.supplement} onClick={() => setActing(a)}>
              {word(a.name)}
            </Button>
          ))}
        </Space>
      )}

      {app.benefit && <BenefitResult benefit={app.benefit} style={{ marginBottom: 16 }} />}
      {app.benefit && <PayoutList applicationId={app.id} />}
      <DeliveryCard applicationId={app.id} />
      {app.certificates.length > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("wallet.issued")}
          description={app.certificates.map((c) => (
            <div key={c.identifier}>
              {c.typeName}（{c.number}） <Link to={`/verify?id=${encodeURIComponent(c.identifier)}`}>{t("wallet.verify")}</Link>
            </div>
          ))}
        />
      )}
      {staffView ? (
        // The form on the left, what supports it beside it: shared certificates and registry values, generated documents, the materials.
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            {work}
          </Col>
          <Col xs={24} lg={10}>
            <div className="case-evidence" tabIndex={0} role="region" aria-label={t("work.evidence")}>
              {evidence}
            </div>
          </Col>
        </Row>
      ) : (
        <>
          {evidence}
          {work}
        </>
      )}
      {staffView && <StaffActionBar ref={nextRef} actions={others} onAction={setActing} onNext={() => void next()} done={done} />}

      <Modal
        open={acting !== null}
        title={acting ? word(acting.name) : undefined}
        okText={acting ? word(acting.name) : undefined}
        okButtonProps={{ danger: !!acting && acting.reasonRequired && !acting.supplement }}
        cancelText={t("staff.cancel")}
        onCancel={() => setActing(null)}
        onOk={() => acting && act(acting.key, acting.supplement ? { supplementItems: items } : {})}
        width={acting?.supplement ? 760 : 520}
        // The keyboard lands where the work is: the list of items for a 补正, else the opinion.
        afterOpenChange={(open) => open && document.getElementById(acting?.supplement ? "supplement-items" : "opinion")?.focus()}
      >
        {acting?.supplement && (
          <>
            <label htmlFor="supplement-items">{t("appd.supplementItems")}</label>
            <Select id="supplement-items" mode="multiple" showSearch optionFilterProp="label" style={{ width: "100%", marginBottom: 12 }} value={items} onChange={setItems} options={[...fieldOptions, ...materialOptions]} />
            {templates.length > 0 && (
              <fieldset style={{ border: "none", padding: 0, margin: "0 0 12px" }}>
                <legend style={{ fontSize: 14, marginBottom: 4 }}>{t("work.templates")}</legend>
                <Space wrap size={[4, 4]}>
                  {templates.map((x) => (
                    <Button key={x} size="small" onClick={() => addTemplate(x)} aria-pressed={opinion.includes(x)} type={opinion.includes(x) ? "primary" : "default"} ghost={opinion.includes(x)}>
                      {x}
                    </Button>
                  ))}
                </Space>
              </fieldset>
            )}
          </>
        )}
        <label htmlFor="opinion">{acting?.reasonRequired ? t("appd.reasonRequired") : t("appd.opinion")}</label>
        <Input.TextArea
          id="opinion"
          rows={acting?.supplement ? 4 : 3}
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          maxLength={1000}
          aria-keyshortcuts="Control+Enter"
          onKeyDown={(e) => {
            // Ctrl+Enter (⌘+Enter) confirms without leaving the keyboard.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && acting) {
              e.preventDefault();
              void act(acting.key, acting.supplement ? { supplementItems: items } : {});
            }
          }}
        />
        <p style={{ color: "#595959", fontSize: 12, margin: "4px 0 0" }}>{t("work.confirmKey")}</p>
        {acting?.supplement && (
          <>
            <h3 style={{ fontSize: 14, marginTop: 12 }}>{t("work.preview")}</h3>
            <SupplementNotice opinion={opinion.trim()} items={items.map(itemName)} preview />
          </>
        )}
      </Modal>
    </>
  );
}
