import { Alert, Button, Card, Form, Input, Space } from "antd";
import type { z } from "zod";
import type { flowAction } from "../../shared/schemas/common";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./PageFrame";

/** An action the server lists as open to the viewer (shared/schemas/common.ts). */
export type FlowAction = z.infer<typeof flowAction>;

/**
 * The actions a viewer may take on a case or ticket (from the server's flow table): one button each;
 * choosing one asks for the text it requires and any extra field (an org, a ticket to merge into).
 */
export function FlowActions({ title, actions, extra, onAct }: { title: string; actions: FlowAction[]; extra?: (action: string, value: Record<string, unknown>, set: (v: Record<string, unknown>) => void) => ReactNode; onAct: (action: string, note: string, extra: Record<string, unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<FlowAction | null>(null);
  const [note, setNote] = useState("");
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (actions.length === 0) return null;

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await onAct(chosen!.action, note.trim(), values);
      setChosen(null);
      setNote("");
      setValues({});
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const direct = (a: FlowAction) => !a.note && !extra?.(a.action, {}, () => undefined);

  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{title}</h2>} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: chosen ? 12 : 0 }}>
        {actions.map((a) => (
          <Button
            key={a.action}
            type={chosen?.action === a.action ? "primary" : "default"}
            loading={busy && chosen?.action === a.action}
            onClick={() => {
              setError(null);
              setValues({});
              if (direct(a)) {
                setChosen(a);
                setBusy(true);
                onAct(a.action, "", {})
                  .then(() => setChosen(null))
                  .catch((err: unknown) => setError(errorMessage(err)))
                  .finally(() => setBusy(false));
              } else setChosen(a);
            }}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      {chosen && !direct(chosen) && (
        <Form layout="vertical" onFinish={() => void submit()}>
          {extra?.(chosen.action, values, setValues)}
          {chosen.note && (
            <Form.Item label={chosen.note} htmlFor="flow-note" required>
              <Input.TextArea id="flow-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t("cases.act")}：{chosen.label}
            </Button>
            <Button onClick={() => setChosen(null)}>{t("common.back")}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
