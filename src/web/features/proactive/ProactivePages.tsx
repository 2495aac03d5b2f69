import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Spin, Switch, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Rule } from "../../../shared/rules";
import { call } from "../../api";
import type { CallInput, Endpoint, ItemOf, ResponseOf } from "../../../shared/api/endpoint";
import { useEndpoint } from "../../components/useEndpoint";
import { BenefitResult } from "../../components/BenefitResult";
import { proactiveEndpoints } from "../../../shared/api/proactive";
import { autoApprovalEndpoints } from "../../../shared/api/auto-approval";
import { useSession } from "../../session";
import { chinaDate } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

/** A 免申即享 offer as its citizen sees it; staff see the same with the person's name. */
type Offer = ItemOf<typeof proactiveEndpoints.getMeBenefits>;
type StaffOffer = ItemOf<typeof proactiveEndpoints.getBenefitOffers>;
const STATUS_COLOUR: Record<Offer["status"], string> = { offered: "processing", granted: "success", declined: "default", revoked: "error" };

/** Loads a list endpoint: its items, the error to show and a reload. */
function useList<E extends Endpoint>(endpoint: E) {
  const { data, error, setError, reload } = useEndpoint(endpoint, {} as CallInput<E>);
  return { items: (data as { items: ListItem<E>[] } | null)?.items ?? null, error, setError, load: reload };
}
type ListItem<E extends Endpoint> = ResponseOf<E> extends { items: Array<infer T> } ? T : never;

/** Runs an action, showing its error; true when it succeeded. */
function useAction(setError: (e: string | null) => void) {
  return async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };
}

/** 我的待遇（免申即享）: benefits the platform found the citizen eligible for, to consent to or decline. */
export function MyBenefitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { items, error, setError, load } = useList(proactiveEndpoints.getMeBenefits);
  const act = useAction(setError);
  const respond = async (o: Offer, accept: boolean) => {
    if (await act(() => call(proactiveEndpoints.postMeBenefitsById, { params: { id: o.id }, body: { accept } }))) {
      message.success(t(accept ? "benefit.granted" : "benefit.declined"));
      load();
    }
  };
  return (
    <>
      <PageFrame title={t("benefit.title")} />
      <Typography.Paragraph type="secondary">{t("benefit.intro")}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!items ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t("benefit.empty")} />
      ) : (
        items.map((o) => (
          <Card
            key={o.id}
            style={{ marginBottom: 16 }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{o.itemName}</h2>}
            extra={<Tag color={STATUS_COLOUR[o.status]}>{t(`benefit.status_${o.status}`)}</Tag>}
          >
            <Typography.Paragraph type="secondary">
              {o.orgName} · {t(`benefit.mode_${o.mode}`)}
            </Typography.Paragraph>
            <List size="small" header={t("benefit.conditions")} dataSource={o.conditions} renderItem={(c) => <List.Item>{c}</List.Item>} />
            {o.status === "offered" && o.replyBy && <Alert type="info" showIcon message={t("benefit.replyBy", { date: o.replyBy })} style={{ marginTop: 12 }} />}
            {o.benefit ? <BenefitResult benefit={o.benefit} style={{ marginTop: 12 }} /> : o.payment && <Typography.Paragraph style={{ marginTop: 12 }}>{`${t("benefit.payment")}：${o.payment}`}</Typography.Paragraph>}
            {o.revokeReason && <Alert type="warning" showIcon message={t("benefit.revoked", { reason: o.revokeReason })} style={{ marginTop: 12 }} />}
            <Space style={{ marginTop: 12 }} wrap>
              {o.status === "offered" && o.mode === "consent" && (
                <Button type="primary" onClick={() => void respond(o, true)}>
                  {t("benefit.consent")}
                </Button>
              )}
              {o.status === "offered" && <Button onClick={() => void respond(o, false)}>{t(o.mode === "consent" ? "benefit.decline" : "benefit.objectOptOut")}</Button>}
              {o.applicationId && <Link to={`/me/applications/${o.applicationId}`}>{t("benefit.application", { number: o.applicationNumber })}</Link>}
            </Space>
          </Card>
        ))
      )}
    </>
  );
}

/** 免申即享办理情况: grants under the staff member's org; approvers and supervisors revoke with the reason. */
export function BenefitOffersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { items, error, setError, load } = useList(proactiveEndpoints.getBenefitOffers);
  const act = useAction(setError);
  const [revoking, setRevoking] = useState<StaffOffer | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <PageFrame title={t("benefit.staffTitle")} error={error} />
      <ResponsiveTable<StaffOffer>
        rowKey="id"
        loading={!items}
        dataSource={items ?? []}
        locale={{ emptyText: t("benefit.empty") }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t("benefit.person"), dataIndex: "personName" },
          { title: t("benefit.item"), dataIndex: "itemName" },
          { title: t("benefit.status"), dataIndex: "status", render: (s: Offer["status"]) => <Tag color={STATUS_COLOUR[s]}>{t(`benefit.status_${s}`)}</Tag> },
          { title: t("benefit.conditions"), dataIndex: "conditions", render: (c: string[]) => c.join("；") },
          { title: t("benefit.offeredAt"), dataIndex: "offeredAt", render: (d: string) => chinaDate(d) },
          {
            title: "",
            key: "actions",
            render: (_: unknown, o: StaffOffer) => (
              <Space>
                {o.applicationId && <Link to={`/workbench/applications/${o.applicationId}`}>{o.applicationNumber}</Link>}
                {o.status === "granted" && (
                  <Button size="small" danger onClick={() => setRevoking(o)}>
                    {t("benefit.revoke")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!revoking}
        title={t("benefit.revokeTitle")}
        okText={t("benefit.revoke")}
        okButtonProps={{ danger: true }}
        onCancel={() => setRevoking(null)}
        onOk={() =>
          form.validateFields().then(async ({ reason }) => {
            if (await act(() => call(proactiveEndpoints.postBenefitOffersByIdRevoke, { params: { id: revoking!.id }, body: { reason } }))) {
              message.success(t("benefit.revokeDone"));
              setRevoking(null);
              form.resetFields();
              load();
            }
          })
        }
      >
        <Typography.Paragraph>{revoking ? `${revoking.personName ?? ""} · ${revoking.itemName}` : ""}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t("benefit.revokeReason")} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type PolicyMatch = ItemOf<typeof proactiveEndpoints.getAdminPolicies>;
const MATCH_COLOUR = { pending: "processing", done: "success", failed: "error" } as const;

const EXAMPLE_RULE = JSON.stringify({ all: [{ fact: "enterprise.district", op: "eq", value: "310101" }, { fact: "enterprise.credit_listed", op: "eq", value: false }] }, null, 2);

/** 政策找人: the department's policies with eligibility rules and their match figures, and the form to publish one. */
export function PolicyMatchingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { items, error, setError, load } = useList(proactiveEndpoints.getAdminPolicies);
  const act = useAction(setError);
  const [form] = Form.useForm<{ docNumber: string; title: string; effectiveOn: string; fullText: string; audience: "person" | "enterprise"; rule: string; notice: string; tags?: string }>();
  async function publish(v: { docNumber: string; title: string; effectiveOn: string; fullText: string; audience: "person" | "enterprise"; rule: string; notice: string; tags?: string }) {
    let rule: Rule;
    try {
      rule = JSON.parse(v.rule) as Rule;
    } catch (e) {
      setError(t("pm.badJson", { error: (e as Error).message }));
      return;
    }
    const tags = (v.tags ?? "").split(/[,，]/).map((x) => x.trim()).filter(Boolean);
    if (await act(() => call(proactiveEndpoints.postAdminPolicies, { body: { docNumber: v.docNumber, title: v.title, effectiveOn: v.effectiveOn, fullText: v.fullText, audience: v.audience, rule, notice: v.notice, tags } }))) {
      message.success(t("pm.published"));
      form.resetFields();
      load();
    }
  }
  return (
    <>
      <PageFrame title={t("pm.title")} error={error} />
      <ResponsiveTable<PolicyMatch>
        rowKey="id"
        loading={!items}
        dataSource={items ?? []}
        locale={{ emptyText: t("pm.empty") }}
        pagination={false}
        columns={[
          { title: t("pm.docNumber"), dataIndex: "docNumber" },
          { title: t("pm.docTitle"), dataIndex: "title", render: (title: string, p: PolicyMatch) => <Link to={`/workbench/policy-matching/${p.id}`}>{title}</Link> },
          { title: t("pm.audience"), dataIndex: "audience", render: (a: string) => t(`pm.audience_${a}`) },
          { title: t("pm.status"), dataIndex: "matchStatus", render: (s: PolicyMatch["matchStatus"]) => <Tag color={MATCH_COLOUR[s]}>{t(`pm.status_${s}`)}</Tag> },
          { title: t("pm.matched"), dataIndex: "matched" },
          { title: t("pm.notified"), dataIndex: "notified" },
        ]}
      />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("pm.publish")}</h2>} style={{ marginTop: 16 }}>
        <Form form={form} layout="vertical" initialValues={{ audience: "enterprise", rule: EXAMPLE_RULE }} onFinish={(v) => void publish(v)}>
          <Space wrap align="start">
            <Form.Item name="docNumber" label={t("pm.docNumber")} rules={[{ required: true, min: 4, max: 60 }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="effectiveOn" label={t("pm.effectiveOn")} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
              <Input placeholder="2026-12-01" style={{ width: 140 }} />
            </Form.Item>
            {/* Always set (initial value); no required rule: it would put aria-required on the select's wrapper. */}
            <Form.Item name="audience" label={t("pm.audience")}>
              <Select style={{ width: 120 }} options={[{ value: "enterprise", label: t("pm.audience_enterprise") }, { value: "person", label: t("pm.audience_person") }]} />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t("pm.docTitle")} rules={[{ required: true, min: 4, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="fullText" label={t("pm.fullText")} rules={[{ required: true, min: 10, max: 20000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="rule" label={t("pm.rule")} rules={[{ required: true }]}>
            <Input.TextArea rows={6} style={{ fontFamily: "monospace" }} />
          </Form.Item>
          <Form.Item name="notice" label={t("pm.notice")} rules={[{ required: true, min: 5, max: 300 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="tags" label={t("pm.tags")}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("pm.publish")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

type MatchRow = ItemOf<typeof proactiveEndpoints.getAdminPoliciesByIdMatches>;

/** 匹配名单: the subjects one policy found, with the conditions each met (the department's view is recorded). */
export function PolicyMatchesPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [policy, setPolicy] = useState<PolicyMatch | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ResponseOf<typeof proactiveEndpoints.getAdminPoliciesByIdMatches> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(proactiveEndpoints.getAdminPoliciesById, { params: { id: id! } }).then(setPolicy, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(() => {
    call(proactiveEndpoints.getAdminPoliciesByIdMatches, { params: { id: id! }, query: { page: page } }).then(setData, (e: Error) => setError(e.message));
  }, [id, page]);
  return (
    <>
      <Link to="/workbench/policy-matching">{t("pm.back")}</Link>
      <PageFrame title={policy ? `${policy.title}（${policy.docNumber}）` : t("pm.list")} error={error} />
      {policy && (
        <Typography.Paragraph>
          {`${t("pm.matched")} ${policy.matched} · ${t("pm.notified")} ${policy.notified} · `}
          <Tag color={MATCH_COLOUR[policy.matchStatus]}>{t(`pm.status_${policy.matchStatus}`)}</Tag>
        </Typography.Paragraph>
      )}
      <ResponsiveTable<MatchRow>
        rowKey={(r) => `${r.name}-${r.district}-${r.conditions.length}`}
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: data?.pageSize ?? 50, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t("pm.name"), dataIndex: "name" },
          { title: t("pm.district"), dataIndex: "district" },
          { title: t("pm.conditions"), dataIndex: "conditions", render: (c: string[]) => c.map((x) => <div key={x}>{x}</div>) },
          { title: t("pm.notified"), dataIndex: "notified", render: (n: boolean) => (n ? t("pm.yes") : t("pm.no")) },
        ]}
      />
    </>
  );
}

type Check = ItemOf<typeof autoApprovalEndpoints.getAutoApprovalChecks>;

type RuleRow = ItemOf<typeof autoApprovalEndpoints.getAutoApprovalRules>;

/** 秒批事项: the items in the supervisor's subtree with a rule, each with its switch and how it decided. */
function AutoRules() {
  const { t } = useTranslation();
  const { items, error, setError, load } = useList(autoApprovalEndpoints.getAutoApprovalRules);
  const act = useAction(setError);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("checks.rules")}</h2>} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<RuleRow>
        rowKey="itemId"
        size="small"
        loading={!items}
        dataSource={items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t("benefit.item"), dataIndex: "itemName" },
          { title: t("checks.org"), dataIndex: "orgName" },
          { title: t("checks.rule"), dataIndex: "version", render: (v: number, r: RuleRow) => (r.tested ? v : <span>{v} <Tag color="warning">{t("checks.untested")}</Tag></span>) },
          { title: t("autoMore.grantMode"), dataIndex: "grantMode", render: (g: RuleRow["grantMode"]) => t(`autoMore.grant_${g ?? "none"}`) },
          { title: t("checks.approved"), dataIndex: "approved" },
          { title: t("checks.toPeople"), dataIndex: "toPeople" },
          {
            title: t("auto.enabled"),
            dataIndex: "enabled",
            render: (on: boolean, r: RuleRow) => <Switch checked={on} aria-label={`${t("auto.enabled")}：${r.itemName}（${r.orgName}）`} onChange={(enabled) => void act(() => call(autoApprovalEndpoints.postAdminCatalogueItemsByIdAutoApprovalEnabled, { params: { id: r.itemId }, body: { enabled } })).then(load)} />,
          },
        ]}
      />
    </Card>
  );
}

/** 秒批抽检: the items with a rule (supervisors switch them), and sampled automatic approvals to confirm or flag. */
export function AutoChecksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const { items, error, setError, load } = useList(autoApprovalEndpoints.getAutoApprovalChecks);
  const act = useAction(setError);
  const [flagging, setFlagging] = useState<Check | null>(null);
  const [note, setNote] = useState("");
  const decide = async (c: Check, status: "confirmed" | "flagged") => {
    if (await act(() => call(autoApprovalEndpoints.postAutoApprovalChecksById, { params: { id: c.applicationId }, body: status === "flagged" ? { status, note } : { status } }))) {
      message.success(t("checks.done"));
      setFlagging(null);
      setNote("");
      load();
    }
  };
  return (
    <>
      <PageFrame title={t("checks.title")} />
      {me?.roles.includes("supervisor") && <AutoRules />}
      <Typography.Paragraph type="secondary">{t("checks.intro")}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<Check>
        rowKey="applicationId"
        loading={!items}
        dataSource={items ?? []}
        locale={{ emptyText: t("checks.empty") }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t("checks.number"), dataIndex: "number", render: (n: string, c: Check) => <Link to={`/workbench/applications/${c.applicationId}`}>{n}</Link> },
          { title: t("checks.applicant"), dataIndex: "applicantName" },
          { title: t("checks.org"), dataIndex: "orgName" },
          { title: t("checks.rule"), dataIndex: "ruleVersion" },
          { title: t("checks.conditions"), dataIndex: "conditions", render: (cs: string[]) => cs.map((x) => <div key={x}>{x}</div>) },
          {
            title: "",
            key: "actions",
            render: (_: unknown, c: Check) => (
              <Space>
                <Button size="small" type="primary" onClick={() => void decide(c, "confirmed")}>
                  {t("checks.confirm")}
                </Button>
                <Button size="small" danger onClick={() => setFlagging(c)}>
                  {t("checks.flag")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!flagging} title={t("checks.flag")} okText={t("checks.flag")} okButtonProps={{ danger: true, disabled: !note.trim() }} onCancel={() => setFlagging(null)} onOk={() => void decide(flagging!, "flagged")}>
        <label htmlFor="check-note">{t("checks.note")}</label>
        <Input.TextArea id="check-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
