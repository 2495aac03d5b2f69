import { Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, call } from "../../api";
import { authEndpoints } from "../../../shared/api/auth";
import { useSession } from "../../session";
import { PageFrame, errorMessage } from "../../components/PageFrame";
import { loginPath, safeNext } from "../../components/login-path";

interface LoginForm {
  identifier: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  async function submit(values: LoginForm) {
    setBusy(true);
    setError(null);
    try {
      await call(authEndpoints.postAuthLogin, { body: { identifier: values.identifier.trim(), password: values.password, ...(values.totp ? { totp: values.totp } : {}) } });
      const me = await refresh();
      navigate(safeNext(params.get("next")) ?? (me?.kind === "staff" ? "/workbench" : "/me"));
    } catch (err) {
      if (err instanceof ApiError && err.code === "TOTP_REQUIRED") setNeedTotp(true);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="auth-card">
      <PageFrame title={t("login.title")} error={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="identifier" label={t("login.identifier")} rules={[{ required: true, message: t("login.identifierRequired") }]}>
          <Input autoComplete="username" size="large" />
        </Form.Item>
        <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        {needTotp && (
          <Form.Item name="totp" label={t("login.totp")} extra={t("login.totpHelp")} rules={[{ required: true, pattern: /^\d{6}$/, message: t("login.totpHelp") }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t("login.submit")}
        </Button>
      </Form>
      <p style={{ marginTop: 16 }}>
        {t("login.noAccount")} <Link to={loginPath("/register", params.get("next"))}>{t("login.registerLink")}</Link>
      </p>
    </Card>
  );
}
