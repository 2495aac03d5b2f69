import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { registerRequest } from "../../../shared/schemas/identity";
import { call } from "../../api";
import { authEndpoints } from "../../../shared/api/auth";
import { showApiError, validateWith } from "../../components/form-errors";
import { useSession } from "../../session";
import { PageFrame } from "../../components/PageFrame";
import { loginPath, safeNext } from "../../components/login-path";

interface RegisterForm {
  name: string;
  idNumber: string;
  mobile: string;
  password: string;
  confirm: string;
}

/** Real-name registration, validated in the browser with the server's own schema. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { refresh } = useSession();
  const navigate = useNavigate();
  // Registered from a task (在线办理, 预约 …): back to it afterwards, like signing in.
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));

  async function submit(values: RegisterForm) {
    setError(null);
    const body = validateWith(form, registerRequest, { name: values.name, idNumber: values.idNumber, mobile: values.mobile, password: values.password }, i18n.language);
    if (!body) return;
    setBusy(true);
    try {
      await call(authEndpoints.postAuthRegister, { body: body });
      await refresh();
      navigate(next ?? "/me");
    } catch (err) {
      const message = showApiError(form, err, { REAL_NAME_MISMATCH: "name", ACCOUNT_EXISTS: "idNumber", MOBILE_TAKEN: "mobile" });
      if (message) setError(message);
    } finally {
      setBusy(false);
    }
  }

  const required = (field: string) => ({ required: true, message: t("register.required", { field }) });
  return (
    <Card className="auth-card">
      <PageFrame title={t("register.title")} intro={t("register.intro")} />
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label={t("register.name")} rules={[required(t("register.name"))]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t("register.idNumber")} rules={[required(t("register.idNumber"))]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label={t("register.mobile")} rules={[required(t("register.mobile"))]}>
          <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item name="password" label={t("register.password")} extra={t("register.passwordHelp")} rules={[required(t("register.password"))]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("register.confirm")}
          dependencies={["password"]}
          rules={[
            required(t("register.confirm")),
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue("password") === value ? Promise.resolve() : Promise.reject(new Error(t("register.confirmMismatch")))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t("register.submit")}
        </Button>
      </Form>
      <p style={{ marginTop: 16 }}>
        {t("register.hasAccount")} <Link to={loginPath("/login", next)}>{t("register.loginLink")}</Link>
      </p>
    </Card>
  );
}
