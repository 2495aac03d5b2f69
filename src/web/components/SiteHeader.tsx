import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { notificationEndpoints } from "../../shared/api/notification";
import { call } from "../api";
import { setLanguage } from "../i18n";
import { useSession } from "../session";
import { ElderModeSwitch } from "./ElderMode";
import { loginPath } from "./login-path";

/**
 * A button that shows and hides a panel (the disclosure pattern): opened by click, Enter or Space, never
 * by hover; Escape closes it and gives focus back to the button; a click elsewhere or a change of page
 * closes it too.
 */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return {
    open,
    setOpen,
    root,
    buttonProps: { ref: button, type: "button" as const, "aria-expanded": open, "aria-controls": id, onClick: () => setOpen(!open) },
    panelId: id,
  };
}

/** Unread messages of the logged-in person, read again on every change of page. */
function useUnread(enabled: boolean) {
  const [unread, setUnread] = useState(0);
  const location = useLocation();
  useEffect(() => {
    if (!enabled) return setUnread(0);
    let live = true;
    call(notificationEndpoints.getMessagesUnreadCount, {})
      .then((r) => live && setUnread(r.unread))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled, location.pathname]);
  return unread;
}

function AccountMenu({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const d = useDisclosure();
  return (
    <div className="account-menu" ref={d.root}>
      <button className="header-button" {...d.buttonProps} aria-label={t("nav.accountMenu", { name: label })}>
        {label} <span aria-hidden>▾</span>
      </button>
      <ul id={d.panelId} className="account-panel" hidden={!d.open}>
        {children}
      </ul>
    </div>
  );
}

/**
 * The site's header: the brand, the main navigation (behind a 菜单 button on a phone), the language and
 * 长辈模式 switches, the unread-message count and the account menu, or 登录 / 注册 that bring the person back
 * to the page they were on.
 */
export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const nav = useDisclosure();
  const unread = useUnread(!!me);
  const items = [
    { to: "/", label: t("nav.home") },
    { to: "/personal", label: t("nav.personal") },
    { to: "/enterprise", label: t("nav.enterprise") },
    { to: "/bundles", label: t("nav.bundles") },
    { to: "/departments", label: t("nav.departments") },
    { to: "/policies", label: t("nav.policies") },
    { to: "/appeals/new", label: t("nav.appeals") },
  ];
  const onAuthPage = location.pathname === "/login" || location.pathname === "/register";
  const here = onAuthPage ? new URLSearchParams(location.search).get("next") : location.pathname + location.search;
  const home = me?.kind === "staff" ? "/workbench" : "/me";
  return (
    <header className="site-header">
      <Link className="brand" to="/">
        {t("app.city")} · {t("app.name")}
        <small>{t("app.slogan")}</small>
      </Link>
      <div ref={nav.root} className="nav-wrap">
        <button className="header-button nav-toggle" {...nav.buttonProps}>
          <span aria-hidden>☰</span> {t("nav.menu")}
        </button>
        <nav aria-label={t("nav.main")} id={nav.panelId} className={nav.open ? "main-nav-panel open" : "main-nav-panel"}>
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
      </div>
      <div className="header-actions">
        <ElderModeSwitch />
        <button type="button" className="header-button plain" aria-label={`${t("nav.language")} ${t("nav.languageLabel")}`} onClick={() => void setLanguage(i18n.language === "en" ? "zh" : "en")}>
          {t("nav.language")}
        </button>
        {me ? (
          <>
            <Link className="header-button plain" to="/messages" aria-label={unread ? t("nav.messagesUnread", { n: unread }) : t("msg.title")}>
              {t("nav.messages")}
              {unread > 0 && (
                <span className="unread-count" aria-hidden>
                  {unread > 99 ? "99+" : unread}
                </span>
              )}
            </Link>
            <AccountMenu label={me.actingFor ? `${me.name}（${me.actingFor.name}）` : me.name}>
              <li>
                <Link to={home}>{me.kind === "staff" ? t("nav.workbench") : t("nav.me")}</Link>
              </li>
              {me.kind === "citizen" && (
                <li>
                  <Link to="/me/applications">{t("nav.myApplications")}</Link>
                </li>
              )}
              <li>
                <button
                  type="button"
                  onClick={async () => {
                    await logout();
                    navigate("/");
                  }}
                >
                  {t("nav.logout")}
                </button>
              </li>
            </AccountMenu>
          </>
        ) : (
          <>
            <Link className="header-button primary" to={loginPath("/login", here)}>
              {t("nav.login")}
            </Link>
            <Link className="header-button" to={loginPath("/register", here)}>
              {t("nav.register")}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}
