import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_TYPES } from "../../../../shared/catalogue";
import { SHARING_SUBJECTS, type DataElementView, type SharingRuleView } from "../../../../shared/schemas/data";
import { call } from "../../../api";
import { sharingEndpoints } from "../../../../shared/api/sharing";
import { dataElementEndpoints } from "../../../../shared/api/data-element";
import { useOrgTree } from "../../../components/useOrgTree";
import { useSession } from "../../../session";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

interface RuleForm {
  orgId: string;
  itemCode: string;
  subject: keyof typeof SHARING_SUBJECTS;
  elements: string[];
  note?: string;
}

/** 共享目录: which organisation may read which data elements of whom, for which item. */
export function SharingRulesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const { message } = App.useApp();
  const { me } = useSession();
  const [itemCode, setItemCode] = useState("");
  const [rules, setRules] = useState<SharingRuleView[] | null>(null);
  const [elements, setElements] = useState<DataElementView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<RuleForm>();
  const { tree, loadData } = useOrgTree([], { wholeCity: me?.org?.regionCode === "310000" });

  const load = useCallback((code: string) => {
    setRules(null);
    call(sharingEndpoints.getAdminSharingRules, { query: { limit: 100, ...(code ? { itemCode: code } : {}) } })
      .then((r) => setRules(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => load(""), [load]);
  useEffect(() => {
    void call(dataElementEndpoints.getDataElements, {  }).then((r) => setElements(r.items));
  }, []);
  const elementOptions = [
    ...elements.map((e) => ({ value: e.code, label: `${lang === "en" ? e.nameEn : e.name}（${e.code}）` })),
    ...Object.entries(CERTIFICATE_TYPES).map(([code, name]) => ({ value: `cert:${code}`, label: `${name}（${t("rules.certificate")}）` })),
  ];

  async function setStatus(r: SharingRuleView, status: "active" | "suspended") {
    try {
      await call(sharingEndpoints.patchAdminSharingRulesById, { params: { id: r.id }, body: { status } });
      load(itemCode);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function add() {
    const v = await form.validateFields();
    try {
      await call(sharingEndpoints.postAdminSharingRules, { body: { ...v, itemCode: v.itemCode.trim().toUpperCase(), note: v.note ?? "" } });
      message.success(t("rules.saved"));
      setAdding(false);
      load(itemCode);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("rules.title")} intro={t("rules.intro")} />
      {error && <Alert type="error" message={error} role="alert" />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t("rules.itemCode")} placeholder={t("rules.itemCodeHelp")} allowClear value={itemCode} onChange={(e) => setItemCode(e.target.value)} onSearch={(v) => load(v.trim().toUpperCase())} style={{ width: 280 }} />
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ subject: "applicant", elements: [] });
            setAdding(true);
          }}
        >
          {t("rules.add")}
        </Button>
      </Space>
      <Table<SharingRuleView>
        rowKey="id"
        size="small"
        loading={!rules && !error}
        dataSource={rules ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t("rules.item"), render: (_, r) => <>{r.itemName ?? "—"}<br /><code>{r.itemCode}</code></> },
          { title: t("rules.org"), dataIndex: "orgName" },
          { title: t("rules.subject"), dataIndex: "subject", render: (v: keyof typeof SHARING_SUBJECTS) => SHARING_SUBJECTS[v]?.[lang] ?? v },
          { title: t("rules.elements"), dataIndex: "elements", render: (v: SharingRuleView["elements"]) => v.map((e) => e.name).join("、") },
          { title: t("rules.status"), dataIndex: "status", render: (v: string) => (v === "active" ? <Tag color="success">{t("rules.active")}</Tag> : <Tag>{t("rules.suspended")}</Tag>) },
          { title: t("rules.note"), dataIndex: "note" },
          {
            title: t("staff.actions"),
            key: "actions",
            render: (_, r) =>
              r.status === "active" ? (
                <Button size="small" danger onClick={() => void setStatus(r, "suspended")}>{t("rules.suspend")}</Button>
              ) : (
                <Button size="small" onClick={() => void setStatus(r, "active")}>{t("rules.activate")}</Button>
              ),
          },
        ]}
      />
      <Modal open={adding} title={t("rules.add")} onCancel={() => setAdding(false)} onOk={() => void add()} okText={t("staff.save")} cancelText={t("staff.cancel")} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="orgId" label={t("rules.org")} rules={[{ required: true, message: t("staff.chooseOrg") }]}>
            <TreeSelect treeDataSimpleMode treeData={tree} loadData={loadData} placeholder={t("staff.chooseOrg")} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="itemCode" label={t("rules.itemCode")} extra={t("rules.itemCodeHelp")} rules={[{ required: true, pattern: /^[A-Za-z]{2}\d{8}$/, message: t("rules.itemCodeHelp") }]}>
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="subject" label={t("rules.subject")}>
            <Select options={(Object.keys(SHARING_SUBJECTS) as Array<keyof typeof SHARING_SUBJECTS>).map((k) => ({ value: k, label: SHARING_SUBJECTS[k][lang] }))} />
          </Form.Item>
          <Form.Item name="elements" label={t("rules.elements")} rules={[{ required: true, type: "array", min: 1, message: t("register.required", { field: t("rules.elements") }) }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={elementOptions} />
          </Form.Item>
          <Form.Item name="note" label={t("rules.note")}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
