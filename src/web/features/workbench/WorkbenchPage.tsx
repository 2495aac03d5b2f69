import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Space, Tag, Typography } from "antd";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HANDLER_ROLES, type Role } from "../../../shared/roles";
import { call } from "../../api";
import { authEndpoints } from "../../../shared/api/auth";
import { useSession } from "../../session";
import { PostSwitch, useWorkCounts, WorkCount } from "../../components/StaffNav";
import { PageFrame, errorMessage } from "../../components/PageFrame";

const LOOKUP_ROLES: Role[] = ["window_clerk", "reviewer", "approver", "data_admin", "hotline_agent"];

/** The staff workbench: who and where I am, the tools my roles open, and account security. */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const { me, refresh } = useSession();
  const counts = useWorkCounts();
  const { message } = App.useApp();
  const [totp, setTotp] = useState<ResponseOf<typeof authEndpoints.postMeTotpSetup> | null>(null);
  const [code, setCode] = useState("");
  if (!me) return null;
  const has = (...roles: Role[]) => roles.some((r) => me.roles.includes(r));

  const tools: Array<{ key: string; title: string; desc: string; to?: string }> = [];
  // What waits in each section, beside its card's name.
  const waiting: Record<string, [number | null | undefined, string]> = { inbox: [counts?.inbox, t("staffNav.waiting")], tickets: [counts?.tickets, t("staffNav.waiting")], "rating-cases": [counts?.ratingCases, t("staffNav.open")], orders: [counts?.orders, t("staffNav.waiting")] };
  if (has("sys_admin")) tools.push({ key: "staff", title: t("workbench.staffAdmin"), desc: t("workbench.staffAdminDesc"), to: "/workbench/staff" });
  if (has("sys_admin")) tools.push({ key: "seal-keys", title: t("seal.title"), desc: t("seal.tool"), to: "/workbench/seal-keys" });
  if (has("sys_admin")) tools.push({ key: "integrations", title: t("integ.title"), desc: t("integ.tool"), to: "/workbench/integrations" });
  if (has("sys_admin", "supervisor")) tools.push({ key: "calendar", title: t("cal.title"), desc: t("cal.toolDesc"), to: "/workbench/calendar" });
  tools.push({ key: "messages", title: t("msg.title"), desc: t("msg.toolDesc"), to: "/messages" });
  if (has("window_clerk")) tools.push({ key: "window", title: t("window.title"), desc: t("window.toolDesc"), to: "/workbench/window" });
  if (has("window_clerk", "sys_admin")) tools.push({ key: "appointments", title: t("appt.centreTitle"), desc: t("appt.toolDesc"), to: "/workbench/appointments" });
  if (has("window_clerk", "reviewer", "approver", "supervisor")) tools.push({ key: "inbox", title: t("inbox.tool"), desc: t("inbox.toolDesc"), to: "/workbench/inbox" });
  if (has("catalog_admin", "reviewer")) tools.push({ key: "catalogue", title: t("cadmin.title"), desc: t("cadmin.desc"), to: "/workbench/catalogue" });
  if (has("catalog_admin", "supervisor")) tools.push({ key: "audit", title: t("audit.title"), desc: t("audit.desc"), to: "/workbench/catalogue-audit" });
  tools.push({ key: "data-elements", title: t("de.title"), desc: t("de.tool"), to: "/workbench/data-elements" });
  if (has("data_admin", "sys_admin")) tools.push({ key: "registries", title: t("reg.title"), desc: t("reg.tool"), to: "/workbench/registries" });
  // Bundles join departments across the city: city-level administrators compose them.
  if (has("catalog_admin", "sys_admin") && me.org?.regionCode === "310000") tools.push({ key: "bundles", title: t("bundleAdmin.title"), desc: t("bundleAdmin.tool"), to: "/workbench/bundles" });
  if (has("data_admin", "sys_admin")) tools.push({ key: "sharing-rules", title: t("rules.title"), desc: t("rules.tool"), to: "/workbench/sharing-rules" });
  if (has("hotline_agent")) tools.push({ key: "hotline", title: t("ticket.hotline"), desc: t("ticket.hotlineTool"), to: "/workbench/hotline" });
  if (has(...HANDLER_ROLES, "supervisor", "hotline_agent")) tools.push({ key: "tickets", title: t("ticket.tickets"), desc: has("hotline_agent") ? t("ticket.deskTool") : t("ticket.ticketsTool"), to: "/workbench/tickets" });
  if (has(...HANDLER_ROLES, "supervisor")) tools.push({ key: "rating-cases", title: t("cases.title"), desc: t("cases.tool"), to: "/workbench/rating-cases" });
  if (has(...HANDLER_ROLES, "supervisor")) tools.push({ key: "trace", title: t("trace.title"), desc: t("trace.tool"), to: "/workbench/ratings/trace" });
  if (has("supervisor", "approver")) tools.push({ key: "performance", title: t("perf.title"), desc: t("perf.tool"), to: "/workbench/performance" });
  if (has("finance", "supervisor", "approver")) tools.push({ key: "finance", title: t("finance.title"), desc: t("finance.tool"), to: "/workbench/finance" });
  if (has("supervisor")) tools.push({ key: "scorecards", title: t("score.title"), desc: t("score.tool"), to: "/workbench/scorecards" });
  if (has(...HANDLER_ROLES, "supervisor")) tools.push({ key: "orders", title: t("order.title"), desc: t("order.tool"), to: "/workbench/orders" });
  if (has("hotline_agent", "supervisor")) tools.push({ key: "hot-topics", title: t("hot.title"), desc: t("hot.tool"), to: "/workbench/hot-topics" });
  if (has("hotline_agent", "supervisor", "sys_admin")) tools.push({ key: "appeal-settings", title: t("settings.title"), desc: t("settings.tool"), to: "/workbench/appeal-settings" });
  if (has("reviewer", "approver", "supervisor")) tools.push({ key: "auto-checks", title: t("checks.title"), desc: t("checks.tool"), to: "/workbench/auto-checks" });
  if (has("reviewer", "approver", "supervisor")) tools.push({ key: "benefits", title: t("benefit.staffTitle"), desc: t("benefit.staffTool"), to: "/workbench/benefits" });
  if (has("catalog_admin", "supervisor")) tools.push({ key: "policy-matching", title: t("pm.title"), desc: t("pm.tool"), to: "/workbench/policy-matching" });
  if (has(...LOOKUP_ROLES)) tools.push({ key: "lookup", title: t("workbench.personLookup"), desc: t("workbench.personLookupDesc"), to: "/workbench/person-lookup" });

  async function startTotp() {
    setTotp(await call(authEndpoints.postMeTotpSetup, {  }));
  }
  async function confirmTotp() {
    try {
      await call(authEndpoints.postMeTotpConfirm, { body: { code } });
      message.success(t("workbench.totpEnabled"));
      setTotp(null);
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("workbench.title")} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t("staff.name")}>{me.name}</Descriptions.Item>
          <Descriptions.Item label={t("workbench.org")}>{me.posts.length > 1 ? <PostSwitch /> : i18n.language === "en" ? me.org?.nameEn : me.org?.name}</Descriptions.Item>
          <Descriptions.Item label={t("workbench.roles")}>
            {me.roles.map((r) => (
              <Tag color="blue" key={r}>
                {t(`roles.${r}`)}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t("workbench.modules")}
      </Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {tools.map((tool) => (
          <Col xs={24} sm={12} lg={8} key={tool.key}>
            <Card
              title={
                <h3 style={{ fontSize: 16, margin: 0 }}>
                  {tool.to ? <Link to={tool.to}>{tool.title}</Link> : tool.title} {waiting[tool.key] && <WorkCount n={waiting[tool.key]![0]} label={waiting[tool.key]![1]} />}
                  {tool.key === "inbox" && counts?.overdue ? <WorkCount n={counts.overdue} label={t("staffNav.overdue")} danger /> : null}
                </h3>
              }
            >
              {tool.desc}
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("workbench.security")}</h2>}>
        <p>
          {t("workbench.totp")}：{me.totpEnabled ? <Tag color="success">{t("workbench.totpOn")}</Tag> : <Tag>{t("workbench.totpOff")}</Tag>}
        </p>
        {!me.totpEnabled && !totp && <Button onClick={startTotp}>{t("workbench.totpSetup")}</Button>}
        {totp && (
          <>
            <Alert type="info" message={t("workbench.totpScan")} description={<code>{totp.secret}</code>} style={{ marginBottom: 12 }} />
            <Space>
              <Input aria-label={t("login.totp")} value={code} onChange={(e) => setCode(e.target.value)} maxLength={6} inputMode="numeric" />
              <Button type="primary" onClick={confirmTotp}>
                {t("workbench.totpConfirm")}
              </Button>
            </Space>
          </>
        )}
      </Card>
    </>
  );
}
