import { Spin } from "antd";
import { Suspense, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { HANDLER_ROLES, type Role } from "../shared/roles";
import { HomePage } from "./features/home/HomePage";
import { SiteHeader } from "./components/SiteHeader";
import { StaffNav } from "./components/StaffNav";
import { page } from "./components/lazy-page";
import { loginPath } from "./components/login-path";
import { useSession } from "./session";

const NotFound = page(() => import("./components/StatusPages"), "NotFound");
const Forbidden = page(() => import("./components/StatusPages"), "Forbidden");

const AgentsPage = page(() => import("./features/identity/AgentsPage"), "AgentsPage");
const CatalogueAdminPage = page(() => import("./features/workbench/catalogue/CatalogueAdminPage"), "CatalogueAdminPage");
const CatalogueAuditPage = page(() => import("./features/workbench/catalogue/CatalogueAuditPage"), "CatalogueAuditPage");
const CatalogueItemAdminPage = page(() => import("./features/workbench/catalogue/CatalogueItemAdminPage"), "CatalogueItemAdminPage");
const ItemEditorPage = page(() => import("./features/workbench/catalogue/ItemEditorPage"), "ItemEditorPage");
const CataloguePage = page(() => import("./features/catalogue/CataloguePage"), "CataloguePage");
const BundlePage = page(() => import("./features/bundles/BundlePage"), "BundlePage");
const BundleResultPage = page(() => import("./features/bundles/BundleResultPage"), "BundleResultPage");
const MyBundlesPage = page(() => import("./features/bundles/BundleResultPage"), "MyBundlesPage");
const SigningPage = page(() => import("./features/signing/SigningPage"), "SigningPage");
const MySigningPage = page(() => import("./features/signing/SigningPage"), "MySigningPage");
const BundlesPage = page(() => import("./features/bundles/BundlesPage"), "BundlesPage");
const BundlesAdminPage = page(() => import("./features/workbench/catalogue/BundlesAdminPage"), "BundlesAdminPage");
const DepartmentsPage = page(() => import("./features/catalogue/DepartmentsPage"), "DepartmentsPage");
const GuidePage = page(() => import("./features/catalogue/GuidePage"), "GuidePage");
const LoginPage = page(() => import("./features/identity/LoginPage"), "LoginPage");
const MePage = page(() => import("./features/identity/MePage"), "MePage");
const MyApplicationsPage = page(() => import("./features/applications/MyApplicationsPage"), "MyApplicationsPage");
const ApplicationDetailPage = page(() => import("./features/applications/ApplicationDetailPage"), "ApplicationDetailPage");
const InboxPage = page(() => import("./features/applications/InboxPage"), "InboxPage");
const PersonLookupPage = page(() => import("./features/workbench/data/PersonLookupPage"), "PersonLookupPage");
const PoliciesPage = page(() => import("./features/catalogue/PoliciesPage"), "PoliciesPage");
const PolicyPage = page(() => import("./features/catalogue/PolicyPage"), "PolicyPage");
const RegisterPage = page(() => import("./features/identity/RegisterPage"), "RegisterPage");
const SearchPage = page(() => import("./features/catalogue/SearchPage"), "SearchPage");
const StaffAdminPage = page(() => import("./features/workbench/admin/StaffAdminPage"), "StaffAdminPage");
const SynonymsPage = page(() => import("./features/workbench/catalogue/SynonymsPage"), "SynonymsPage");
const AnswersPage = page(() => import("./features/workbench/catalogue/AnswersPage"), "AnswersPage");
const WorkbenchPage = page(() => import("./features/workbench/WorkbenchPage"), "WorkbenchPage");
const PrintDocumentPage = page(() => import("./features/applications/PrintDocumentPage"), "PrintDocumentPage");
const MessagesPage = page(() => import("./features/notifications/MessagesPage"), "MessagesPage");
const AppointmentsPage = page(() => import("./features/appointments/AppointmentsPage"), "AppointmentsPage");
const CentreAppointmentsPage = page(() => import("./features/appointments/CentreAppointmentsPage"), "CentreAppointmentsPage");
const WindowPage = page(() => import("./features/applications/WindowPage"), "WindowPage");
const CalendarAdminPage = page(() => import("./features/workbench/admin/CalendarAdminPage"), "CalendarAdminPage");
const DataElementsPage = page(() => import("./features/workbench/data/DataElementsPage"), "DataElementsPage");
const SharingRulesPage = page(() => import("./features/workbench/data/SharingRulesPage"), "SharingRulesPage");
const RegistriesPage = page(() => import("./features/workbench/data/RegistriesPage"), "RegistriesPage");
const SharedCertificatePage = page(() => import("./features/certificates/SharedCertificatePage"), "SharedCertificatePage");
const SealKeysPage = page(() => import("./features/certificates/SealKeysPage"), "SealKeysPage");
const VerifyCertificatePage = page(() => import("./features/certificates/VerifyCertificatePage"), "VerifyCertificatePage");
const MyCertificatesPage = page(() => import("./features/certificates/MyCertificatesPage"), "MyCertificatesPage");
const MyRatingsPage = page(() => import("./features/ratings/MyRatingsPage"), "MyRatingsPage");
const AutoChecksPage = page(() => import("./features/proactive/ProactivePages"), "AutoChecksPage");
const BenefitOffersPage = page(() => import("./features/proactive/ProactivePages"), "BenefitOffersPage");
const MyBenefitsPage = page(() => import("./features/proactive/ProactivePages"), "MyBenefitsPage");
const PolicyMatchesPage = page(() => import("./features/proactive/ProactivePages"), "PolicyMatchesPage");
const PolicyMatchingPage = page(() => import("./features/proactive/ProactivePages"), "PolicyMatchingPage");
const RateByTokenPage = page(() => import("./features/ratings/RateByTokenPage"), "RateByTokenPage");
const PublicRatingsPage = page(() => import("./features/ratings/PublicRatingsPage"), "PublicRatingsPage");
const RatingCasePage = page(() => import("./features/ratings/RatingCasesPage"), "RatingCasePage");
const RatingCasesPage = page(() => import("./features/ratings/RatingCasesPage"), "RatingCasesPage");
const AppealNewPage = page(() => import("./features/appeals/TicketPages"), "AppealNewPage");
const HotlineConsolePage = page(() => import("./features/appeals/TicketPages"), "HotlineConsolePage");
const MyAppealsPage = page(() => import("./features/appeals/TicketPages"), "MyAppealsPage");
const TicketPage = page(() => import("./features/appeals/TicketPages"), "TicketPage");
const TicketsPage = page(() => import("./features/appeals/TicketPages"), "TicketsPage");
const TracePage = page(() => import("./features/ratings/TracePage"), "TracePage");
const HotTopicsPage = page(() => import("./features/appeals/HotTopicsPage"), "HotTopicsPage");
const PerformancePage = page(() => import("./features/supervision/PerformancePage"), "PerformancePage");
const PublicPerformancePage = page(() => import("./features/supervision/PublicPerformancePage"), "PublicPerformancePage");
const ScorecardPage = page(() => import("./features/supervision/ScorecardPage"), "ScorecardPage");
const FinancePage = page(() => import("./features/payments/FinancePage"), "FinancePage");
const IntegrationsPage = page(() => import("./features/integrations/IntegrationsPage"), "IntegrationsPage");
const MyPaymentsPage = page(() => import("./features/payments/MyPaymentsPage"), "MyPaymentsPage");
const OrdersPage = page(() => import("./features/supervision/OrdersPage"), "OrdersPage");
const OrderPage = page(() => import("./features/supervision/OrdersPage"), "OrderPage");
const AppealSettingsPage = page(() => import("./features/appeals/AppealSettingsPage"), "AppealSettingsPage");
const MyProfilePage = page(() => import("./features/identity/MyProfilePage"), "MyProfilePage");

/** Shows its children only to the right kind of logged-in user (and roles, for staff). */
function RequireActor({ kind, roles, children }: { kind?: "citizen" | "staff"; roles?: Role[]; children: ReactNode }) {
  const { me, loading } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (loading) return <Spin tip={t("common.loading")} />;
  if (!me) return <Navigate to={loginPath("/login", location.pathname + location.search)} replace />;
  if ((kind && me.kind !== kind) || (roles && !roles.some((r) => me.roles.includes(r)))) return <Forbidden />;
  return <>{children}</>;
}

const HANDLERS_AND_SUPERVISORS: Role[] = [...HANDLER_ROLES, "supervisor"];
/** Who sees the payments of their departments (finance staff, the handling roles, supervisors). */
const FINANCE_READERS: Role[] = ["finance", "window_clerk", "reviewer", "approver", "supervisor"];

/**
 * After a change of page, focus goes to the page's content (its heading once it is there), so a keyboard
 * or screen-reader user starts reading the new page instead of staying in the header.
 */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById("main");
    if (!main || main.contains(document.activeElement)) return;
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);
}

export function AppRoutes() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <SiteHeader />
      <StaffNav />
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<Spin tip={t("common.loading")} />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/personal" element={<CataloguePage kind="personal" />} />
          <Route path="/enterprise" element={<CataloguePage kind="enterprise" />} />
          <Route path="/bundles" element={<BundlesPage />} />
          <Route path="/bundles/:code" element={<BundlePage />} />
          <Route path="/me/bundles" element={<RequireActor kind="citizen"><MyBundlesPage /></RequireActor>} />
          <Route path="/me/bundles/:id" element={<RequireActor kind="citizen"><BundleResultPage /></RequireActor>} />
          <Route path="/me/signing" element={<RequireActor kind="citizen"><MySigningPage /></RequireActor>} />
          <Route path="/me/signing/:id" element={<RequireActor kind="citizen"><SigningPage /></RequireActor>} />
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
          <Route path="/me/payments" element={<RequireActor kind="citizen"><MyPaymentsPage /></RequireActor>} />
          <Route path="/workbench/calendar" element={<RequireActor kind="staff"><CalendarAdminPage /></RequireActor>} />
          <Route path="/workbench/window" element={<RequireActor kind="staff" roles={["window_clerk"]}><WindowPage /></RequireActor>} />
          <Route path="/workbench/appointments" element={<RequireActor kind="staff" roles={["window_clerk", "sys_admin"]}><CentreAppointmentsPage /></RequireActor>} />
          <Route path="/messages" element={<RequireActor><MessagesPage /></RequireActor>} />
          <Route path="/print/applications/:id/:kind" element={<RequireActor><PrintDocumentPage /></RequireActor>} />
          <Route path="/me/profile" element={<RequireActor kind="citizen"><MyProfilePage /></RequireActor>} />
          <Route path="/me/ratings" element={<RequireActor kind="citizen"><MyRatingsPage /></RequireActor>} />
          <Route path="/rate/:token" element={<RateByTokenPage />} />
          <Route path="/ratings" element={<PublicRatingsPage />} />
          <Route path="/performance" element={<PublicPerformancePage />} />
          <Route path="/appeals/new" element={<RequireActor kind="citizen"><AppealNewPage /></RequireActor>} />
          <Route path="/me/appeals" element={<RequireActor kind="citizen"><MyAppealsPage /></RequireActor>} />
          <Route path="/me/appeals/:id" element={<RequireActor kind="citizen"><TicketPage /></RequireActor>} />
          <Route path="/workbench/rating-cases" element={<RequireActor kind="staff" roles={HANDLERS_AND_SUPERVISORS}><RatingCasesPage /></RequireActor>} />
          <Route path="/workbench/rating-cases/:id" element={<RequireActor kind="staff"><RatingCasePage /></RequireActor>} />
          <Route path="/workbench/ratings/trace" element={<RequireActor kind="staff"><TracePage /></RequireActor>} />
          <Route path="/workbench/tickets" element={<RequireActor kind="staff" roles={[...HANDLERS_AND_SUPERVISORS, "hotline_agent"]}><TicketsPage /></RequireActor>} />
          <Route path="/workbench/tickets/:id" element={<RequireActor kind="staff"><TicketPage /></RequireActor>} />
          <Route path="/workbench/hotline" element={<RequireActor kind="staff" roles={["hotline_agent"]}><HotlineConsolePage /></RequireActor>} />
          <Route path="/workbench/performance" element={<RequireActor kind="staff" roles={["supervisor", "approver"]}><PerformancePage /></RequireActor>} />
          <Route path="/workbench/scorecards" element={<RequireActor kind="staff" roles={["supervisor"]}><ScorecardPage /></RequireActor>} />
          <Route path="/workbench/finance" element={<RequireActor kind="staff" roles={FINANCE_READERS}><FinancePage /></RequireActor>} />
          <Route path="/workbench/integrations" element={<RequireActor kind="staff" roles={["sys_admin"]}><IntegrationsPage /></RequireActor>} />
          <Route path="/workbench/orders" element={<RequireActor kind="staff" roles={HANDLERS_AND_SUPERVISORS}><OrdersPage /></RequireActor>} />
          <Route path="/workbench/orders/:id" element={<RequireActor kind="staff" roles={HANDLERS_AND_SUPERVISORS}><OrderPage /></RequireActor>} />
          <Route path="/workbench/hot-topics" element={<RequireActor kind="staff" roles={["hotline_agent", "supervisor"]}><HotTopicsPage /></RequireActor>} />
          <Route path="/workbench/appeal-settings" element={<RequireActor kind="staff" roles={["hotline_agent", "supervisor", "sys_admin"]}><AppealSettingsPage /></RequireActor>} />
          <Route path="/me/benefits" element={<RequireActor kind="citizen"><MyBenefitsPage /></RequireActor>} />
          <Route path="/workbench/benefits" element={<RequireActor kind="staff" roles={["reviewer", "approver", "supervisor"]}><BenefitOffersPage /></RequireActor>} />
          <Route path="/workbench/auto-checks" element={<RequireActor kind="staff" roles={["reviewer", "approver", "supervisor"]}><AutoChecksPage /></RequireActor>} />
          <Route path="/workbench/policy-matching" element={<RequireActor kind="staff" roles={["catalog_admin", "supervisor"]}><PolicyMatchingPage /></RequireActor>} />
          <Route path="/workbench/policy-matching/:id" element={<RequireActor kind="staff" roles={["catalog_admin", "supervisor"]}><PolicyMatchesPage /></RequireActor>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
        </Suspense>
      </main>
      <footer className="site-footer">
        {t("app.footer")} ·{" "}
        <Link to="/ratings" style={{ color: "inherit", textDecoration: "underline" }}>
          {t("rating.publicTitle")}
        </Link>{" "}
        ·{" "}
        <Link to="/performance" style={{ color: "inherit", textDecoration: "underline" }}>
          {t("perf.publicTitle")}
        </Link>
      </footer>
    </>
  );
}
