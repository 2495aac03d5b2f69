import { App, Card, Col, Descriptions, Empty, List, Row, Select, Tag, Typography } from "antd";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DataAccessRecord } from "../../../shared/schemas/identity";
import { call } from "../../api";
import { sharingEndpoints } from "../../../shared/api/sharing";
import { authEndpoints } from "../../../shared/api/auth";
import { Recommendations } from "./Recommendations";
import { useSession } from "../../session";
import { CHINA_TIME_ZONE, chinaDateTime } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

const PAGE = 10;

function formatTime(iso: string, lang: string) {
  return lang === "en" ? new Date(iso).toLocaleString("en-GB", { timeZone: CHINA_TIME_ZONE, hour12: false }) : chinaDateTime(iso, { seconds: true });
}

/** 个人中心: profile, the enterprise switcher and 我的数据使用记录. */
export function MePage() {
  const { t, i18n } = useTranslation();
  const { me, setMe } = useSession();
  const { message } = App.useApp();
  const [records, setRecords] = useState<ResponseOf<typeof sharingEndpoints.getMeDataAccess> | null>(null);
  const [page, setPage] = useState(1);

  useEffect(() => {
    call(sharingEndpoints.getMeDataAccess, { query: { limit: PAGE, offset: (page - 1) * PAGE } })
      .then(setRecords)
      .catch((e: Error) => message.error(e.message));
  }, [page, i18n.language, message]);

  if (!me) return null;

  async function switchTo(enterpriseId: string) {
    try {
      const updated = await call(authEndpoints.postMeActingFor, { body: { enterpriseId: enterpriseId === "self" ? null : enterpriseId } });
      setMe(updated);
      message.success(t("me.switched"));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("me.title")} />
      <p>
        <Link to="/me/applications">{t("apps.link")}</Link> · <Link to="/me/bundles">{t("bundle.mine")}</Link> · <Link to="/me/signing">{t("signing.mine")}</Link> · <Link to="/me/appointments">{t("appt.title")}</Link> · <Link to="/me/certificates">{t("wallet.title")}</Link> · <Link to="/me/payments">{t("pay.mine")}</Link> · <Link to="/me/benefits">{t("benefit.title")}</Link> · <Link to="/me/ratings">{t("rating.myTitle")}</Link> · <Link to="/me/appeals">{t("ticket.myTitle")}</Link> · <Link to="/messages">{t("msg.title")}</Link>
      </p>
      <Recommendations actingFor={me.actingFor?.id ?? null} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("me.profile")}</h2>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("me.name")}>{me.name}</Descriptions.Item>
              <Descriptions.Item label={t("me.idNumber")}>{me.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label={t("me.mobile")}>{me.mobileMasked}</Descriptions.Item>
              <Descriptions.Item label={t("me.actingAs")}>
                <Select
                  aria-label={t("me.switchIdentity")}
                  style={{ minWidth: 240 }}
                  value={me.actingFor?.id ?? "self"}
                  onChange={switchTo}
                  options={[
                    { value: "self", label: `${t("me.self")}（${me.name}）` },
                    ...me.enterprises.map((e) => ({ value: e.id, label: e.name })),
                  ]}
                />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("me.enterprises")}</h2>}>
            {me.enterprises.length === 0 ? (
              <Empty description={t("me.noEnterprises")} />
            ) : (
              <List
                dataSource={me.enterprises}
                renderItem={(e) => (
                  <List.Item
                    actions={
                      e.relation === "legal_representative" ? [<Link key="agents" to={`/me/enterprises/${e.id}/agents`}>{t("me.manageAgents")}</Link>] : []
                    }
                  >
                    <List.Item.Meta
                      title={e.name}
                      description={
                        <>
                          <Tag color={e.relation === "legal_representative" ? "processing" : "success"}>{e.relation === "legal_representative" ? t("me.legalRep") : t("me.agent")}</Tag>
                          {e.creditCode}
                          {e.expiresOn ? ` · ${t("me.validUntil", { date: e.expiresOn })}` : ""}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("me.dataAccess")}</h2>}>
            <Typography.Paragraph>{t("me.dataAccessIntro")}</Typography.Paragraph>
            <ResponsiveTable<DataAccessRecord>
              rowKey="id"
              loading={!records}
              dataSource={records?.items ?? []}
              locale={{ emptyText: <Empty description={t("me.noRecords")} /> }}
              scroll={{ x: 800 }}
              pagination={{ current: page, pageSize: PAGE, total: records?.total ?? 0, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: t("me.time"), dataIndex: "occurredAt", render: (v: string) => formatTime(v, i18n.language), width: 180 },
                {
                  title: t("me.action"),
                  dataIndex: "action",
                  render: (v: string, r) =>
                    r.denied ? (
                      <>
                        <Tag color="error">{v}</Tag>
                        <div style={{ fontSize: 12 }}>{r.deniedReason}</div>
                      </>
                    ) : (
                      v
                    ),
                },
                { title: t("me.org"), dataIndex: "orgName", render: (v: string | null) => v ?? "—" },
                { title: t("me.actor"), dataIndex: "actorName" },
                { title: t("me.source"), dataIndex: "source", render: (v: string | null) => v ?? "—" },
                { title: t("me.elements"), dataIndex: "elements", render: (v: string[]) => v.join("、") || "—" },
                { title: t("me.purpose"), dataIndex: "purpose", render: (v: string | null) => v ?? "—" },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
