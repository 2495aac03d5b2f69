import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SENSITIVITY_LABELS, type Sensitivity } from "../../../../shared/data-elements";
import { dataElementInput, type DataElementView } from "../../../../shared/schemas/data";
import { call } from "../../../api";
import { dataElementEndpoints } from "../../../../shared/api/data-element";
import { validateWith } from "../../../components/form-errors";
import { useSession } from "../../../session";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

const SENSITIVITY_COLOR: Record<Sensitivity, string> = { public: "default", internal: "blue", personal: "gold", sensitive: "red" };
const VALUE_TYPES = ["string", "date", "number", "code", "boolean"] as const;

interface FormValues {
  code?: string;
  name: string;
  nameEn: string;
  valueType: (typeof VALUE_TYPES)[number];
  format?: string;
  codeListText?: string;
  description?: string;
  sensitivity: Sensitivity;
  authoritative: boolean;
}

/** "M 男" per line ↔ [{value, label}]. */
const parseCodeList = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value, ...rest] = l.split(/\s+/);
      return { value: value!, label: rest.join(" ") || value! };
    });

/** 数据元目录: everyone can read the standard; city data administrators add and change elements. */
export function DataElementsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const lang = i18n.language === "en" ? "en" : "zh";
  const [items, setItems] = useState<DataElementView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<DataElementView | "new" | null>(null);
  const [form] = Form.useForm<FormValues>();
  const canEdit = !!me && me.kind === "staff" && me.org?.regionCode === "310000" && me.roles.some((r) => r === "data_admin" || r === "sys_admin");
  const load = useCallback(() => {
    call(dataElementEndpoints.getDataElements, {  })
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const shown = useMemo(() => (items ?? []).filter((e) => !q.trim() || e.code.includes(q.trim()) || e.name.includes(q.trim()) || e.nameEn.toLowerCase().includes(q.trim().toLowerCase())), [items, q]);

  function open(e: DataElementView | "new") {
    setEditing(e);
    form.resetFields();
    if (e !== "new") form.setFieldsValue({ ...e, valueType: e.valueType as FormValues["valueType"], sensitivity: e.sensitivity as Sensitivity, format: e.format ?? "", codeListText: (e.codeList ?? []).map((c) => `${c.value} ${c.label}`).join("\n") });
    else form.setFieldsValue({ valueType: "string", sensitivity: "personal", authoritative: false });
  }

  async function save() {
    const v = await form.validateFields();
    const element = validateWith(form, dataElementInput, { name: v.name, nameEn: v.nameEn, valueType: v.valueType, format: v.format?.trim() || null, codeList: v.codeListText?.trim() ? parseCodeList(v.codeListText) : null, description: v.description ?? "", sensitivity: v.sensitivity, authoritative: v.authoritative }, i18n.language);
    if (!element) return;
    try {
      if (editing === "new") await call(dataElementEndpoints.postAdminDataElements, { body: { code: v.code?.trim() ?? "", element } });
      else if (editing) await call(dataElementEndpoints.putAdminDataElementsByCode, { params: { code: editing.code }, body: { element, lockVersion: editing.lockVersion } });
      message.success(t("de.saved"));
      setEditing(null);
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("de.title")} intro={t("de.intro")} />
      {error && <Alert type="error" message={error} role="alert" />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t("de.search")} placeholder={t("de.search")} allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 280 }} />
        {canEdit && (
          <Button type="primary" onClick={() => open("new")}>
            {t("de.add")}
          </Button>
        )}
      </Space>
      <Table<DataElementView>
        rowKey="code"
        size="small"
        loading={!items && !error}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t("de.code"), dataIndex: "code", render: (v: string) => <code>{v}</code> },
          { title: t("de.name"), dataIndex: "name", render: (v: string, e) => (lang === "en" ? e.nameEn : v) },
          { title: t("de.valueType"), dataIndex: "valueType", render: (v: string) => t(`de.type_${v}`) },
          { title: t("de.format"), render: (_, e) => e.format ?? (e.codeList ? e.codeList.map((c) => `${c.value}=${c.label}`).join("，") : "—") },
          { title: t("de.sensitivity"), dataIndex: "sensitivity", render: (v: Sensitivity) => <Tag color={SENSITIVITY_COLOR[v]}>{SENSITIVITY_LABELS[v][lang]}</Tag> },
          { title: t("de.authoritative"), dataIndex: "authoritative", render: (v: boolean) => (v ? <Tag color="success">{t("de.yes")}</Tag> : "—") },
          { title: t("de.description"), dataIndex: "description" },
          ...(canEdit ? [{ title: t("staff.actions"), key: "edit", render: (_: unknown, e: DataElementView) => <Button size="small" onClick={() => open(e)}>{t("de.edit")}</Button> }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === "new" ? t("de.add") : t("de.edit")} onCancel={() => setEditing(null)} onOk={() => void save()} okText={t("staff.save")} cancelText={t("staff.cancel")} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark>
          {editing === "new" && (
            <Form.Item name="code" label={t("de.code")} extra={t("de.codeHelp")} rules={[{ required: true, message: t("register.required", { field: t("de.code") }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t("de.name")} rules={[{ required: true, message: t("register.required", { field: t("de.name") }) }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t("de.nameEn")} rules={[{ required: true, message: t("register.required", { field: t("de.nameEn") }) }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="valueType" label={t("de.valueType")}>
            <Select options={VALUE_TYPES.map((v) => ({ value: v, label: t(`de.type_${v}`) }))} />
          </Form.Item>
          <Form.Item name="format" label={t("de.format")}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="codeListText" label={t("de.codeList")} extra={t("de.codeListHelp")}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="description" label={t("de.description")}>
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
          <Form.Item name="sensitivity" label={t("de.sensitivity")}>
            <Select options={(Object.keys(SENSITIVITY_LABELS) as Sensitivity[]).map((s) => ({ value: s, label: SENSITIVITY_LABELS[s][lang] }))} />
          </Form.Item>
          <Form.Item name="authoritative" label={t("de.authoritative")} valuePropName="checked" extra={t("de.authoritativeHelp")}>
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
