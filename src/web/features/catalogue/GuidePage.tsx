import { PrinterOutlined } from "@ant-design/icons";
import { Alert, App, Button, Select, Spin, Tag } from "antd";
import { Suspense, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { ItemDetail } from "../../../shared/schemas/catalogue";
import { ApiError, call, errorMessage } from "../../api";
import { catalogueEndpoints } from "../../../shared/api/catalogue";
import { applicationEndpoints } from "../../../shared/api/applications";
import { useSession } from "../../session";
import { labels } from "../../labels";
import { chinaDate } from "../../../shared/china-time";
import { bandLines } from "../../../shared/benefit-words";
import { loginPath } from "../../components/login-path";
import { part } from "../../components/lazy-page";
import { choosePlace, placeFor, usePlace } from "./place";

/**
 * 办理地点: the same service is done by each district (or street); the person switches between them here,
 * and the choice is remembered for the next search. When the one for their own place is another, they
 * are told so.
 */
function PlaceSwitch({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const place = usePlace();
  if (item.places.length < 2) return null;
  // Only a place that really is theirs: a resident of a district without its own office is not told otherwise.
  const mine = placeFor(item.places, place);
  const go = (id: string) => {
    const target = item.places.find((p) => p.id === id);
    if (!target) return;
    choosePlace(target.regionCode);
    navigate(`/items/${id}`);
  };
  return (
    <div className="place-switch no-print">
      <label htmlFor="place-switch">{t("guide.placeLabel", { count: item.places.length })}</label>
      <Select id="place-switch" value={item.id} onChange={go} options={item.places.map((p) => ({ value: p.id, label: p.orgName }))} style={{ minWidth: 240, maxWidth: "100%" }} showSearch optionFilterProp="label" />
      {mine && mine.id !== item.id && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          message={t("guide.placeYours", { org: mine.orgName })}
          action={
            <Button size="small" onClick={() => go(mine.id)}>
              {t("guide.placeSwitch")}
            </Button>
          }
        />
      )}
    </div>
  );
}

const ApplyPanel = part(() => import("../applications/ApplyPanel"), "ApplyPanel");
const FormPreview = part(() => import("../applications/ApplyPanel"), "FormPreview");

/** Catalogue content (names, conditions, materials…) published in Chinese: marked so, in an English page. */
function Zh({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? <span lang="zh-CN">{children}</span> : <>{children}</>;
}

function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`guide-section ${className ?? ""}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** 办事指南: what a citizen needs first (how long, cost, visits, online, what to bring), the one action, then the detail; codes and legal basis last. */
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
  const canApply = !preview && me?.kind === "citizen";
  const anonymous = !preview && !me;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const here = `/items/${item.id}`;
  const signIn = (then: string) => navigate(loginPath("/login", then));
  const book = () => {
    const to = `/me/appointments?itemId=${item.id}&itemName=${encodeURIComponent(item.content.name)}`;
    if (!me) return signIn(to);
    if (!canApply) return message.info(t("guide.citizensApply"));
    navigate(to);
  };
  const applyOnline = () => {
    if (!me) return signIn(`${here}?apply=1`);
    if (!canApply) return message.info(t("guide.citizensApply"));
    document.getElementById("apply-title")?.focus();
  };
  // Back from signing in to apply: straight to the form.
  useEffect(() => {
    if (canApply && params.get("apply")) document.getElementById("apply-title")?.focus();
  }, [canApply, params]);
  const [oneClickBusy, setOneClickBusy] = useState(false);
  // One key per visit: a retried 一键申请 never makes a second application.
  const [oneClickKey] = useState(() => crypto.randomUUID());
  /** 一键申请: consent once, submitted from the government's data; if something must be typed, the form says what. */
  async function oneClick() {
    setOneClickBusy(true);
    try {
      const body = await call(applicationEndpoints.oneClick, { params: { id: item.id }, body: { consent: true }, headers: { "idempotency-key": oneClickKey } });
      message.success(t(body.outcome === "approved" ? "oneclick.approved" : "oneclick.done", { number: body.number }));
      navigate(`/me/applications/${body.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === "ONE_CLICK_INCOMPLETE") {
        message.warning(t("oneclick.incomplete", { fields: ((err.details as { fields?: string[] } | undefined)?.fields ?? []).join("、") }));
        document.getElementById("apply-title")?.focus();
      } else message.error(errorMessage(err));
    } finally {
      setOneClickBusy(false);
    }
  }
  const waivable = g.materials.filter((m) => m.replaceableBy || m.generatedFrom).length;
  const limit = g.committedLimitDays === null ? t("guide.noLimit") : g.committedLimitDays === 0 ? t("guide.immediate") : t("guide.workingDaysN", { count: g.committedLimitDays });
  const facts: Array<[string, ReactNode]> = [
    [t("guide.factTime"), limit],
    [t("guide.factCost"), g.free ? t("guide.free") : g.fees.map((f) => `${f.name} ${f.amount}`).join("；")],
    [t("guide.factVisits"), g.visits === 0 ? t("guide.noVisit") : t("guide.visitsN", { count: g.visits })],
    [t("guide.factOnline"), l.depth(g.onlineDepth)],
    [t("guide.factMaterials"), waivable > 0 ? t("guide.materialsWaivable", { count: g.materials.length, waivable }) : t("guide.materialsN", { count: g.materials.length })],
    [t("guide.factWhere"), item.orgName],
    ...(g.promise ? ([[t("guide.factPromise"), t("guide.promiseYes")]] as Array<[string, ReactNode]>) : []),
  ];
  const benefit = item.content.benefit;
  if (benefit) {
    const amounts = benefit.bands.map((b) => b.amount);
    const [min, max] = [Math.min(...amounts), Math.max(...amounts)];
    facts.splice(1, 0, [t("guide.factBenefit"), t(min === max ? "guide.benefitOne" : "guide.benefitRange", { period: t(`guide.period_${benefit.period}`), min, max, count: benefit.bands.length })]);
  }

  return (
    <article className="guide">
      <h1 className="guide-title">
        <Zh>{item.content.name}</Zh>
      </h1>
      {i18n.language === "en" && <Alert type="info" showIcon className="no-print" style={{ marginBottom: 12 }} message={t("guide.chineseOnly")} />}
      <p>
        <Zh>{item.content.summary}</Zh>
      </p>
      {preview && <Alert type="info" showIcon message={t("guide.previewNote")} style={{ marginBottom: 16 }} />}
      {!preview && <PlaceSwitch item={item} />}
      <dl className="key-facts" aria-label={t("guide.keyFacts")}>
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {canApply && (
        <Alert
          className="no-print"
          type={params.get("oneclick") ? "success" : "info"}
          showIcon
          style={{ marginBottom: 16 }}
          message={<strong>{params.get("oneclick") ? t("oneclick.invited") : t("oneclick.title")}</strong>}
          description={
            <>
              <p>{t("oneclick.intro")}</p>
              <Button type="primary" size="large" loading={oneClickBusy} onClick={() => void oneClick()}>
                {t("oneclick.button")}
              </Button>
            </>
          }
        />
      )}
      <div className="action-row no-print">
        <Button type={canApply ? "default" : "primary"} size="large" onClick={applyOnline}>
          {t("guide.applyOnline")}
        </Button>
        <Button size="large" onClick={book}>
          {t("guide.bookWindow")}
        </Button>
        <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("guide.print")}
        </Button>
      </div>
      {anonymous && <p className="no-print">{t("guide.loginHint")}</p>}

      <Section id="conditions" title={t("guide.conditions")}>
        <ol>
          {g.conditions.map((c, i) => (
            <li key={i}>
              <Zh>{c}</Zh>
            </li>
          ))}
        </ol>
        {item.content.holdingLimit && <p>{t("guide.holdingLimit", { limit: l.holdingLimit(item.content.holdingLimit) })}</p>}
      </Section>

      <Section id="materials" title={t("guide.materials")}>
        {waivable > 0 && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t("guide.waivableCount", { n: waivable })} />}
        {g.materials.length === 0 ? (
          <p>{t("guide.noMaterials")}</p>
        ) : (
          <ul className="material-list">
            {g.materials.map((m) => (
              <li key={m.key}>
                <div className="material-name">
                  <strong>
                    <Zh>{m.name}</Zh>
                  </strong>
                  {m.situation && <Tag>{t("guide.situational")}</Tag>}
                  {m.replaceableBy && <Tag color="success">{t("guide.waivedBy", { what: l.replaceable(m.replaceableBy.kind, m.replaceableBy.code) })}</Tag>}
                  {m.generatedFrom && <Tag color="success">{t("guide.generated")}</Tag>}
                </div>
                <div className="material-meta">
                  {l.materialForm(m.form)} · {t("guide.copies", { count: m.count })} · {l.medium(m.medium)}
                  {m.source ? ` · ${t("guide.source")}：${m.source}` : ""}
                </div>
                {m.requirements && (
                  <div className="material-meta">
                    {t("guide.requirements")}：<Zh>{m.requirements}</Zh>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {g.situations.length > 0 && (
          <p>
            {t("guide.situations")}：{g.situations.map((s) => s.question).join("；")}
          </p>
        )}
      </Section>

      <Section id="process" title={t("guide.process")}>
        <ol className="step-list">
          {g.steps.map((s, i) => (
            <li key={i}>
              <strong>
                <Zh>{s.name}</Zh>
              </strong>
              <span className="material-meta">
                {" "}
                {t("guide.daysN", { count: s.days })}
                {s.countedInLimit ? "" : `（${t("guide.notCounted")}）`}
              </span>
            </li>
          ))}
        </ol>
        <dl className="plain-facts">
          <dt>{t("guide.committedLimit")}</dt>
          <dd>{limit}</dd>
          <dt>{t("guide.legalLimit")}</dt>
          <dd>{g.legalLimitDays === null ? t("guide.noLimit") : t("guide.workingDaysN", { count: g.legalLimitDays })}</dd>
        </dl>
      </Section>

      <Section id="fees" title={t("guide.fees")}>
        {g.free ? (
          <p>{t("guide.free")}</p>
        ) : (
          <ul>
            {g.fees.map((f, i) => (
              <li key={i}>
                {f.name}：{f.amount}（{t("guide.feeBasis")}：{f.basis}）
              </li>
            ))}
          </ul>
        )}
      </Section>

      {benefit && (
        <Section id="benefit" title={t("guide.benefit")}>
          <ul>
            {bandLines(benefit, i18n.language === "en" ? "en" : "zh").map((line) => (
              <li key={line}>
                <Zh>{line}</Zh>
              </li>
            ))}
          </ul>
          <p>{t(`guide.benefitPaid_${benefit.period}`, { day: benefit.payDay, payTo: benefit.payTo })}</p>
        </Section>
      )}

      <Section id="where" title={t("guide.where")}>
        <dl className="plain-facts">
          <dt>{t("guide.location")}</dt>
          <dd>
            <Zh>{g.location || "—"}</Zh>
          </dd>
          <dt>{t("guide.hours")}</dt>
          <dd>
            <Zh>{g.hours || "—"}</Zh>
          </dd>
          <dt>{t("guide.channels")}</dt>
          <dd>{g.channels.map(l.channel).join("、")}</dd>
          <dt>{t("guide.scope")}</dt>
          <dd>{g.scope.length ? g.scope.map(l.scope).join("、") : "—"}</dd>
          <dt>{t("guide.consult")}</dt>
          <dd>{g.consultPhone ? <a href={`tel:${g.consultPhone}`}>{g.consultPhone}</a> : "—"}</dd>
          <dt>{t("guide.complaint")}</dt>
          <dd>{g.complaintPhone ? <a href={`tel:${g.complaintPhone}`}>{g.complaintPhone}</a> : "—"}</dd>
        </dl>
      </Section>

      <Section id="faq" title={t("guide.faq")}>
        {g.faq.length === 0 ? (
          <p>{t("guide.noFaq")}</p>
        ) : (
          <dl style={{ margin: 0 }}>
            {g.faq.map((f, i) => (
              <div key={i} style={{ marginBottom: 8 }}>
                <dt style={{ fontWeight: 600 }} lang="zh-CN">
                  问：{f.q}
                </dt>
                <dd style={{ margin: 0 }} lang="zh-CN">
                  答：{f.a}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Section>

      <Section id="policies" title={t("guide.policies")}>
        {item.policies.length === 0 ? (
          <p>{t("guide.noPolicies")}</p>
        ) : (
          <ul>
            {item.policies.map((p) => (
              <li key={p.id}>
                <Link to={`/policies/${p.id}`}>{p.title}</Link>（{p.docNumber}）{p.status !== "valid" && <Tag>{l.policyStatus(p.status)}</Tag>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <section className="guide-section no-print" id="apply" aria-labelledby="apply-title">
        <h2 id="apply-title" tabIndex={-1}>
          {canApply ? t("guide.applyTitle") : t("guide.form")}
        </h2>
        {anonymous ? (
          <>
            <p>{t("guide.loginToApplyHint")}</p>
            {item.content.form.fields.length > 0 && (
              <>
                <p>{t("guide.formAsks", { count: item.content.form.fields.length })}</p>
                <ul className="form-asks">
                  {item.content.form.fields.map((f) => (
                    <li key={f.key}>
                      {f.label}
                      {f.required ? "" : t("guide.optional")}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Link className="button-link" to={loginPath("/login", `${here}?apply=1`)}>
              {t("guide.loginToApply")}
            </Link>
          </>
        ) : (
          <Suspense fallback={<Spin tip={t("common.loading")} />}>{canApply ? <ApplyPanel item={item} /> : <FormPreview item={item} />}</Suspense>
        )}
      </section>

      <Section id="basic" title={t("guide.basic")} className="guide-record">
        <dl className="plain-facts">
          <dt>{t("guide.department")}</dt>
          <dd>{item.departmentName}</dd>
          <dt>{t("guide.implementingOrg")}</dt>
          <dd>{item.orgName}</dd>
          <dt>{t("guide.kind")}</dt>
          <dd>{l.kind(item.kind)}</dd>
          <dt>{t("guide.level")}</dt>
          <dd>{l.level(item.level)}</dd>
          <dt>{t("guide.audience")}</dt>
          <dd>{item.audiences.map((a) => (a === "person" ? t("nav.personal") : t("nav.enterprise"))).join("、")}</dd>
          <dt>{t("guide.setting")}</dt>
          <dd>{g.legalBasisSetting}</dd>
          <dt>{t("guide.implementing")}</dt>
          <dd>{g.legalBasisImplementing}</dd>
          <dt>{t("guide.basicCode")}</dt>
          <dd>{item.basicCode}</dd>
          <dt>{t("guide.implCode")}</dt>
          <dd>{item.implCode}</dd>
          <dt>{t("guide.version")}</dt>
          <dd>
            v{item.version}
            {item.publishedAt ? ` · ${chinaDate(item.publishedAt)}` : ""}
          </dd>
        </dl>
      </Section>
    </article>
  );
}
