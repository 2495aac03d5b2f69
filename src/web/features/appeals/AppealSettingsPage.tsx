import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table } from "antd";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { APPEAL_CATEGORIES, categoryPath, TICKET_TYPES, type TicketType } from "../../../shared/appeals";
import type { dispatchRule } from "../../../shared/schemas/appeals";
import type { OrgNode } from "../../../shared/schemas/staff";
import type { DeadlineSettings } from "../../../shared/schemas/supervision";
import { inLang } from "../../labels";
import { cityChildren, orgChildren, call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { appealEndpoints } from "../../../shared/api/appeal";
import { useSession } from "../../session";
import { PageFrame, errorMessage } from "../../components/PageFrame";

type Rule = z.infer<typeof dispatchRule>;

/** 时限与派单设置: working-day deadlines (city supervisors) and the dispatch catalogue (the 12345 desk). */
export function AppealSettingsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<ResponseOf<typeof ratingEndpoints.getSupervisionDeadlines> | null>(null);
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [draft, setDraft] = useState<{ categoryCode?: string; divisionPrefix: string; orgId?: string }>({ divisionPrefix: "" });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call(ratingEndpoints.getSupervisionDeadlines, {  }).then(setSettings, (e: Error) => setError(e.message));
    call(appealEndpoints.getDispatchRules, {  }).then((r) => setRules(r.items), (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    void (async () => {
      const city = await cityChildren();
      const districts = city.filter((o) => o.kind === "district");
      const nested = await Promise.all(districts.map((d) => orgChildren(d.id)));
      setOrgs([...city.filter((o) => o.kind === "department" || o.kind === "district"), ...nested.flat().filter((o) => o.kind === "department" || o.kind === "street")]);
    })();
  }, []);
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      message.success(t("settings.saved"));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const canEditDeadlines = me?.roles.some((r) => r === "supervisor" || r === "sys_admin") && me.org?.regionCode === "310000";
  const setDays = (key: keyof Omit<DeadlineSettings, "ticketReplyDays">, v: number | null) => settings && v && setSettings({ ...settings, value: { ...settings.value, [key]: v } });

  return (
    <>
      <PageFrame title={t("settings.title")} error={error} />
      {settings && (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("settings.deadlines")}</h2>} style={{ marginBottom: 16 }}>
          <Form layout="inline">
            {(["caseRespondDays", "caseRectifyDays", "ticketSignDays"] as const).map((k) => (
              <Form.Item key={k} label={t(`settings.${k}`)} htmlFor={`days-${k}`}>
                <InputNumber id={`days-${k}`} min={1} max={60} value={settings.value[k]} disabled={!canEditDeadlines} onChange={(v) => setDays(k, v)} />
              </Form.Item>
            ))}
            {(Object.keys(TICKET_TYPES) as TicketType[]).map((k) => (
              <Form.Item key={k} label={inLang(i18n.language, TICKET_TYPES[k])} htmlFor={`days-${k}`}>
                <InputNumber id={`days-${k}`} min={1} max={60} value={settings.value.ticketReplyDays[k]} disabled={!canEditDeadlines} onChange={(v) => v && setSettings({ ...settings, value: { ...settings.value, ticketReplyDays: { ...settings.value.ticketReplyDays, [k]: v } } })} />
              </Form.Item>
            ))}
            {canEditDeadlines && (
              <Button type="primary" onClick={() => void run(async () => setSettings(await call(ratingEndpoints.putSupervisionDeadlines, { body: settings })))}>
                {t("settings.save")}
              </Button>
            )}
          </Form>
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("settings.rules")}</h2>}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t("ticket.category")} placeholder={t("ticket.category")} style={{ width: 280 }} value={draft.categoryCode} onChange={(v) => setDraft({ ...draft, categoryCode: v })} options={APPEAL_CATEGORIES.map((c) => ({ value: c.code, label: categoryPath(c.code) }))} />
          <Input aria-label={t("settings.place")} placeholder={t("settings.place")} style={{ width: 160 }} value={draft.divisionPrefix} onChange={(e) => setDraft({ ...draft, divisionPrefix: e.target.value.trim() })} />
          <Select aria-label={t("ticket.targetOrg")} placeholder={t("ticket.chooseOrg")} showSearch optionFilterProp="label" style={{ width: 280 }} value={draft.orgId} onChange={(v) => setDraft({ ...draft, orgId: v })} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          <Button type="primary" onClick={() => void run(async () => setRules((await call(appealEndpoints.putDispatchRules, { body: { ...draft, categoryCode: draft.categoryCode ?? "", orgId: draft.orgId ?? "" } })).items))}>
            {t("settings.addRule")}
          </Button>
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={!rules}
          dataSource={rules ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t("ticket.category"), dataIndex: "categoryName" },
            { title: t("settings.place"), dataIndex: "divisionPrefix" },
            { title: t("ticket.org"), dataIndex: "orgName" },
            {
              title: "",
              key: "delete",
              render: (_: unknown, r: Rule) => (
                <Button size="small" danger aria-label={`${t("settings.delete")} ${r.categoryName} ${r.divisionPrefix}`} onClick={() => void run(async () => { await call(appealEndpoints.deleteDispatchRulesById, { params: { id: r.id } }); load(); })}>
                  {t("settings.delete")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
