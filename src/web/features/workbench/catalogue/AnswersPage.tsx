import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table } from "antd";
import type { ItemOf } from "../../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../../api";
import { searchEndpoints } from "../../../../shared/api/search";
import { showApiError } from "../../../components/form-errors";
import { PageFrame } from "../../../components/PageFrame";

type Answer = ItemOf<typeof searchEndpoints.getSearchAnswers>;

/** 知识库问答: question → answer pairs that search offers beside services and policies. */
export function AnswersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Answer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Answer | "new" | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    call(searchEndpoints.getSearchAnswers, {  })
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  function open(a: Answer | "new") {
    form.resetFields();
    if (a !== "new") form.setFieldsValue(a);
    setEditing(a);
  }

  async function save() {
    const v = await form.validateFields();
    const body = { question: v.question, answer: v.answer, tags: v.tags ?? [], basicCode: v.basicCode || null };
    try {
      if (editing === "new") await call(searchEndpoints.postSearchAnswers, { body: body });
      else if (editing) await call(searchEndpoints.putSearchAnswersById, { params: { id: editing.id }, body: body });
      message.success(t("synonyms.saved"));
      setEditing(null);
      load();
    } catch (err) {
      const msg = showApiError(form, err, { BASIC_CODE_UNKNOWN: "basicCode" });
      if (msg) message.error(msg);
    }
  }

  return (
    <>
      <PageFrame title={t("answers.title")} error={error} />
      <Button type="primary" onClick={() => open("new")} style={{ marginBottom: 16 }}>
        {t("answers.add")}
      </Button>
      <Table<Answer>
        rowKey="id"
        loading={!items && !error}
        dataSource={items ?? []}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t("answers.question"), dataIndex: "question" },
          { title: t("answers.answer"), dataIndex: "answer" },
          { title: t("guide.basicCode"), dataIndex: "basicCode", render: (v: string | null) => v ?? "—" },
          {
            title: t("staff.actions"),
            width: 160,
            render: (_, a) => (
              <Space>
                <Button size="small" onClick={() => open(a)}>{t("staff.edit")}</Button>
                <Popconfirm
                  title={t("synonyms.remove")}
                  onConfirm={async () => {
                    await call(searchEndpoints.deleteSearchAnswersById, { params: { id: a.id } });
                    message.success(t("synonyms.removed"));
                    load();
                  }}
                >
                  <Button size="small" danger>{t("synonyms.remove")}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === "new" ? t("answers.add") : t("staff.edit")} onOk={save} onCancel={() => setEditing(null)} okText={t("staff.save")} cancelText={t("staff.cancel")} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="question" label={t("answers.question")} rules={[{ required: true, min: 2, message: t("answers.question") }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="answer" label={t("answers.answer")} rules={[{ required: true, min: 2, message: t("answers.answer") }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="tags" label={t("policies.tags")}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="basicCode" label={t("answers.related")}>
            <Input maxLength={10} placeholder="XK00001001" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
