import { ApartmentOutlined, BankOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import { AutoComplete, Card, Col, Input, Row, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useSuggestions } from "../catalogue/useSuggestions";

const HOT = ["开公司", "新生儿出生", "居住证", "社保卡", "退休"];

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState("");
  const suggestions = useSuggestions(input);
  const go = (q: string) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  const entries = [
    { to: "/personal", icon: <UserOutlined />, title: t("nav.personal"), desc: t("home.personalDesc") },
    { to: "/enterprise", icon: <BankOutlined />, title: t("nav.enterprise"), desc: t("home.enterpriseDesc") },
    { to: "/bundles", icon: <TeamOutlined />, title: t("nav.bundles"), desc: t("home.bundlesDesc") },
    { to: "/departments", icon: <ApartmentOutlined />, title: t("nav.departments"), desc: t("home.departmentsDesc") },
  ];
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">
          {t("app.city")} · {t("app.slogan")}
        </h1>
        <div role="search" style={{ maxWidth: 640, margin: "0 auto" }}>
          <AutoComplete value={input} options={suggestions.map((v) => ({ value: v }))} onChange={setInput} onSelect={go} style={{ width: "100%" }}>
            <Input.Search id="home-search" size="large" placeholder={t("home.searchPlaceholder")} enterButton={t("home.search")} aria-label={t("home.searchLabel")} onSearch={go} />
          </AutoComplete>
        </div>
        <p className="hot">
          {t("home.hot")}：
          {HOT.map((h) => (
            <Link key={h} to={`/search?q=${encodeURIComponent(h)}`}>
              {h}
            </Link>
          ))}
        </p>
      </section>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {t("home.entries")}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col xs={24} sm={12} lg={6} key={e.to}>
            <Link to={e.to}>
              <Card hoverable className="entry-card">
                <Card.Meta avatar={<span style={{ fontSize: 28, color: "#0b4fb3" }} aria-hidden>{e.icon}</span>} title={e.title} description={e.desc} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
