import { Alert, App, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import type { ResponseOf } from "../../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../../shared/roles";
import { validateWorkflow, type WorkflowDefinition } from "../../../../shared/workflow-definition";
import { ApiError, call } from "../../../api";
import { catalogueAdminEndpoints } from "../../../../shared/api/catalogue-admin";
import { errorMessage } from "../../../components/PageFrame";

type State = WorkflowDefinition["states"][number];
type Action = WorkflowDefinition["actions"][number];

type View = ResponseOf<typeof catalogueAdminEndpoints.getAdminCatalogueItemsByIdWorkflow>;

const KINDS = ["start", "normal", "waiting_applicant", "terminal"] as const;
const OUTCOMES = ["approved", "denied", "rejected", "withdrawn"] as const;

/**
 * 办理流程 of one item as two editable tables (states, actions), checked live with the same rules the
 * server applies on save (every state reachable, every path ends, every action has a role, reasons
 * for refusals); saving an empty custom definition returns the item to its template.
 */
export function WorkflowEditor({ itemId }: { itemId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState<View | null>(null);
  const [def, setDef] = useState<WorkflowDefinition | null>(null);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  useEffect(() => {
    call(catalogueAdminEndpoints.getAdminCatalogueItemsByIdWorkflow, { params: { id: itemId } }).then(
      (v) => {
        setView(v);
        setDef(v.definition);
        setServerProblems([]);
      },
      () => setView(null),
    );
  }, [itemId]);
  if (!view || !def) return null;

  const problems = validateWorkflow(def);
  const stateOptions = def.states.map((s) => ({ value: s.key, label: `${s.name}（${s.key}）` }));
  const roleOptions = [...Object.entries(ROLES).map(([k, v]) => ({ value: k, label: i18n.language === "en" ? v.en : v.zh })), { value: "applicant", label: t("wf.applicant") }];
  const setState = (i: number, patch: Partial<State>) => setDef({ ...def, states: def.states.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setAction = (i: number, patch: Partial<Action>) => setDef({ ...def, actions: def.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const ro = !view.canEdit;

  async function save(definition: WorkflowDefinition | null) {
    try {
      const v = await call(catalogueAdminEndpoints.putAdminCatalogueItemsByIdWorkflow, { params: { id: itemId }, body: { definition, lockVersion: view!.lockVersion } });
      setView(v);
      setDef(v.definition);
      setServerProblems([]);
      message.success(t("wf.saved"));
    } catch (err) {
      if (err instanceof ApiError && err.code === "WORKFLOW_INVALID") setServerProblems((err.details as { problems: string[] }).problems);
      message.error(errorMessage(err));
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("wf.title")}</h2>} style={{ marginBottom: 16 }} extra={view.custom ? <Tag color="blue">{t("wf.custom")}</Tag> : <Tag>{t("wf.template", { name: view.template })}</Tag>}>
      <Space style={{ marginBottom: 8 }}>
        <label htmlFor="wf-name">{t("wf.name")}</label>
        <Input id="wf-name" value={def.name} disabled={ro} onChange={(e) => setDef({ ...def, name: e.target.value })} style={{ width: 240 }} />
      </Space>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t("wf.states")}
      </Typography.Title>
      <Table<State>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={def.states}
        columns={[
          { title: t("wf.key"), render: (_, s, i) => <Input aria-label={t("wf.key")} value={s.key} disabled={ro} onChange={(e) => setState(i, { key: e.target.value })} /> },
          { title: t("wf.stateName"), render: (_, s, i) => <Input aria-label={t("wf.stateName")} value={s.name} disabled={ro} onChange={(e) => setState(i, { name: e.target.value })} /> },
          { title: t("wf.kind"), render: (_, s, i) => <Select aria-label={t("wf.kind")} style={{ width: 130 }} value={s.kind} disabled={ro} onChange={(kind) => setState(i, { kind })} options={KINDS.map((k) => ({ value: k, label: t(`wf.kind_${k}`) }))} /> },
          { title: t("wf.limitDays"), render: (_, s, i) => <InputNumber aria-label={t("wf.limitDays")} min={0} max={365} value={s.limitDays ?? undefined} disabled={ro} onChange={(v) => setState(i, { limitDays: v ?? null })} /> },
          {
            title: t("wf.outcome"),
            render: (_, s, i) =>
              s.kind === "terminal" ? <Select aria-label={t("wf.outcome")} style={{ width: 110 }} value={s.outcome} disabled={ro} onChange={(outcome) => setState(i, { outcome })} options={OUTCOMES.map((o) => ({ value: o, label: t(`wf.outcome_${o}`) }))} /> : null,
          },
          { title: "", render: (_, __, i) => (!ro ? <Button size="small" onClick={() => setDef({ ...def, states: def.states.filter((_s, j) => j !== i) })}>{t("form.removeRow")}</Button> : null) },
        ]}
      />
      {!ro && (
        <Button size="small" style={{ margin: "8px 0 16px" }} onClick={() => setDef({ ...def, states: [...def.states, { key: `state_${def.states.length + 1}`, name: "新状态", kind: "normal", limitDays: null }] })}>
          {t("wf.addState")}
        </Button>
      )}
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t("wf.actions")}
      </Typography.Title>
      <Table<Action>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={def.actions}
        columns={[
          { title: t("wf.key"), render: (_, a, i) => <Input aria-label={t("wf.key")} value={a.key} disabled={ro} onChange={(e) => setAction(i, { key: e.target.value })} /> },
          { title: t("wf.actionName"), render: (_, a, i) => <Input aria-label={t("wf.actionName")} value={a.name} disabled={ro} onChange={(e) => setAction(i, { name: e.target.value })} /> },
          { title: t("wf.from"), render: (_, a, i) => <Select aria-label={t("wf.from")} mode="multiple" style={{ minWidth: 160 }} value={a.from} disabled={ro} onChange={(from) => setAction(i, { from })} options={stateOptions} /> },
          { title: t("wf.to"), render: (_, a, i) => <Select aria-label={t("wf.to")} style={{ minWidth: 130 }} value={a.to} disabled={ro} onChange={(to) => setAction(i, { to })} options={stateOptions} /> },
          { title: t("wf.roles"), render: (_, a, i) => <Select aria-label={t("wf.roles")} mode="multiple" style={{ minWidth: 180 }} value={a.roles} disabled={ro} onChange={(roles: Array<Role | "applicant">) => setAction(i, { roles })} options={roleOptions} /> },
          { title: t("wf.reasonRequired"), render: (_, a, i) => <Checkbox aria-label={t("wf.reasonRequired")} checked={a.reasonRequired} disabled={ro} onChange={(e) => setAction(i, { reasonRequired: e.target.checked })} /> },
          { title: t("wf.supplement"), render: (_, a, i) => <Checkbox aria-label={t("wf.supplement")} checked={a.supplement} disabled={ro} onChange={(e) => setAction(i, { supplement: e.target.checked })} /> },
          { title: "", render: (_, __, i) => (!ro ? <Button size="small" onClick={() => setDef({ ...def, actions: def.actions.filter((_a, j) => j !== i) })}>{t("form.removeRow")}</Button> : null) },
        ]}
      />
      {!ro && (
        <Button size="small" style={{ margin: "8px 0 16px" }} onClick={() => setDef({ ...def, actions: [...def.actions, { key: `action_${def.actions.length + 1}`, name: "新操作", from: [], to: def.states[0]?.key ?? "", roles: [], reasonRequired: false, supplement: false }] })}>
          {t("wf.addAction")}
        </Button>
      )}
      {[...new Set([...problems, ...serverProblems])].length > 0 ? (
        <Alert type="warning" showIcon role="alert" message={t("wf.problems")} description={<ul style={{ margin: 0 }}>{[...new Set([...problems, ...serverProblems])].map((p) => <li key={p}>{p}</li>)}</ul>} />
      ) : (
        <Alert type="success" showIcon message={t("wf.valid")} />
      )}
      {!ro && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" disabled={problems.length > 0} onClick={() => void save(def)}>
            {t("wf.save")}
          </Button>
          {view.custom && <Button onClick={() => void save(null)}>{t("wf.reset")}</Button>}
        </Space>
      )}
    </Card>
  );
}
