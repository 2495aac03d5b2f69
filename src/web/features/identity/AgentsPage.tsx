import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Popconfirm, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { grantAgentRequest, type AgentGrant } from "../../../shared/schemas/identity";
import { AGENT_SCOPE_CODES } from "../../../shared/roles";
import { call } from "../../api";
import { enterpriseEndpoints } from "../../../shared/api/enterprise";
import { showApiError, validateWith } from "../../components/form-errors";
import { useSession } from "../../session";
import { chinaToday } from "../../../shared/china-time";
import { ResponsiveTable } from "../../components/ResponsiveTable";

interface GrantForm {
  agentName: string;
  agentIdNumber: string;
  scopes: string[];
  expiresOn: Dayjs;
}

/** The legal representative's list of agents (经办人), with grant and revoke. */
export function AgentsPage() {
  const { t, i18n } = useTranslation();
  const { enterpriseId } = useParams();
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantForm>();
  const [grants, setGrants] = useState<AgentGrant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const enterprise = me?.enterprises.find((e) => e.id === enterpriseId);

  const load = useCallback(() => {
    call(enterpriseEndpoints.getEnterprisesByEnterpriseIdAgents, { params: { enterpriseId: enterpriseId! } })
      .then((r) => setGrants(r.items))
      .catch((e: Error) => setError(e.message));
  }, [enterpriseId]);
  useEffect(load, [load]);

  async function grant(values: GrantForm) {
    const body = validateWith(
      form,
      grantAgentRequest,
      { agentName: values.agentName, agentIdNumber: values.agentIdNumber, scopes: values.scopes ?? [], expiresOn: values.expiresOn?.format("YYYY-MM-DD") },
      i18n.language,
    );
    if (!body) return;
    try {
      await call(enterpriseEndpoints.postEnterprisesByEnterpriseIdAgents, { params: { enterpriseId: enterpriseId! }, body: body });
      message.success(t("agents.granted"));
      form.resetFields();
      load();
    } catch (err) {
      const msg = showApiError(form, err, { REAL_NAME_MISMATCH: "agentName", AGENT_NOT_REGISTERED: "agentIdNumber", AGENT_EXPIRY_INVALID: "expiresOn" });
      if (msg) message.error(msg);
    }
  }

  async function revoke(id: string) {
    await call(enterpriseEndpoints.deleteEnterprisesByEnterpriseIdAgentsByGrantId, { params: { enterpriseId: enterpriseId!, grantId: id! } });
    message.success(t("agents.revoked"));
    load();
  }

  const today = chinaToday();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("agents.title")}
        {enterprise ? ` · ${enterprise.name}` : ""}
      </Typography.Title>
      {error && <Alert type="error" message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("agents.grant")}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t("agents.onlyRegistered")}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={grant} requiredMark={false} initialValues={{ scopes: ["apply", "view"] }}>
          <Form.Item name="agentName" label={t("agents.agentName")} rules={[{ required: true, message: t("register.required", { field: t("agents.agentName") }) }]}>
            <Input />
          </Form.Item>
          <Form.Item name="agentIdNumber" label={t("agents.agentIdNumber")} rules={[{ required: true, message: t("register.required", { field: t("agents.agentIdNumber") }) }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="scopes" label={t("agents.scopes")}>
            <Checkbox.Group options={AGENT_SCOPE_CODES.map((s) => ({ value: s, label: t(`scopes.${s}`) }))} />
          </Form.Item>
          <Form.Item name="expiresOn" label={t("agents.expiresOn")} rules={[{ required: true, message: t("register.required", { field: t("agents.expiresOn") }) }]}>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("agents.submit")}
          </Button>
        </Form>
      </Card>
      <ResponsiveTable<AgentGrant>
        rowKey="id"
        loading={!grants && !error}
        dataSource={grants ?? []}
        scroll={{ x: 700 }}
        pagination={false}
        columns={[
          { title: t("agents.agentName"), dataIndex: "agentName" },
          { title: t("agents.agentIdNumber"), dataIndex: "agentIdNumberMasked" },
          { title: t("agents.scopes"), dataIndex: "scopes", render: (s: string[]) => s.map((x) => <Tag key={x}>{t(`scopes.${x}`)}</Tag>) },
          { title: t("agents.expiresOn"), dataIndex: "expiresOn" },
          {
            title: t("agents.status"),
            render: (_, g) =>
              g.revokedAt ? <Tag>{t("agents.revokedStatus")}</Tag> : g.expiresOn < today ? <Tag>{t("agents.expired")}</Tag> : <Tag color="success">{t("agents.active")}</Tag>,
          },
          {
            title: t("staff.actions"),
            render: (_, g) =>
              !g.revokedAt && (
                <Popconfirm title={t("agents.revokeConfirm")} onConfirm={() => revoke(g.id)}>
                  <Button danger size="small">
                    {t("agents.revoke")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
