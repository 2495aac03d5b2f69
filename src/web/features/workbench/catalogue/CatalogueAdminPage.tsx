import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Upload } from "antd";
import type { ItemOf, ResponseOf } from "../../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { OrgKind } from "../../../../shared/roles";
import { useSession } from "../../../session";
import { showApiError } from "../../../components/form-errors";
import { useOrgTree } from "../../../components/useOrgTree";
import { VERSION_STATUS_LABELS } from "../../../../shared/catalogue-workflow";
import { ApiError, uploadFile, call } from "../../../api";
import { catalogueAdminEndpoints } from "../../../../shared/api/catalogue-admin";
import { labels } from "../../../labels";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

type Row = ItemOf<typeof catalogueAdminEndpoints.getAdminCatalogueItems>;

const PAGE = 20;
/** Windows and service centres accept applications but do not implement services. */
const NOT_IMPLEMENTING: OrgKind[] = ["window", "service_centre"];

/** 事项管理: the items of one's subtree, with their open drafts and versions in review. */
export function CatalogueAdminPage() {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const [data, setData] = useState<ResponseOf<typeof catalogueAdminEndpoints.getAdminCatalogueItems> | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState<"item" | "base" | null>(null);
  const [bases, setBases] = useState<Array<ItemOf<typeof catalogueAdminEndpoints.getAdminCatalogueBaseItems>>>([]);
  const { tree, loadData } = useOrgTree(NOT_IMPLEMENTING);
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [reload, setReload] = useState(0);
  const [report, setReport] = useState<Array<{ sheet: string; row: number; column: string; message: string }> | null>(null);

  async function importWorkbook(file: File) {
    try {
      const r = await uploadFile(catalogueAdminEndpoints.postAdminCatalogueImport, {}, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      message.success(t("cadmin.imported", { count: r.drafts }));
      setPage(1);
      setQ("");
      setReload((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.code === "IMPORT_INVALID") setReport((err.details as { problems: NonNullable<typeof report> }).problems);
      else message.error(errorMessage(err));
    }
  }

  useEffect(() => {
    if (!adding) return;
    call(catalogueAdminEndpoints.getAdminCatalogueBaseItems, {  }).then((r) => setBases(r.items)).catch(() => setBases([]));
  }, [adding]);

  async function submitAdd() {
    const values = await form.validateFields();
    try {
      if (adding === "base") {
        await call(catalogueAdminEndpoints.postAdminCatalogueBaseItems, { body: values });
        message.success(t("cadmin.baseAdded"));
        setAdding(null);
      } else {
        const r = await call(catalogueAdminEndpoints.postAdminCatalogueItems, { body: values });
        navigate(`/workbench/catalogue/versions/${r.draftId}/edit`);
      }
    } catch (err) {
      const msg = showApiError(form, err, { BASIC_CODE_INVALID: "basicCode", BASIC_CODE_TAKEN: "basicCode", ITEM_EXISTS: "orgId", ORG_CANNOT_IMPLEMENT: "orgId" });
      if (msg) message.error(msg);
    }
  }

  useEffect(() => {
    call(catalogueAdminEndpoints.getAdminCatalogueItems, { query: { limit: PAGE, offset: (page - 1) * PAGE, ...(q ? { q } : {}) } })
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [q, page, reload]);
  return (
    <>
      <PageFrame title={t("cadmin.title")} error={error} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search aria-label={t("cadmin.search")} placeholder={t("cadmin.search")} allowClear onSearch={(v) => { setPage(1); setQ(v.trim()); }} style={{ width: 300 }} />
        {me?.roles.includes("catalog_admin") && (
          <Button type="primary" onClick={() => { form.resetFields(); setAdding("item"); }}>
            {t("cadmin.addItem")}
          </Button>
        )}
        {me?.roles.includes("catalog_admin") && me.org?.regionCode === "310000" && (
          <Button onClick={() => { form.resetFields(); setAdding("base"); }}>{t("cadmin.addBase")}</Button>
        )}
        <a href="/api/v1/admin/catalogue/export" download>
          {t("cadmin.exportExcel")}
        </a>
        {me?.roles.includes("catalog_admin") && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void importWorkbook(file); return false; }}>
            <Button>{t("cadmin.importExcel")}</Button>
          </Upload>
        )}
        {me?.roles.includes("catalog_admin") && <Link to="/workbench/synonyms">{t("synonyms.title")}</Link>}
        {me?.roles.includes("catalog_admin") && <Link to="/workbench/answers">{t("answers.title")}</Link>}
      </Space>
      <Modal open={report !== null} title={t("cadmin.importReport")} footer={null} onCancel={() => setReport(null)} width={800}>
        <Alert type="error" showIcon message={t("cadmin.importNothing")} style={{ marginBottom: 12 }} />
        <Table
          rowKey={(r) => `${r.sheet}-${r.row}-${r.column}-${r.message}`}
          size="small"
          pagination={{ pageSize: 10 }}
          dataSource={report ?? []}
          columns={[
            { title: t("cadmin.sheet"), dataIndex: "sheet" },
            { title: t("cadmin.row"), dataIndex: "row", width: 60 },
            { title: t("cadmin.column"), dataIndex: "column" },
            { title: t("cadmin.problem"), dataIndex: "message" },
          ]}
        />
      </Modal>
      <Modal open={adding !== null} title={adding === "base" ? t("cadmin.addBase") : t("cadmin.addItem")} onCancel={() => setAdding(null)} onOk={submitAdd} okText={t("staff.save")} cancelText={t("staff.cancel")} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false}>
          {adding === "item" ? (
            <>
              <Form.Item name="basicCode" label={t("cadmin.baseItem")} rules={[{ required: true, message: t("cadmin.baseItem") }]}>
                <Select showSearch optionFilterProp="label" options={bases.map((b) => ({ value: b.basicCode, label: `${b.name}（${b.basicCode}）` }))} />
              </Form.Item>
              <Form.Item name="orgId" label={t("guide.implementingOrg")} rules={[{ required: true, message: t("staff.chooseOrg") }]}>
                <TreeSelect treeDataSimpleMode treeData={tree} loadData={loadData} showSearch treeNodeFilterProp="title" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="basicCode" label={t("guide.basicCode")} extra={t("cadmin.codeHelp")} rules={[{ required: true, message: t("guide.basicCode") }]}>
                <Input maxLength={10} />
              </Form.Item>
              <Form.Item name="name" label={t("cadmin.name")} rules={[{ required: true, message: t("cadmin.name") }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="action" label={t("cadmin.action")} initialValue="new">
                <Select options={[["new", "新设"], ["change", "变更"], ["renew", "延续"], ["cancel", "注销"], ["none", "—"]].map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="departmentKey" label={t("guide.department")} rules={[{ required: true, message: t("guide.department") }]}>
                <Input placeholder="AMR" maxLength={10} />
              </Form.Item>
              <Form.Item name="legalBasis" label={t("guide.setting")} rules={[{ required: true, message: t("guide.setting") }]}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Table<Row>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t("cadmin.name"), render: (_, r) => <Link to={`/workbench/catalogue/items/${r.id}`}>{r.name}</Link> },
          { title: t("guide.implCode"), dataIndex: "implCode" },
          { title: t("guide.implementingOrg"), dataIndex: "orgName" },
          { title: t("guide.level"), dataIndex: "level", render: (v: string) => l.level(v) },
          { title: t("cadmin.published"), dataIndex: "publishedVersion", render: (v: number | null) => (v ? `v${v}` : "—") },
          { title: t("cadmin.open"), render: (_, r) => (r.openStatus ? <Tag color={r.openStatus === "in_review" ? "warning" : "processing"}>v{r.openVersion} {VERSION_STATUS_LABELS[r.openStatus]}</Tag> : "—") },
        ]}
      />
    </>
  );
}
