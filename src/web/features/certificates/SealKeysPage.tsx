import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, TreeSelect, Typography } from "antd";
import type { ItemOf } from "../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../api";
import { sealEndpoints } from "../../../shared/api/seal";
import { useOrgTree } from "../../components/useOrgTree";
import { chinaDateTime } from "../../../shared/china-time";
import { PageFrame, errorMessage } from "../../components/PageFrame";

type SealKey = ItemOf<typeof sealEndpoints.getAdminOrgsByOrgIdSealKeys>;

/** 电子印章: an organisation's seal keys (public keys only) and rotation, for administrators above it. */
export function SealKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { tree, loadData } = useOrgTree();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [keys, setKeys] = useState<SealKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((id: string) => {
    setKeys(null);
    setError(null);
    call(sealEndpoints.getAdminOrgsByOrgIdSealKeys, { params: { orgId: id } })
      .then((r) => setKeys(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    if (orgId) load(orgId);
  }, [orgId, load]);

  async function rotate() {
    try {
      await call(sealEndpoints.postAdminOrgsByOrgIdSealKeysRotate, { params: { orgId: orgId! } });
      message.success(t("seal.rotated"));
      load(orgId!);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("seal.title")} intro={t("seal.intro")} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label htmlFor="seal-org">{t("seal.org")}</label>
          <TreeSelect id="seal-org" treeDataSimpleMode treeData={tree} loadData={loadData} value={orgId} onChange={setOrgId} placeholder={t("staff.chooseOrg")} showSearch treeNodeFilterProp="title" style={{ width: 360 }} />
          {orgId && (
            <Popconfirm title={t("seal.confirm")} onConfirm={() => void rotate()} okText={t("seal.rotate")} cancelText={t("staff.cancel")}>
              <Button danger>{t("seal.rotate")}</Button>
            </Popconfirm>
          )}
        </Space>
        {error && <Alert type="error" role="alert" message={error} />}
        {orgId && (
          <Table<SealKey>
            rowKey="keyId"
            size="small"
            loading={!keys && !error}
            dataSource={keys ?? []}
            pagination={false}
            locale={{ emptyText: t("seal.none") }}
            scroll={{ x: 800 }}
            columns={[
              { title: t("seal.status"), dataIndex: "status", render: (v: SealKey["status"]) => <Tag color={v === "active" ? "success" : "default"}>{t(`seal.status_${v}`)}</Tag> },
              { title: t("seal.algorithm"), dataIndex: "algorithm" },
              { title: t("seal.created"), dataIndex: "createdAt", render: (v: string) => chinaDateTime(v) },
              { title: t("seal.retired"), dataIndex: "retiredAt", render: (v: string | null) => (v ? chinaDateTime(v) : "—") },
              { title: t("seal.publicKey"), dataIndex: "publicKey", render: (v: string) => <Typography.Text code copyable style={{ fontSize: 11, wordBreak: "break-all" }}>{v.slice(0, 48)}…</Typography.Text> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
