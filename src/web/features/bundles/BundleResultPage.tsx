import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Empty, List, Space, Spin, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { bundleApplicationView } from "../../../shared/schemas/bundle";
import { call } from "../../api";
import { bundleEndpoints } from "../../../shared/api/bundle";
import { chinaDate } from "../../../shared/china-time";
import { PageFrame } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

type BundleApplication = z.infer<typeof bundleApplicationView>;

const STATE_COLOUR = { in_progress: "processing", completed: "success", partly_completed: "warning", stopped: "error" } as const;
const CHILD_COLOUR = { waiting: "default", started: "processing", stopped: "error" } as const;

function StateTag({ a }: { a: BundleApplication }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOUR[a.state]}>{t(`bundle.state_${a.state}`)}</Tag>;
}

/** 一件事办理结果: every service of the bundle in one place — state, department, number, certificates and decisions. */
export function BundleResultPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [a, setA] = useState<BundleApplication | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(bundleEndpoints.getBundleApplicationsById, { params: { id: id! } })
      .then(setA)
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!a) return <Spin />;
  return (
    <article>
      <PageFrame title={<>{a.bundleName} · {t("bundle.resultTitle")}</>} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("bundle.status")}>
          <StateTag a={a} />
        </Descriptions.Item>
        <Descriptions.Item label={t("bundle.applicationNumber")}>{a.number}</Descriptions.Item>
        <Descriptions.Item label={t("bundle.delivery")}>{a.delivery ? t(`bundle.delivery_${a.delivery}`) + (a.deliveryOrgName ? `（${a.deliveryOrgName}）` : "") : "—"}</Descriptions.Item>
        {a.deadline && <Descriptions.Item label={t("bundle.totalLimit")}>{a.deadline}</Descriptions.Item>}
      </Descriptions>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("bundle.itemsTitle")}</h2>}
        extra={
          <Button icon={<ReloadOutlined />} onClick={load}>
            {t("bundle.refresh")}
          </Button>
        }
      >
        <ResponsiveTable
          rowKey="key"
          pagination={false}
          dataSource={a.children}
          scroll={{ x: true }}
          columns={[
            { title: t("bundle.item"), dataIndex: "name" },
            { title: t("bundle.department"), dataIndex: "orgName" },
            {
              title: t("bundle.status"),
              key: "status",
              render: (_, c) => (
                <Space direction="vertical" size={2}>
                  <Tag color={c.outcome === "approved" ? "success" : c.outcome ? "error" : CHILD_COLOUR[c.status]}>{c.statusName}</Tag>
                  {c.needsApplicant && c.applicationId && (
                    <Link to={`/me/applications/${c.applicationId}`}>
                      <Tag color="warning">{t("bundle.needsYou")}</Tag>
                    </Link>
                  )}
                  {c.stoppedReason && <Typography.Text type="danger">{c.stoppedReason}</Typography.Text>}
                </Space>
              ),
            },
            { title: t("bundle.applicationNumber"), key: "number", render: (_, c) => (c.applicationId ? <Link to={`/me/applications/${c.applicationId}`}>{c.number}</Link> : "—") },
            {
              title: t("bundle.certificates"),
              key: "certificates",
              render: (_, c) =>
                c.certificates.length ? (
                  <Space direction="vertical" size={2}>
                    {c.certificates.map((x) => (
                      <Link key={x.identifier} to={`/verify?id=${encodeURIComponent(x.identifier)}`}>
                        {x.typeName}
                      </Link>
                    ))}
                  </Space>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
    </article>
  );
}

/** 我的一件事: the citizen's bundle applications. */
export function MyBundlesPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<BundleApplication[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(bundleEndpoints.getMeBundleApplications, {  })
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!items) return <Spin />;
  return (
    <>
      <PageFrame title={t("bundle.mine")} />
      {items.length === 0 ? (
        <Empty description={t("bundle.mineEmpty")}>
          <Link to="/bundles">{t("catalogue.bundlesTitle")}</Link>
        </Empty>
      ) : (
        <List
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/me/bundles/${a.id}`}>{a.bundleName}</Link>
                    <StateTag a={a} />
                  </Space>
                }
                description={`${t("bundle.number", { number: a.number })} · ${chinaDate(a.submittedAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
