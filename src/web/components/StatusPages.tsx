import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** 页面不存在: downloaded only when someone reaches an address the app does not have. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="status-title">{t("common.notFound")}</h1>}
      subTitle={t("common.notFoundDesc")}
      extra={
        <Link className="button-link" to="/">
          {t("common.home")}
        </Link>
      }
    />
  );
}

/** The signed-in person's roles do not open this page. */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={<h1 className="status-title">403</h1>} subTitle={t("common.forbidden")} />;
}
