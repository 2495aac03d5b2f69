import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { benefitSentence, type AssessedBenefit } from "../../shared/benefit-words";

/** A benefit's result as a citizen reads it: how much, for which band, when it is first paid and where — or that it was stopped. */
export function BenefitResult({ benefit, style }: { benefit: AssessedBenefit & { stopped?: boolean }; style?: React.CSSProperties }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <Alert
      type={benefit.stopped ? "warning" : "success"}
      showIcon
      style={style}
      message={t("benefitResult.title")}
      description={
        <>
          <p style={{ margin: 0 }}>{t("benefitResult.body", { sentence: benefitSentence(benefit, lang) })}</p>
          {benefit.stopped && <p style={{ margin: 0 }}>{t("benefitResult.stopped")}</p>}
        </>
      }
    />
  );
}
