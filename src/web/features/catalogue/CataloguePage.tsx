import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LEVEL_CODES } from "../../../shared/catalogue";
import type { CatalogueEntryView } from "../../../shared/schemas/search";
import type { OrgNode } from "../../../shared/schemas/staff";
import { cityChildren, call } from "../../api";
import { catalogueEndpoints } from "../../../shared/api/catalogue";
import { labels, THEMES_FOR } from "../../labels";
import { PageFrame } from "../../components/PageFrame";
import { pickPlace, usePlace } from "./place";

/** 个人办事 / 法人办事: browse published services by theme, department and level. */
export function CataloguePage({ kind }: { kind: "personal" | "enterprise" | "all" }) {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const place = usePlace();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<CatalogueEntryView[] | null>(null);
  const [departments, setDepartments] = useState<OrgNode[]>([]);
  const [error, setError] = useState<string | null>(null);
  const audience = kind === "enterprise" ? "enterprise" : kind === "all" ? undefined : "person";
  const theme = params.get("theme") ?? undefined;
  const department = params.get("department") ?? undefined;
  const level = params.get("level") ?? undefined;

  useEffect(() => {
    const q = new URLSearchParams({ ...(audience ? { audience } : {}), ...(theme ? { theme } : {}), ...(department ? { department } : {}), ...(level ? { level } : {}) });
    setItems(null);
    call(catalogueEndpoints.getCatalogueItems, { query: Object.fromEntries(q) })
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  }, [kind, audience, theme, department, level, i18n.language]);

  useEffect(() => {
    cityChildren()
      .then((all) => setDepartments(all.filter((o) => o.kind === "department")))
      .catch(() => setDepartments([]));
  }, []);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const title = { personal: t("catalogue.personalTitle"), enterprise: t("catalogue.enterpriseTitle"), all: t("catalogue.allTitle") }[kind];
  return (
    <>
      <PageFrame title={title} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <div role="group" aria-label={t("catalogue.theme")}>
            <span style={{ marginRight: 8 }}>{t("catalogue.theme")}：</span>
            <Tag.CheckableTag checked={!theme} onChange={() => setFilter("theme", undefined)}>
              {t("catalogue.all")}
            </Tag.CheckableTag>
            {(audience ? THEMES_FOR[audience] : [...new Set([...THEMES_FOR.person, ...THEMES_FOR.enterprise])]).map((th) => (
              <Tag.CheckableTag key={th} checked={theme === th} onChange={(c) => setFilter("theme", c ? th : undefined)}>
                {l.theme(th)}
              </Tag.CheckableTag>
            ))}
          </div>
          <Space wrap>
            <Select
              aria-label={t("catalogue.department")}
              placeholder={t("catalogue.department")}
              allowClear
              style={{ minWidth: 220 }}
              value={department}
              onChange={(v) => setFilter("department", v)}
              options={departments.map((d) => ({ value: d.code.slice(7), label: i18n.language === "en" ? d.nameEn : d.name }))}
            />
            <Select
              aria-label={t("catalogue.level")}
              placeholder={t("catalogue.level")}
              allowClear
              style={{ minWidth: 140 }}
              value={level}
              onChange={(v) => setFilter("level", v)}
              options={LEVEL_CODES.map((lv) => ({ value: lv, label: l.level(lv) }))}
            />
          </Space>
        </Space>
      </Card>
      {error && <Alert type="error" message={error} role="alert" />}
      {!items && !error && <Spin tip={t("common.loading")} />}
      {items && items.length === 0 && <Empty description={t("catalogue.noMatch")} />}
      <Row gutter={[16, 16]}>
        {items?.map((e) => {
          const primary = pickPlace(e.implementations, place)!;
          return (
            <Col xs={24} md={12} key={e.basicCode}>
              <Card
                title={
                  <h2 style={{ fontSize: 16, margin: 0, whiteSpace: "normal" }}>
                    <Link to={`/items/${primary.id}`}>{e.name}</Link>
                  </h2>
                }
                extra={<Tag>{l.kind(e.kind)}</Tag>}
                style={{ height: "100%" }}
              >
                <Typography.Paragraph style={{ marginBottom: 8 }}>{e.summary}</Typography.Paragraph>
                <Space wrap size={[4, 4]}>
                  <Tag color="processing">{e.department}</Tag>
                  <Tag>{l.depth(e.onlineDepth)}</Tag>
                  <Tag>{t("guide.visitsN", { count: e.visits })}</Tag>
                </Space>
                {e.implementations.length > 1 && (
                  <div style={{ marginTop: 8 }}>
                    {t("catalogue.placesN", { count: e.implementations.length })}：
                    {e.implementations.slice(0, 6).map((impl) => (
                      <Link key={impl.id} to={`/items/${impl.id}`} style={{ marginRight: 8 }}>
                        {impl.orgName}
                      </Link>
                    ))}
                  </div>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
