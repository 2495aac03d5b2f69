import { Card, Col, Empty, Row, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import type { bundleSummary, reductionView } from "../../../shared/schemas/bundle";
import { call } from "../../api";
import { bundleEndpoints } from "../../../shared/api/bundle";
import { labels } from "../../labels";
import { PageFrame } from "../../components/PageFrame";

type BundleSummary = z.infer<typeof bundleSummary>;

/** “材料减少 N 份，时限压缩 N 个工作日，跑动 N 次”: a bundle's reduction in one line. */
export function ReductionLine({ reduction }: { reduction: z.infer<typeof reductionView> }) {
  const { t } = useTranslation();
  const { separate: s, bundle: b } = reduction;
  return (
    <span>
      <Tag color="success">{t("bundle.reduction", { materials: s.materials - b.materials, days: s.days - b.days, visits: b.visits })}</Tag>
      <Typography.Text type="secondary">{t("bundle.fieldsReduction", { separate: s.fields, bundle: b.fields })}</Typography.Text>
    </span>
  );
}

/** 一件事一次办: the life-event bundles on offer, each with what it saves. */
export function BundlesPage() {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const [bundles, setBundles] = useState<BundleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call(bundleEndpoints.getBundles, {  })
      .then((r) => setBundles(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <>
      <PageFrame title={t("catalogue.bundlesTitle")} error={error} />
      {!bundles && !error && <Spin />}
      {bundles && bundles.length === 0 && <Empty description={<><div>{t("catalogue.bundlesEmpty")}</div><div>{t("catalogue.bundlesHint")}</div></>} />}
      <Row gutter={[16, 16]}>
        {bundles?.map((b) => (
          <Col xs={24} md={12} key={b.code}>
            <Card
              title={
                <Link to={`/bundles/${b.code}`} style={{ fontSize: 18 }}>
                  {b.name}
                </Link>
              }
              extra={<Tag>{l.theme(b.theme)}</Tag>}
            >
              <Typography.Paragraph>{b.summary}</Typography.Paragraph>
              <div>
                <Tag color="blue">{t("bundle.items", { n: b.itemCount })}</Tag>
                <ReductionLine reduction={b.reduction} />
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
