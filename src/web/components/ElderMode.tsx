import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

/**
 * 长辈模式 (elder mode, per the national 适老化 rules for Internet applications): larger type and targets,
 * higher contrast, a simpler home page. Remembered in this browser; the switch is on every page.
 */
const KEY = "haoban_elder";
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

function apply(on: boolean) {
  document.documentElement.classList.toggle("elder", on);
}

apply(read());

export function setElderMode(on: boolean) {
  try {
    if (on) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
  } catch {
    // a browser that keeps nothing still switches for this visit
  }
  apply(on);
  listeners.forEach((l) => l());
}

export function useElderMode(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => document.documentElement.classList.contains("elder"),
  );
}

export function ElderModeSwitch() {
  const { t } = useTranslation();
  const on = useElderMode();
  return (
    <button type="button" className="header-button plain elder-switch" aria-pressed={on} onClick={() => setElderMode(!on)}>
      {t("nav.elder")}
      {on && <span aria-hidden> ✓</span>}
    </button>
  );
}
