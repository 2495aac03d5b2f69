import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Select, Space, Table, Tag, TreeSelect, Typography, Upload } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportProblem, RegistryImportView, RegistryQuality } from "../../../../shared/schemas/data";
import { ApiError, uploadFile, call } from "../../../api";
import { registryImportEndpoints } from "../../../../shared/api/registry-import";
import { useOrgTree } from "../../../components/useOrgTree";
import { useSession } from "../../../session";
import { chinaDate, chinaDateTime } from "../../../../shared/china-time";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

type Registry = "population" | "legal_person" | "credit" | "address";
const REGISTRY_KEYS: Registry[] = ["population", "legal_person", "credit", "address"];

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const level = (v: number | null) => (v === null ? "default" : v >= 0.95 ? "success" : v >= 0.8 ? "warning" : "error");

/** 基础库: departments load registries by file (all rows or none) and watch their quality. */
export function RegistriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const { tree, loadData } = useOrgTree([], { wholeCity: me?.org?.regionCode === "310000" });
  const [registry, setRegistry] = useState<Registry>("population");
  const [source, setSource] = useState<string | undefined>();
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [history, setHistory] = useState<RegistryImportView[]>([]);
  const [quality, setQuality] = useState<RegistryQuality[] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void call(registryImportEndpoints.getAdminRegistriesImports, {  }).then((r) => setHistory(r.items));
    void call(registryImportEndpoints.getAdminRegistriesQuality, {  }).then((r) => setQuality(r.items));
  }, []);
  useEffect(load, [load]);

  async function importFile(file: File) {
    if (!source) return void message.warning(t("reg.chooseSource"));
    setBusy(true);
    setProblems(null);
    try {
      // The tree gives ids; the API takes the department's code.
      const code = tree.find((n) => n.id === source)?.code ?? source;
      const r = await uploadFile(registryImportEndpoints.postAdminRegistriesByRegistryImports, { params: { registry }, query: { source: code } }, file, file.name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv", file.name);
      message.success(t("reg.applied", { rows: r.rows, inserted: r.inserted, updated: r.updated }));
    } catch (err) {
      if (err instanceof ApiError && err.code === "IMPORT_INVALID") setProblems((err.details as { problems: ImportProblem[] }).problems);
      else message.error(errorMessage(err));
    } finally {
      setBusy(false);
      load();
    }
  }

  return (
    <>
      <PageFrame title={t("reg.title")} intro={t("reg.intro")} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("reg.import")}</h2>} style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t("reg.registry")} htmlFor="reg-registry">
            <Select id="reg-registry" value={registry} onChange={setRegistry} style={{ width: 140 }} options={REGISTRY_KEYS.map((r) => ({ value: r, label: t(`reg.name_${r}`) }))} />
          </Form.Item>
          <Form.Item label={t("reg.source")} htmlFor="reg-source">
            <TreeSelect id="reg-source" treeDataSimpleMode treeData={tree} loadData={loadData} value={source} onChange={setSource} placeholder={t("reg.chooseSource")} showSearch treeNodeFilterProp="title" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void importFile(file); return false; }}>
                <Button type="primary" icon={<UploadOutlined />} loading={busy}>
                  {t("reg.upload")}
                </Button>
              </Upload>
              <a href={`/api/v1/admin/registries/${registry}/template`} style={{ textDecoration: "underline" }}>{t("reg.template")}</a>
            </Space>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t("reg.rules")}</Typography.Paragraph>
        {problems && (
          <>
            <Alert type="error" showIcon role="alert" style={{ margin: "12px 0" }} message={t("reg.rejected", { n: problems.length })} />
            <Table<ImportProblem> rowKey={(p) => `${p.row}-${p.column}`} size="small" dataSource={problems} pagination={{ pageSize: 10 }} columns={[{ title: t("reg.row"), dataIndex: "row", width: 80 }, { title: t("reg.column"), dataIndex: "column", width: 200 }, { title: t("reg.problem"), dataIndex: "message" }]} />
          </>
        )}
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("reg.quality")}</h2>} style={{ marginBottom: 16 }}>
        <Table<RegistryQuality>
          rowKey={(r) => `${r.registry}-${r.sourceOrgCode}`}
          size="small"
          loading={!quality}
          dataSource={quality ?? []}
          locale={{ emptyText: t("reg.noQuality") }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          columns={[
            { title: t("reg.registry"), dataIndex: "registry", render: (v: string) => t(`reg.name_${v}`) },
            { title: t("reg.source"), dataIndex: "orgName" },
            { title: t("reg.records"), dataIndex: "records", align: "right" },
            { title: t("reg.completeness"), dataIndex: "completeness", render: (v: number) => <Tag color={level(v)}>{pct(v)}</Tag> },
            { title: t("reg.validity"), dataIndex: "validity", render: (v: number | null) => <Tag color={level(v)}>{pct(v)}</Tag> },
            { title: t("reg.freshness"), dataIndex: "freshness", render: (v: number, r) => <><Tag color={level(v)}>{pct(v)}</Tag>{r.oldestUpdate ? <div style={{ fontSize: 12 }}>{t("reg.oldest", { date: chinaDate(r.oldestUpdate) })}</div> : null}</> },
            { title: t("reg.conflicts"), dataIndex: "conflicts", render: (v: number, r) => (v ? <><Tag color="warning">{v}</Tag><div style={{ fontSize: 12 }}>{r.conflictNotes.join("；")}</div></> : "0") },
          ]}
        />
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("reg.history")}</h2>}>
        <Table<RegistryImportView>
          rowKey="id"
          size="small"
          dataSource={history}
          locale={{ emptyText: t("reg.noImports") }}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={{ x: 900 }}
          columns={[
            { title: t("reg.at"), dataIndex: "at", render: (v: string) => chinaDateTime(v) },
            { title: t("reg.registry"), dataIndex: "registry", render: (v: string) => t(`reg.name_${v}`) },
            { title: t("reg.source"), dataIndex: "sourceOrgName" },
            { title: t("reg.file"), dataIndex: "fileName", render: (v: string | null) => v ?? "—" },
            { title: t("reg.rowsApplied"), render: (_, r) => `${r.rowsApplied} / ${r.rowsTotal}` },
            { title: t("reg.status"), dataIndex: "status", render: (v: string, r) => (v === "applied" ? <Tag color="success">{t("reg.statusApplied")}</Tag> : <Tag color="error">{t("reg.statusRejected", { n: r.problems })}</Tag>) },
            { title: t("reg.by"), dataIndex: "by", render: (v: string | null) => v ?? "—" },
          ]}
        />
      </Card>
    </>
  );
}
