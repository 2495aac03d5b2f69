import { Alert, App, Button, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PrefillField } from "../../../shared/schemas/data";
import { chinaDate } from "../../../shared/china-time";
import { errorMessage } from "../../components/PageFrame";

export type ConsentState = "asked" | "given" | "declined";

/**
 * 授权预填: asks the applicant once whether the government's data may be used for this item; when they
 * agree, fetches the prefill (the read is logged and shown on 我的数据使用记录); when they decline, they
 * type and upload themselves. Either choice can be revisited.
 */
export function PrefillPanel<T>({ load, orgName, state, onPrefill, onDecline }: { load: () => Promise<T>; orgName: string; state: ConsentState; onPrefill: (p: T) => void; onDecline: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function agree() {
    setBusy(true);
    try {
      onPrefill(await load());
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  if (state === "given") return null;
  return (
    <Alert
      type={state === "declined" ? "warning" : "info"}
      showIcon
      style={{ marginBottom: 16 }}
      message={<strong>{state === "declined" ? t("prefill.declinedTitle") : t("prefill.title")}</strong>}
      description={
        <Space direction="vertical">
          <Typography.Text>{state === "declined" ? t("prefill.declinedText") : t("prefill.text", { org: orgName })}</Typography.Text>
          <Space wrap>
            <Button type="primary" loading={busy} onClick={() => void agree()}>
              {t("prefill.agree")}
            </Button>
            {state === "asked" && <Button onClick={onDecline}>{t("prefill.decline")}</Button>}
          </Space>
        </Space>
      }
    />
  );
}

/** Under a prefilled field: where the value came from, that it cannot be changed, and any other source that disagrees. */
export function PrefillNote({ field }: { field: PrefillField }) {
  const { t } = useTranslation();
  const when = field.source.updatedAt ? t("prefill.updated", { date: chinaDate(field.source.updatedAt) }) : "";
  return (
    <span>
      <Typography.Text type="success" style={{ fontSize: 12 }}>
        {t("prefill.from", { registry: field.source.registryName, org: field.source.orgName })}
        {when}
        {field.authoritative ? `；${t("prefill.authoritative")}` : ""}
      </Typography.Text>
      {field.conflicts.map((c, i) => (
        <Typography.Text key={i} type="warning" style={{ display: "block", fontSize: 12 }}>
          {t("prefill.conflict", { registry: c.registryName, org: c.orgName, value: String(c.value) })}
        </Typography.Text>
      ))}
    </span>
  );
}
