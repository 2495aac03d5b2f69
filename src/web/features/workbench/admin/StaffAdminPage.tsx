import { App, Button, Checkbox, Form, Input, Modal, Space, Switch, Table, Tag, TreeSelect } from "antd";
import type { ResponseOf } from "../../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLE_CODES } from "../../../../shared/roles";
import { createStaffRequest, updateStaffRequest, type StaffMember } from "../../../../shared/schemas/staff";
import { ApiError, call } from "../../../api";
import { staffEndpoints } from "../../../../shared/api/staff";
import { showApiError, validateWith } from "../../../components/form-errors";
import { useOrgTree } from "../../../components/useOrgTree";
import { PageFrame } from "../../../components/PageFrame";

const PAGE = 20;

/** Staff administration in the administrator's own subtree: list, search, add, edit with version check. */
export function StaffAdminPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<ResponseOf<typeof staffEndpoints.getStaff> | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<StaffMember | "new" | null>(null);
  const { tree, loadData, ensure } = useOrgTree();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    call(staffEndpoints.getStaff, { query: { limit: PAGE, offset: (page - 1) * PAGE, ...(q ? { q } : {}) } })
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [page, q]);
  useEffect(load, [load]);

  function open(target: StaffMember | "new") {
    setEditing(target);
    form.resetFields();
    if (target !== "new") form.setFieldsValue({ name: target.name, orgId: target.org.id, roles: target.roles, disabled: target.disabled });
    else form.setFieldsValue({ roles: [] });
    if (target !== "new") ensure(target.org);
  }

  async function save() {
    const values = await form.validateFields();
    try {
      if (editing === "new") {
        const body = validateWith(form, createStaffRequest, { ...values, mobile: values.mobile || undefined }, i18n.language);
        if (!body) return;
        await call(staffEndpoints.postStaff, { body: body });
        message.success(t("staff.created"));
      } else if (editing) {
        const body = validateWith(form, updateStaffRequest, { version: editing.version, name: values.name, orgId: values.orgId, roles: values.roles, disabled: values.disabled }, i18n.language);
        if (!body) return;
        await call(staffEndpoints.patchStaffById, { params: { id: editing.id }, body: body });
        message.success(t("staff.saved"));
      }
      setEditing(null);
      load();
    } catch (err) {
      const msg = showApiError(form, err, { USERNAME_TAKEN: "username", MOBILE_TAKEN: "mobile" });
      if (msg) message.error(msg);
      if (err instanceof ApiError && err.code === "STAFF_CHANGED") {
        setEditing(null);
        load();
      }
    }
  }

  const roleOptions = ROLE_CODES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <>
      <PageFrame title={t("staff.title")} error={error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t("staff.search")} placeholder={t("staff.search")} allowClear onSearch={(v) => { setPage(1); setQ(v.trim()); }} style={{ width: 260 }} />
        <Button type="primary" onClick={() => open("new")}>
          {t("staff.add")}
        </Button>
      </Space>
      <Table<StaffMember>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t("staff.total", { total }) }}
        columns={[
          { title: t("staff.username"), dataIndex: "username" },
          { title: t("staff.name"), dataIndex: "name" },
          { title: t("staff.org"), render: (_, s) => (i18n.language === "en" ? s.org.nameEn : s.org.name) },
          { title: t("staff.roles"), dataIndex: "roles", render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>) },
          { title: t("staff.status"), dataIndex: "disabled", render: (d: boolean) => (d ? <Tag color="error">{t("staff.disabled")}</Tag> : <Tag color="success">{t("staff.enabled")}</Tag>) },
          {
            title: t("staff.actions"),
            render: (_, s) => (
              <Button size="small" onClick={() => open(s)} aria-label={`${t("staff.edit")} ${s.name}`}>
                {t("staff.edit")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("staff.add") : t("staff.edit")}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText={t("staff.save")}
        cancelText={t("staff.cancel")}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          {editing === "new" && (
            <Form.Item name="username" label={t("staff.username")} rules={[{ required: true, message: t("register.required", { field: t("staff.username") }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t("staff.name")} rules={[{ required: true, message: t("register.required", { field: t("staff.name") }) }]}>
            <Input />
          </Form.Item>
          <Form.Item name="orgId" label={t("staff.org")} rules={[{ required: true, message: t("staff.chooseOrg") }]}>
            <TreeSelect treeDataSimpleMode treeData={tree} loadData={loadData} placeholder={t("staff.chooseOrg")} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="roles" label={t("staff.roles")} rules={[{ required: true, type: "array", min: 1, message: t("register.required", { field: t("staff.roles") }) }]}>
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
          {editing === "new" ? (
            <>
              <Form.Item name="mobile" label={t("staff.mobile")}>
                <Input inputMode="numeric" maxLength={11} />
              </Form.Item>
              <Form.Item name="password" label={t("staff.initialPassword")} extra={t("register.passwordHelp")} rules={[{ required: true, message: t("register.required", { field: t("staff.initialPassword") }) }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="disabled" label={t("staff.disableAccount")} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
