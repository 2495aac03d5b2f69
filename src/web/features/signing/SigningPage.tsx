import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, List, Modal, Space, Spin, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { signingEndpoints as api } from "../../../shared/api/signing";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { chinaDateTime } from "../../../shared/china-time";
import { call } from "../../api";
import { errorMessage, PageFrame } from "../../components/PageFrame";

type Request = ResponseOf<typeof api.getSigningRequestsById>;

const STATUS_COLOUR = { collecting: "processing", submitted: "success", refused: "error", expired: "default", failed: "error" } as const;
const SIGNATURE_COLOUR = { pending: "warning", signed: "success", refused: "error", closed: "default" } as const;

/** 我的签署: what the citizen started and what others ask them to sign. */
export function MySigningPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<ResponseOf<typeof api.getSigningRequests>["items"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(api.getSigningRequests, {}).then((r) => setItems(r.items), (e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <PageFrame title={t("signing.mine")} error={error}>
      {!items ? (
        !error && <Spin />
      ) : items.length === 0 ? (
        <Empty description={t("signing.mineEmpty")} />
      ) : (
        <List
          bordered
          dataSource={items}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Link to={`/me/signing/${r.id}`}>{r.title}</Link>
                <Tag color={STATUS_COLOUR[r.status]}>{t(`signing.status_${r.status}`)}</Tag>
                {r.myStatus && <Tag color={SIGNATURE_COLOUR[r.myStatus]}>{t(`signing.sig_${r.myStatus}`)}</Tag>}
                <Typography.Text type="secondary">{r.isApplicant ? null : t("signing.applicant", { name: r.applicantName })}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </PageFrame>
  );
}

/**
 * 在线签署: the documents to sign (each opened in place, with its fingerprint), who has signed and who
 * is still missing; a signer signs after reading (the hashes they saw are what they sign) or refuses with
 * a reason; the applicant reminds those missing and follows it to submission.
 */
export function SigningPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [request, setRequest] = useState<Request | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Request["documents"][number] | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    call(api.getSigningRequestsById, { params: { id: id! } }).then(setRequest, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  useEffect(load, [load]);

  async function act(run: () => Promise<Request>, done: string) {
    setBusy(true);
    try {
      setRequest(await run());
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (error) return <PageFrame title={t("signing.title")} error={error} />;
  if (!request) return <Spin />;
  const r = request;
  const missing = r.signers.filter((s) => s.status === "pending");
  const canSign = r.status === "collecting" && r.mine?.status === "pending";
  const myRoles = r.mine?.roles ?? [];
  return (
    <article>
      <PageFrame title={r.title} intro={t("signing.applicant", { name: r.applicantName })} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag color={STATUS_COLOUR[r.status]}>{t(`signing.status_${r.status}`)}</Tag>
        {r.status === "collecting" && <span>{t("signing.deadline", { time: chinaDateTime(r.deadline) })}</span>}
      </Space>
      {r.reason && <Alert type={r.status === "failed" || r.status === "refused" ? "error" : "warning"} showIcon style={{ marginBottom: 16 }} message={t("signing.reason", { reason: r.reason })} />}
      {r.result && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t("signing.submittedText", { number: r.result.number })} action={<Link to={r.result.link}>{t("signing.viewResult")}</Link>} />
      )}

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("signing.documents")}</h2>} style={{ marginBottom: 16 }}>
        <p>{t("signing.documentsHint")}</p>
        <List
          size="small"
          dataSource={r.documents}
          renderItem={(d) => (
            <List.Item actions={[<Button key="view" size="small" icon={<FilePdfOutlined />} onClick={() => setOpen(d)} aria-label={t("signing.viewOf", { name: d.name })}>{t("signing.view")}</Button>]}>
              <Space direction="vertical" size={0}>
                <span lang="zh-CN">{d.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("signing.fingerprint")} {d.sha256.slice(0, 16)}…
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("signing.signers")}</h2>} style={{ marginBottom: 16 }}>
        <ul style={{ paddingLeft: 0, listStyle: "none", margin: 0 }} aria-label={t("signing.signers")}>
          {r.signers.map((s) => (
            <li key={s.name} style={{ marginBottom: 6 }}>
              {s.name}（{s.roles.map((role) => t(`signing.role_${role}`)).join("、")}） <Tag color={SIGNATURE_COLOUR[s.status]}>{t(`signing.sig_${s.status}`)}</Tag>
              {s.signedAt && s.status === "signed" && <Typography.Text type="secondary">{t("signing.signedAt", { time: chinaDateTime(s.signedAt) })}</Typography.Text>}
              {s.reason && <Typography.Text type="danger">{t("signing.reason", { reason: s.reason })}</Typography.Text>}
            </li>
          ))}
        </ul>
        {r.status === "collecting" && missing.length > 0 && <p role="status">{t("signing.missing", { n: missing.length, names: missing.map((s) => s.name).join("、") })}</p>}
        {r.isApplicant && r.status === "collecting" && (
          <Button loading={busy} onClick={() => void act(() => call(api.postSigningRequestsByIdRemind, { params: { id: r.id } }), t("signing.reminded"))}>
            {t("signing.remind")}
          </Button>
        )}
      </Card>

      {canSign && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("signing.title")}</h2>} style={{ marginBottom: 16 }}>
          <p>{t("signing.youSign", { roles: myRoles.map((role) => t(`signing.role_${role}`)).join("、") })}</p>
          <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>
            {t("signing.confirm")}
          </Checkbox>
          <div style={{ marginTop: 12 }}>
            <Space wrap>
              <Button type="primary" disabled={!agreed} loading={busy} onClick={() => void act(() => call(api.postSigningRequestsByIdSign, { params: { id: r.id }, body: { documents: r.documents.map((d) => d.sha256) } }), t("signing.signed"))}>
                {t("signing.sign")}
              </Button>
              <Button danger onClick={() => setRefusing(true)}>
                {t("signing.refuse")}
              </Button>
            </Space>
          </div>
        </Card>
      )}

      <Modal open={open !== null} title={open?.name} width={900} footer={null} onCancel={() => setOpen(null)} destroyOnClose>
        {open && <iframe title={open.name} src={`/api/v1/signing-requests/${r.id}/documents/${open.key}`} style={{ width: "100%", height: "70vh", border: 0 }} />}
      </Modal>
      <Modal open={refusing} title={t("signing.refuse")} footer={null} onCancel={() => setRefusing(false)} destroyOnClose>
        <Form
          layout="vertical"
          onFinish={(v: { reason: string }) => {
            setRefusing(false);
            void act(() => call(api.postSigningRequestsByIdRefuse, { params: { id: r.id }, body: { reason: v.reason } }), t("signing.refused"));
          }}
        >
          <Form.Item name="reason" label={t("signing.refuseReason")} extra={t("signing.refuseReasonHint")} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
          <Button type="primary" danger htmlType="submit">
            {t("signing.refuse")}
          </Button>
        </Form>
      </Modal>
    </article>
  );
}
