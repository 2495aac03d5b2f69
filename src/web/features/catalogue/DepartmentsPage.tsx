import { Alert, Card, Col, List, Row, Select, Spin } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgNode } from "../../../shared/schemas/staff";
import { Link } from "react-router";
import { cityChildren as fetchCityChildren, orgChildren } from "../../api";
import { PageFrame } from "../../components/PageFrame";

/** City and district departments from the organisation tree. */
export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const [cityChildren, setCityChildren] = useState<OrgNode[] | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [districtDepts, setDistrictDepts] = useState<OrgNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = (o: OrgNode) => (i18n.language === "en" ? o.nameEn : o.name);

  useEffect(() => {
    fetchCityChildren()
      .then((all) => {
        setCityChildren(all);
        setDistrict(all.find((o) => o.kind === "district")?.id ?? null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    if (!district) return;
    setDistrictDepts(null);
    orgChildren(district)
      .then((all) => setDistrictDepts(all.filter((o) => o.kind === "department" || o.kind === "service_centre")))
      .catch((e: Error) => setError(e.message));
  }, [district]);

  if (error) return <Alert type="error" message={t("common.error")} description={error} />;
  if (!cityChildren) return <Spin tip={t("common.loading")} />;
  const districts = cityChildren.filter((o) => o.kind === "district");
  return (
    <>
      <PageFrame title={t("departments.title")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("departments.city")}</h2>}>
            <List
              dataSource={cityChildren.filter((o) => o.kind !== "district")}
              renderItem={(o) => (
                <List.Item actions={o.kind === "department" ? [<Link key="items" to={`/catalogue?department=${o.code.slice(7)}`}>{t("departments.services")}</Link>] : []}>{name(o)}</List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("departments.district")}</h2>}
            extra={
              <Select
                aria-label={t("departments.chooseDistrict")}
                style={{ minWidth: 140 }}
                value={district ?? undefined}
                onChange={setDistrict}
                options={districts.map((d) => ({ value: d.id, label: name(d) }))}
              />
            }
          >
            {districtDepts ? (
              <List
                dataSource={districtDepts}
                renderItem={(o) => (
                  <List.Item actions={o.kind === "department" ? [<Link key="items" to={`/catalogue?department=${o.code.slice(7)}&level=district`}>{t("departments.services")}</Link>] : []}>{name(o)}</List.Item>
                )}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
