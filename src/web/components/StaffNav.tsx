import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Select } from "antd";
import { NavLink, useLocation, useNavigate } from "react-router";
import { authEndpoints } from "../../shared/api/auth";
import { workbenchEndpoints } from "../../shared/api/workbench";
import type { ResponseOf } from "../../shared/api/endpoint";
import { HANDLER_ROLES, type Role } from "../../shared/roles";
import { call, errorMessage } from "../api";
import { useSession } from "../session";

export type WorkCounts = ResponseOf<typeof workbenchEndpoints.getWorkbenchCounts>;

/** What waits for the staff member (read again on every change of page); null until known or for citizens. */
export function useWorkCounts(): WorkCounts | null {
  const { me } = useSession();
  const location = useLocation();
  const [counts, setCounts] = useState<WorkCounts | null>(null);
  useEffect(() => {
    if (me?.kind !== "staff") return setCounts(null);
    let live = true;
    call(workbenchEndpoints.getWorkbenchCounts, {})
      .then((c) => live && setCounts(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [me, location.pathname]);
  return counts;
}

/** A count beside a section's name: red when something is overdue; the words say what it counts. */
export function WorkCount({ n, label, danger = false }: { n: number | null | undefined; label: string; danger?: boolean }) {
  if (n === null || n === undefined) return null;
  return (
    <span className={danger && n > 0 ? "tab-count tab-count-danger" : "tab-count"} title={label}>
      {n}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/**
 * The staff navigation on every workbench page (the workbench itself lists every tool): the sections the
 * staff member's roles work in, each with what waits there, and their organisation.
 */
export function StaffNav() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const location = useLocation();
  const counts = useWorkCounts();
  if (me?.kind !== "staff" || !location.pathname.startsWith("/workbench/")) return null;
  const has = (...roles: Role[]) => roles.some((r) => me.roles.includes(r));
  const sections: Array<{ to: string; label: string; count?: number | null; countLabel?: string; overdue?: number | null }> = [
    { to: "/workbench", label: t("nav.workbench") },
    ...(has("window_clerk", "reviewer", "approver", "supervisor") ? [{ to: "/workbench/inbox", label: t("inbox.tool"), count: has("supervisor") && !has("window_clerk", "reviewer", "approver") ? null : counts?.inbox, countLabel: t("staffNav.waiting"), overdue: counts?.overdue }] : []),
    ...(has("window_clerk") ? [{ to: "/workbench/window", label: t("window.title") }] : []),
    ...(has("hotline_agent") ? [{ to: "/workbench/hotline", label: t("ticket.hotline") }] : []),
    ...(has(...HANDLER_ROLES, "supervisor", "hotline_agent") ? [{ to: "/workbench/tickets", label: t("ticket.tickets"), count: counts?.tickets, countLabel: t("staffNav.waiting") }] : []),
    ...(has(...HANDLER_ROLES, "supervisor") ? [{ to: "/workbench/rating-cases", label: t("cases.title"), count: counts?.ratingCases, countLabel: t("staffNav.open") }] : []),
    ...(has(...HANDLER_ROLES, "supervisor") ? [{ to: "/workbench/orders", label: t("order.title"), count: counts?.orders, countLabel: t("staffNav.waiting") }] : []),
    ...(has("supervisor", "approver") ? [{ to: "/workbench/performance", label: t("perf.title") }] : []),
    ...(has("supervisor") ? [{ to: "/workbench/scorecards", label: t("score.title") }] : []),
    ...(has("finance") ? [{ to: "/workbench/finance", label: t("finance.title") }] : []),
  ];
  return (
    <nav className="staff-nav" aria-label={t("staffNav.label")}>
      <ul>
        {sections.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} end>
              {s.label} <WorkCount n={s.count} label={s.countLabel ?? ""} />
              {s.overdue ? <WorkCount n={s.overdue} label={t("staffNav.overdue")} danger /> : null}
            </NavLink>
          </li>
        ))}
      </ul>
      <span className="staff-nav-org">{me.posts.length > 1 ? <PostSwitch /> : i18n.language === "en" ? me.org?.nameEn : me.org?.name}</span>
    </nav>
  );
}

/** 一人多岗: the post the staff member works in, and a switch to their others (the workbench opens for the one chosen). */
export function PostSwitch() {
  const { t, i18n } = useTranslation();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  if (!me || me.posts.length < 2) return null;
  const name = (p: { orgName: string; orgNameEn: string }) => (i18n.language === "en" ? p.orgNameEn : p.orgName);
  const choose = (orgId: string) =>
    call(authEndpoints.postMePost, { body: { orgId } }).then(
      (next) => {
        setError(null);
        setMe(next);
        void navigate("/workbench");
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  return (
    <>
      <Select
        size="small"
        aria-label={t("staffNav.post")}
        value={me.posts.find((p) => p.active)?.orgId}
        onChange={(v: string) => void choose(v)}
        style={{ minWidth: 240 }}
        options={me.posts.map((p) => ({ value: p.orgId, label: `${name(p)}（${p.roles.map((r) => t(`roles.${r}`)).join("、")}）` }))}
      />
      {error && (
        <span role="alert" style={{ color: "#a8071a", marginLeft: 8 }}>
          {error}
        </span>
      )}
    </>
  );
}
