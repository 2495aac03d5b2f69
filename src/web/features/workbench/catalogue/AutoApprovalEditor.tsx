import { Alert, App, Button, Card, Descriptions, Input, List, Select, Space, Switch, Tag, Typography } from "antd";
import type { ResponseOf } from "../../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Rule } from "../../../../shared/rules";
import type { ruleTestView } from "../../../../shared/schemas/rules";
import { ApiError, call } from "../../../api";
import { autoApprovalEndpoints } from "../../../../shared/api/auto-approval";
import { profileEndpoints } from "../../../../shared/api/profile";
import { useSession } from "../../../session";
import { chinaDate } from "../../../../shared/china-time";

type AutoApproval = NonNullable<ResponseOf<typeof autoApprovalEndpoints.getAdminCatalogueItemsByIdAutoApproval>["autoApproval"]>;

/**
 * 秒批 on an item's page: the rule (JSON), its version and switch; test it against a person (ID number)
 * or an enterprise (credit code) and see which conditions pass; catalogue administrators save a new
 * version, supervisors switch it on or off.
 */
export function AutoApprovalEditor({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<AutoApproval | null | undefined>(undefined);
  const [text, setText] = useState("");
  const [subject, setSubject] = useState("");
  const [grantMode, setGrantMode] = useState<"consent" | "opt_out" | null>(null);
  const [result, setResult] = useState<z.infer<typeof ruleTestView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(autoApprovalEndpoints.getAdminCatalogueItemsByIdAutoApproval, { params: { id: itemId } }).then(
      (r) => {
        setCurrent(r.autoApproval);
        setText(r.autoApproval ? JSON.stringify(r.autoApproval.rule, null, 2) : "");
        setGrantMode(r.autoApproval?.grantMode ?? null);
      },
      () => setCurrent(null),
    );
  }, [itemId]);
  useEffect(load, [load]);
  if (current === undefined) return null;
  const canEdit = me?.roles.includes("catalog_admin") ?? false;
  const canSwitch = me?.roles.some((r) => r === "supervisor" || r === "catalog_admin") ?? false;

  async function run(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message}${err.details ? `：${((err.details as { problems?: string[] }).problems ?? []).join("；")}` : ""}` : String(err));
    }
  }
  const parsed = () => {
    try {
      return JSON.parse(text) as Rule;
    } catch (e) {
      throw new ApiError(400, "BAD_JSON", t("auto.badJson", { error: (e as Error).message }));
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("auto.title")}</h2>} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t("auto.intro")}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      {current && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("auto.version")}>{current.version}</Descriptions.Item>
          <Descriptions.Item label={t("auto.updatedBy")}>{`${current.updatedBy} ${chinaDate(current.updatedAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t("autoMore.grantMode")}>{t(`autoMore.grant_${current.grantMode ?? "none"}`)}</Descriptions.Item>
          <Descriptions.Item label={t("auto.enabled")}>
            {current.tested ? <Tag color="success">{t("autoMore.tested")}</Tag> : <Tag color="warning">{t("autoMore.untested")}</Tag>}
            <Switch
              checked={current.enabled}
              disabled={!canSwitch}
              aria-label={t("auto.enabled")}
              onChange={(enabled) => void run(async () => setCurrent((await call(autoApprovalEndpoints.postAdminCatalogueItemsByIdAutoApprovalEnabled, { params: { id: itemId }, body: { enabled } })).autoApproval))}
            />
          </Descriptions.Item>
        </Descriptions>
      )}
      <label htmlFor="auto-rule">{t("auto.rule")}</label>
      <Input.TextArea id="auto-rule" rows={6} value={text} readOnly={!canEdit} onChange={(e) => setText(e.target.value)} style={{ fontFamily: "monospace", marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input aria-label={t("auto.subject")} placeholder={t("auto.subject")} value={subject} onChange={(e) => setSubject(e.target.value.trim())} style={{ width: 280 }} />
        <Button
          disabled={!subject || !text}
          onClick={() =>
            void run(async () => {
              const rule = parsed();
              const who = subject.length === 18 && /^\d{17}[\dX]$/.test(subject) ? { idNumber: subject } : { creditCode: subject };
              // The saved rule is tested as the item's: a tested version may then be switched on.
              if (current && JSON.stringify(rule) === JSON.stringify(current.rule)) {
                setResult(await call(autoApprovalEndpoints.postAdminCatalogueItemsByIdAutoApprovalTest, { params: { id: itemId }, body: { subject: who } }));
                load();
              } else setResult(await call(profileEndpoints.postRulesTest, { body: { rule, subject: who } }));
            })
          }
        >
          {t("auto.test")}
        </Button>
        {canEdit && (
          <Select
            aria-label={t("autoMore.grantMode")}
            value={grantMode ?? "none"}
            onChange={(v: string) => setGrantMode(v === "none" ? null : (v as "consent" | "opt_out"))}
            style={{ width: 220 }}
            options={(["none", "consent", "opt_out"] as const).map((v) => ({ value: v, label: `${t("autoMore.grantMode")}：${t(`autoMore.grant_${v}`)}` }))}
          />
        )}
        {canEdit && (
          <Button
            type="primary"
            disabled={!text}
            onClick={() =>
              void run(async () => {
                setCurrent((await call(autoApprovalEndpoints.putAdminCatalogueItemsByIdAutoApproval, { params: { id: itemId }, body: { rule: parsed(), grantMode } })).autoApproval);
                message.success(t("auto.saved"));
              })
            }
          >
            {t("auto.save")}
          </Button>
        )}
      </Space>
      {result && (
        <List
          size="small"
          header={
            <span role="status">
              {result.subject.name}：<Tag color={result.outcome === "pass" ? "success" : result.outcome === "fail" ? "error" : "warning"}>{t(`auto.outcome_${result.outcome}`)}</Tag>
            </span>
          }
          dataSource={[...result.problems, ...result.conditions.map((c) => c.text)]}
          renderItem={(line) => <List.Item>{line}</List.Item>}
        />
      )}
    </Card>
  );
}
