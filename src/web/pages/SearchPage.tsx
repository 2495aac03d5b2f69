import { Empty, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";

/** Search results. The catalogue has no published items yet, so every search ends in the honest empty state. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get("q") ?? "";
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("search.title")}
      </Typography.Title>
      <Input.Search
        defaultValue={q}
        key={q}
        aria-label={t("home.searchLabel")}
        placeholder={t("home.searchPlaceholder")}
        enterButton={t("home.search")}
        onSearch={(v) => v.trim() && navigate(`/search?q=${encodeURIComponent(v.trim())}`)}
        style={{ maxWidth: 640, marginBottom: 24 }}
      />
      <Empty description={<><div>{t("search.empty", { q })}</div><div>{t("search.hint")}</div></>} />
    </>
  );
}
