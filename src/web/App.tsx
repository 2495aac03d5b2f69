import { Button, Dropdown, Result, Spin } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";
import { HANDLER_ROLES, type Role } from "../shared/roles";
import { setLanguage } from "./i18n";
import { AgentsPage } from "./features/identity/AgentsPage";
import { CatalogueAdminPage } from "./features/workbench/catalogue/CatalogueAdminPage";
import { CatalogueAuditPage } from "./features/workbench/catalogue/CatalogueAuditPage";
import { CatalogueItemAdminPage } from "./features/workbench/catalogue/CatalogueItemAdminPage";
import { ItemEditorPage } from "./features/workbench/catalogue/ItemEditorPage";
import { CataloguePage } from "./features/catalogue/CataloguePage";
import { BundlePage } from "./features/bundles/BundlePage";
import { BundleResultPage, MyBundlesPage } from "./features/bundles/BundleResultPage";
import { BundlesPage } from "./features/bundles/BundlesPage";
import { BundlesAdminPage } from "./features/workbench/catalogue/BundlesAdminPage";
import { DepartmentsPage } from "./features/catalogue/DepartmentsPage";
import { GuidePage } from "./features/catalogue/GuidePage";
import { HomePage } from "./features/home/HomePage";
import { LoginPage } from "./features/identity/LoginPage";
import { MePage } from "./features/identity/MePage";
import { MyApplicationsPage } from "./features/applications/MyApplicationsPage";
import { ApplicationDetailPage } from "./features/applications/ApplicationDetailPage";
import { InboxPage } from "./features/applications/InboxPage";
import { PersonLookupPage } from "./features/workbench/data/PersonLookupPage";
import { PoliciesPage } from "./features/catalogue/PoliciesPage";
import { PolicyPage } from "./features/catalogue/PolicyPage";
import { RegisterPage } from "./features/identity/RegisterPage";
import { SearchPage } from "./features/catalogue/SearchPage";
import { StaffAdminPage } from "./features/workbench/admin/StaffAdminPage";
import { SynonymsPage } from "./features/workbench/catalogue/SynonymsPage";
import { AnswersPage } from "./features/workbench/catalogue/AnswersPage";
import { WorkbenchPage } from "./features/workbench/WorkbenchPage";
import { PrintDocumentPage } from "./features/applications/PrintDocumentPage";
import { MessagesPage } from "./features/notifications/MessagesPage";
import { AppointmentsPage } from "./features/appointments/AppointmentsPage";
import { CentreAppointmentsPage } from "./features/appointments/CentreAppointmentsPage";
import { WindowPage } from "./features/applications/WindowPage";
import { CalendarAdminPage } from "./features/workbench/admin/CalendarAdminPage";
import { DataElementsPage } from "./features/workbench/data/DataElementsPage";
import { SharingRulesPage } from "./features/workbench/data/SharingRulesPage";
import { RegistriesPage } from "./features/workbench/data/RegistriesPage";
import { SharedCertificatePage } from "./features/certificates/SharedCertificatePage";
import { SealKeysPage } from "./features/certificates/SealKeysPage";
import { VerifyCertificatePage } from "./features/certificates/VerifyCertificatePage";
import { MyCertificatesPage } from "./features/certificates/MyCertificatesPage";
import { MyRatingsPage } from "./features/ratings/MyRatingsPage";
import { AutoChecksPage, BenefitOffersPage, MyBenefitsPage, PolicyMatchesPage, PolicyMatchingPage } from "./features/proactive/ProactivePages";
import { RateByTokenPage } from "./features/ratings/RateByTokenPage";
import { PublicRatingsPage } from "./features/ratings/PublicRatingsPage";
import { RatingCasePage, RatingCasesPage } from "./features/ratings/RatingCasesPage";
import { AppealNewPage, HotlineConsolePage, MyAppealsPage, TicketPage, TicketsPage } from "./features/appeals/TicketPages";
import { AppealSettingsPage } from "./features/appeals/AppealSettingsPage";
import { MyProfilePage } from "./features/identity/MyProfilePage";
import { useSession } from "./session";

function Header() {
  const { t, i18n } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const items = [
    { to: "/", label: t("nav.home") },
    { to: "/personal", label: t("nav.personal") },
    { to: "/enterprise", label: t("nav.enterprise") },
    { to: "/bundles", label: t("nav.bundles") },
    { to: "/departments", label: t("nav.departments") },
    { to: "/policies", label: t("nav.policies") },
    { to: "/appeals/new", label: t("nav.appeals") },
  ];
  const home = me?.kind === "staff" ? "/workbench" : "/me";
  return (
    <header className="site-header">
      <Link className="brand" to="/">
        {t("app.city")} · {t("app.name")}
        <small>{t("app.slogan")}</small>
      </Link>
      <nav aria-label={t("nav.main")}>
        <ul className="main-nav">
          {items.map((i) => (
            <li key={i.to}>
              <NavLink to={i.to} end={i.to === "/"}>
                {i.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-actions">
        <Button type="text" className="lang-switch" style={{ color: "#fff" }} aria-label={t("nav.languageLabel")} onClick={() => setLanguage(i18n.language === "en" ? "zh" : "en")}>
          {t("nav.language")}
        </Button>
        {me ? (
          <Dropdown
            menu={{
              items: [
                { key: "home", label: me.kind === "staff" ? t("nav.workbench") : t("nav.me"), onClick: () => navigate(home) },
                { key: "messages", label: t("msg.title"), onClick: () => navigate("/messages") },
                {
                  key: "logout",
                  label: t("nav.logout"),
                  onClick: async () => {
                    await logout();
                    navigate("/");
                  },
                },
              ],
            }}
          >
            <Button>{me.actingFor ? `${me.name}（${me.actingFor.name}）` : me.name}</Button>
          </Dropdown>
        ) : (
          <>
            <Link to="/login">
              <Button type="primary" ghost style={{ color: "#fff", borderColor: "#fff" }}>
                {t("nav.login")}
              </Button>
            </Link>
            <Link to="/register">
              <Button>{t("nav.register")}</Button>
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

/** Shows its children only to the right kind of logged-in user (and roles, for staff). */
function RequireActor({ kind, roles, children }: { kind?: "citizen" | "staff"; roles?: Role[]; children: ReactNode }) {
  const { me, loading } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (loading) return <Spin tip={t("common.loading")} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if ((kind && me.kind !== kind) || (roles && !roles.some((r) => me.roles.includes(r)))) {
    return <Result status="403" title="403" subTitle={t("common.forbidden")} />;
  }
  return <>{children}</>;
}

const HANDLERS_AND_SUPERVISORS: Role[] = [...HANDLER_ROLES, "supervisor"];
// The chart pages load ECharts only when opened.
const TracePage = lazy(() => import("./features/ratings/TracePage").then((m) => ({ default: m.TracePage })));
const HotTopicsPage = lazy(() => import("./features/appeals/HotTopicsPage").then((m) => ({ default: m.HotTopicsPage })));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t("common.notFound")}
      subTitle={t("common.notFoundDesc")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.home")}</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Header />
      <main id="main" className="content" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/personal" element={<CataloguePage kind="personal" />} />
          <Route path="/enterprise" element={<CataloguePage kind="enterprise" />} />
          <Route path="/bundles" element={<BundlesPage />} />
          <Route path="/bundles/:code" element={<BundlePage />} />
          <Route path="/me/bundles" element={<RequireActor kind="citizen"><MyBundlesPage /></RequireActor>} />
          <Route path="/me/bundles/:id" element={<RequireActor kind="citizen"><BundleResultPage /></RequireActor>} />
          <Route path="/catalogue" element={<CataloguePage kind="all" />} />
          <Route path="/items/:id" element={<GuidePage />} />
          <Route path="/policies" element={<PoliciesPage />} />
          <Route path="/policies/:id" element={<PolicyPage />} />
          <Route path="/departments" element={<DepartmentsPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/me" element={<RequireActor kind="citizen"><MePage /></RequireActor>} />
          <Route path="/me/applications" element={<RequireActor kind="citizen"><MyApplicationsPage /></RequireActor>} />
          <Route path="/me/applications/:id" element={<RequireActor kind="citizen"><ApplicationDetailPage /></RequireActor>} />
          <Route path="/workbench/inbox" element={<RequireActor kind="staff" roles={["window_clerk", "reviewer", "approver", "supervisor"]}><InboxPage /></RequireActor>} />
          <Route path="/workbench/applications/:id" element={<RequireActor kind="staff"><ApplicationDetailPage /></RequireActor>} />
          <Route path="/me/enterprises/:enterpriseId/agents" element={<RequireActor kind="citizen"><AgentsPage /></RequireActor>} />
          <Route path="/workbench" element={<RequireActor kind="staff"><WorkbenchPage /></RequireActor>} />
          <Route path="/workbench/catalogue" element={<RequireActor kind="staff" roles={["catalog_admin", "reviewer"]}><CatalogueAdminPage /></RequireActor>} />
          <Route path="/workbench/catalogue/items/:id" element={<RequireActor kind="staff" roles={["catalog_admin", "reviewer"]}><CatalogueItemAdminPage /></RequireActor>} />
          <Route path="/workbench/catalogue/versions/:versionId/edit" element={<RequireActor kind="staff" roles={["catalog_admin", "reviewer"]}><ItemEditorPage /></RequireActor>} />
          <Route path="/workbench/answers" element={<RequireActor kind="staff" roles={["catalog_admin"]}><AnswersPage /></RequireActor>} />
          <Route path="/workbench/synonyms" element={<RequireActor kind="staff" roles={["catalog_admin"]}><SynonymsPage /></RequireActor>} />
          <Route path="/workbench/catalogue-audit" element={<RequireActor kind="staff" roles={["catalog_admin", "supervisor", "sys_admin"]}><CatalogueAuditPage /></RequireActor>} />
          <Route path="/workbench/staff" element={<RequireActor kind="staff" roles={["sys_admin"]}><StaffAdminPage /></RequireActor>} />
          <Route
            path="/workbench/person-lookup"
            element={<RequireActor kind="staff" roles={["window_clerk", "reviewer", "approver", "data_admin", "hotline_agent"]}><PersonLookupPage /></RequireActor>}
          />
          <Route path="/me/appointments" element={<RequireActor kind="citizen"><AppointmentsPage /></RequireActor>} />
          <Route path="/verify" element={<VerifyCertificatePage />} />
          <Route path="/shared/:token" element={<SharedCertificatePage />} />
          <Route path="/workbench/data-elements" element={<RequireActor kind="staff"><DataElementsPage /></RequireActor>} />
          <Route path="/workbench/seal-keys" element={<RequireActor kind="staff" roles={["sys_admin"]}><SealKeysPage /></RequireActor>} />
          <Route path="/workbench/registries" element={<RequireActor kind="staff" roles={["data_admin", "sys_admin"]}><RegistriesPage /></RequireActor>} />
          <Route path="/workbench/bundles" element={<RequireActor kind="staff" roles={["catalog_admin", "sys_admin"]}><BundlesAdminPage /></RequireActor>} />
          <Route path="/workbench/sharing-rules" element={<RequireActor kind="staff" roles={["data_admin", "sys_admin"]}><SharingRulesPage /></RequireActor>} />
          <Route path="/me/certificates" element={<RequireActor kind="citizen"><MyCertificatesPage /></RequireActor>} />
          <Route path="/workbench/calendar" element={<RequireActor kind="staff"><CalendarAdminPage /></RequireActor>} />
          <Route path="/workbench/window" element={<RequireActor kind="staff" roles={["window_clerk"]}><WindowPage /></RequireActor>} />
          <Route path="/workbench/appointments" element={<RequireActor kind="staff" roles={["window_clerk", "sys_admin"]}><CentreAppointmentsPage /></RequireActor>} />
          <Route path="/messages" element={<RequireActor><MessagesPage /></RequireActor>} />
          <Route path="/print/applications/:id/:kind" element={<RequireActor><PrintDocumentPage /></RequireActor>} />
          <Route path="/me/profile" element={<RequireActor kind="citizen"><MyProfilePage /></RequireActor>} />
          <Route path="/me/ratings" element={<RequireActor kind="citizen"><MyRatingsPage /></RequireActor>} />
          <Route path="/rate/:token" element={<RateByTokenPage />} />
          <Route path="/ratings" element={<PublicRatingsPage />} />
          <Route path="/appeals/new" element={<RequireActor kind="citizen"><AppealNewPage /></RequireActor>} />
          <Route path="/me/appeals" element={<RequireActor kind="citizen"><MyAppealsPage /></RequireActor>} />
          <Route path="/me/appeals/:id" element={<RequireActor kind="citizen"><TicketPage /></RequireActor>} />
          <Route path="/workbench/rating-cases" element={<RequireActor kind="staff" roles={HANDLERS_AND_SUPERVISORS}><RatingCasesPage /></RequireActor>} />
          <Route path="/workbench/rating-cases/:id" element={<RequireActor kind="staff"><RatingCasePage /></RequireActor>} />
          <Route path="/workbench/ratings/trace" element={<RequireActor kind="staff"><Suspense fallback={<Spin />}><TracePage /></Suspense></RequireActor>} />
          <Route path="/workbench/tickets" element={<RequireActor kind="staff" roles={[...HANDLERS_AND_SUPERVISORS, "hotline_agent"]}><TicketsPage /></RequireActor>} />
          <Route path="/workbench/tickets/:id" element={<RequireActor kind="staff"><TicketPage /></RequireActor>} />
          <Route path="/workbench/hotline" element={<RequireActor kind="staff" roles={["hotline_agent"]}><HotlineConsolePage /></RequireActor>} />
          <Route path="/workbench/hot-topics" element={<RequireActor kind="staff" roles={["hotline_agent", "supervisor"]}><Suspense fallback={<Spin />}><HotTopicsPage /></Suspense></RequireActor>} />
          <Route path="/workbench/appeal-settings" element={<RequireActor kind="staff" roles={["hotline_agent", "supervisor", "sys_admin"]}><AppealSettingsPage /></RequireActor>} />
          <Route path="/me/benefits" element={<RequireActor kind="citizen"><MyBenefitsPage /></RequireActor>} />
          <Route path="/workbench/benefits" element={<RequireActor kind="staff" roles={["reviewer", "approver", "supervisor"]}><BenefitOffersPage /></RequireActor>} />
          <Route path="/workbench/auto-checks" element={<RequireActor kind="staff" roles={["reviewer", "approver", "supervisor"]}><AutoChecksPage /></RequireActor>} />
          <Route path="/workbench/policy-matching" element={<RequireActor kind="staff" roles={["catalog_admin", "supervisor"]}><PolicyMatchingPage /></RequireActor>} />
          <Route path="/workbench/policy-matching/:id" element={<RequireActor kind="staff" roles={["catalog_admin", "supervisor"]}><PolicyMatchesPage /></RequireActor>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <footer className="site-footer">
        {t("app.footer")} ·{" "}
        <Link to="/ratings" style={{ color: "inherit", textDecoration: "underline" }}>
          {t("rating.publicTitle")}
        </Link>
      </footer>
    </>
  );
}
