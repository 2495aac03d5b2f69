import { Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Entry pages for citizens, businesses and life events; they list items once the catalogue publishes them. */
export function CataloguePage({ kind }: { kind: "personal" | "enterprise" | "bundles" }) {
  const { t } = useTranslation();
  const title = { personal: t("catalogue.personalTitle"), enterprise: t("catalogue.enterpriseTitle"), bundles: t("catalogue.bundlesTitle") }[kind];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      <Empty description={<><div>{t("catalogue.empty")}</div><div>{t("catalogue.emptyHint")}</div></>} />
    </>
  );
}
