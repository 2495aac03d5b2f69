import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { BrowserRouter } from "react-router";
import { AppRoutes } from "./App";
import { languageReady } from "./i18n";
import { SessionProvider } from "./session";
import { startFirstReads } from "./first-reads";
import { useElderMode } from "./components/ElderMode";
import "./styles.css";

/** Colours chosen for WCAG AA contrast on white (antd's defaults for secondary text are too light). */
const theme = {
  token: {
    colorPrimary: "#0b4fb3",
    colorLink: "#0b4fb3",
    colorTextSecondary: "rgba(0, 0, 0, 0.68)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    colorTextDisabled: "rgba(0, 0, 0, 0.6)",
    colorError: "#c4161c",
    colorSuccess: "#21730f",
    colorSuccessBg: "#edf7e8",
    colorSuccessBorder: "#a6d58f",
    colorErrorBg: "#fdecea",
    colorErrorBorder: "#f2a7a3",
    colorInfo: "#0b4fb3",
    colorWarning: "#8f5500",
    colorWarningBg: "#fff4e0",
    colorWarningBorder: "#f0c27a",
    colorInfoBg: "#e8f0fc",
    fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', system-ui, sans-serif",
  },
};

/** 长辈模式 (适老化): larger type and controls, darker secondary text. */
const elderTheme = {
  token: {
    ...theme.token,
    fontSize: 18,
    fontSizeLG: 20,
    fontSizeSM: 16,
    fontSizeHeading1: 32,
    fontSizeHeading2: 26,
    fontSizeHeading3: 22,
    controlHeight: 44,
    controlHeightLG: 52,
    controlHeightSM: 36,
    colorText: "rgba(0, 0, 0, 0.95)",
    colorTextSecondary: "rgba(0, 0, 0, 0.85)",
    colorTextTertiary: "rgba(0, 0, 0, 0.8)",
    colorTextDescription: "rgba(0, 0, 0, 0.82)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.7)",
    motion: false,
  },
};

function Root() {
  const { i18n } = useTranslation();
  const elder = useElderMode();
  return (
    <ConfigProvider locale={i18n.language === "en" ? enUS : zhCN} theme={elder ? elderTheme : theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

// The landing page's first read goes out now, beside its script (first-reads.ts).
startFirstReads(window.location);
// An English reader's first page waits for the English dictionary instead of flashing Chinese.
void languageReady.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
