import { Alert, Button, Card, Descriptions, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonView } from "../../../../shared/schemas/registry";
import { call } from "../../../api";
import { registryEndpoints } from "../../../../shared/api/registry";
import { showApiError } from "../../../components/form-errors";
import { chinaDateTime } from "../../../../shared/china-time";
import { PageFrame } from "../../../components/PageFrame";


/** Staff look-up in the population registry: a purpose is required and the person sees the record. */
export function PersonLookupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ idNumber: string; purpose: string }>();
  const [person, setPerson] = useState<PersonView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: { idNumber: string; purpose: string }) {
    setError(null);
    setPerson(null);
    try {
      setPerson(await call(registryEndpoints.postRegistryPersonLookups, { body: values }));
    } catch (err) {
      const msg = showApiError(form, err);
      if (msg) setError(msg);
    }
  }

  return (
    <>
      <PageFrame title={t("lookup.title")} />
      <Alert type="info" message={t("lookup.notice")} style={{ marginBottom: 16 }} />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="idNumber" label={t("lookup.idNumber")} rules={[{ required: true, message: t("register.required", { field: t("lookup.idNumber") }) }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="purpose" label={t("lookup.purpose")} rules={[{ required: true, min: 2, message: t("register.required", { field: t("lookup.purpose") }) }]}>
            <Input placeholder={t("lookup.purposePlaceholder")} maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("lookup.submit")}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" message={error} role="alert" />}
      {person && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("lookup.result")}</h2>}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t("me.name")}>{person.name}</Descriptions.Item>
            <Descriptions.Item label={t("me.idNumber")}>{person.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={t("lookup.gender")}>{person.gender === "M" ? t("lookup.male") : t("lookup.female")}</Descriptions.Item>
            <Descriptions.Item label={t("lookup.birthDate")}>{person.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t("lookup.hukou")}>{person.hukouDivisionCode}</Descriptions.Item>
            <Descriptions.Item label={t("lookup.address")}>{person.address}</Descriptions.Item>
            <Descriptions.Item label={t("me.mobile")}>{person.mobileMasked ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("lookup.maritalStatus")}>{t(`marital.${person.maritalStatus}`)}</Descriptions.Item>
            <Descriptions.Item label={t("lookup.updatedAt")}>{chinaDateTime(person.updatedAt, { seconds: true })}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  );
}
