import { ApartmentOutlined, BankOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useElderMode } from "../../components/ElderMode";
import { SearchBox } from "../catalogue/SearchBox";

/** Popular searches: the words searched for (the catalogue speaks Chinese), shown in the chosen language. */
const HOT = [
  { q: "开公司", key: "hotCompany" },
  { q: "新生儿出生", key: "hotNewborn" },
  { q: "居住证", key: "hotPermit" },
  { q: "社保卡", key: "hotCard" },
  { q: "退休", key: "hotRetire" },
] as const;

/** What elders do most (适老化): each tile a search for it, with words they use. */
const ELDER_TILES = ["elderPension", "elderMedical", "elderAllowance", "elderCard", "elderDoctor", "elderTransit"] as const;

function EntryLink({ to, icon, title, desc }: { to: string; icon?: ReactNode; title: string; desc?: string }) {
  return (
    <li>
      <Link to={to} className="entry-card">
        {icon && (
          <span className="entry-icon" aria-hidden>
            {icon}
          </span>
        )}
        <span>
          <strong>{title}</strong>
          {desc && <span className="entry-desc">{desc}</span>}
        </span>
      </Link>
    </li>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const elder = useElderMode();
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
        <div style={{ maxWidth: 640, margin: "0 auto" }}>
          <SearchBox id="home-search" size="large" />
        </div>
        {!elder && (
          <p className="hot">
            {t("home.hot")}：
            {HOT.map((h) => (
              <Link key={h.q} to={`/search?q=${encodeURIComponent(h.q)}`}>
                {t(`home.${h.key}`)}
              </Link>
            ))}
          </p>
        )}
      </section>
      {elder ? (
        <>
          <h2 className="section-title">{t("home.elderTitle")}</h2>
          <ul className="entry-grid elder-tiles">
            {ELDER_TILES.map((k) => (
              <EntryLink key={k} to={`/search?q=${encodeURIComponent(t(`home.${k}Query`))}`} title={t(`home.${k}`)} />
            ))}
          </ul>
          <p className="help-line">
            {t("home.elderHelp")} <a href="tel:12345">12345</a>
          </p>
        </>
      ) : (
        <>
          <h2 className="section-title">{t("home.entries")}</h2>
          <ul className="entry-grid">
            {entries.map((e) => (
              <EntryLink key={e.to} {...e} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
