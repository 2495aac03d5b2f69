import { AddressPicker } from "../../components/AddressPicker";
import { Alert, Button, Card, Cascader, Col, Form, Input, List, Row, Select, Space, Typography } from "antd";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { APPEAL_CATEGORIES, TICKET_TYPES, type TicketType } from "../../../shared/appeals";
import type { locateView, suggestion, TicketView } from "../../../shared/schemas/appeals";
import { call } from "../../api";
import { appealEndpoints } from "../../../shared/api/appeal";
import { errorMessage } from "../../components/PageFrame";

type Suggestion = z.infer<typeof suggestion>;
interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

/** The category tree as cascader options (a node may be chosen at any level). */
function categoryOptions(lang: string): CategoryOption[] {
  const byParent = new Map<string, CategoryOption[]>();
  for (const c of APPEAL_CATEGORIES) {
    const parent = c.code.includes(".") ? c.code.slice(0, c.code.lastIndexOf(".")) : "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), { value: c.code, label: lang === "en" ? c.en : c.zh }]);
  }
  const build = (parent: string): CategoryOption[] => (byParent.get(parent) ?? []).map((o) => ({ ...o, ...(byParent.has(o.value) ? { children: build(o.value) } : {}) }));
  return build("");
}

/**
 * One request form for citizens online and hotline agents on a call: type, category, title, details,
 * the address (located to a street), and — for an enquiry — suggested answers that can close it at once.
 * On a call (`asAgent`) the knowledge base answers beside the form as the agent types, above `aside`
 * (the caller's history), and `onCaller` hears the number typed.
 */
export function TicketForm({ asAgent, onCreated, aside, onCaller }: { asAgent: boolean; onCreated: (t: TicketView) => void; aside?: ReactNode; onCaller?: (mobile: string) => void }) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<TicketType>(asAgent ? "complaint" : "enquiry");
  const [category, setCategory] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [content, setContent] = useState("");
  const [address, setAddress] = useState("");
  const [callerName, setCallerName] = useState("");
  const [callerMobile, setCallerMobile] = useState("");
  const [located, setLocated] = useState<z.infer<typeof locateView> | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => categoryOptions(i18n.language), [i18n.language]);
  // On a call: answers follow what the agent types (after a pause), and the number goes to the caller's history.
  useEffect(() => {
    if (!asAgent) return;
    const text = `${title} ${content}`.trim();
    if (text.length < 2) return setSuggestions(null);
    const timer = setTimeout(() => {
      call(appealEndpoints.postAppealsSuggestions, { body: { text } }).then((r) => setSuggestions(r.items), () => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [asAgent, title, content]);
  useEffect(() => onCaller?.(callerMobile.trim()), [callerMobile, onCaller]);
  // A double click or a retry after a lost answer submits once (the key changes with the request).
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const body = (acceptedAnswer?: string) => ({
    type,
    categoryCode: category.at(-1) ?? "",
    title: title.trim(),
    content: content.trim(),
    ...(address.trim() ? { address: address.trim() } : {}),
    ...(acceptedAnswer ? { acceptedAnswer } : {}),
    ...(asAgent ? { caller: { name: callerName.trim(), mobile: callerMobile.trim() } } : {}),
  });
  // The server checks again; here the citizen is told in words which field needs what.
  const problem = () =>
    asAgent && (!callerName.trim() || !/^1\d{10}$/.test(callerMobile.trim())) ? t("ticket.needCaller") : !category.length ? t("ticket.needCategory") : title.trim().length < 4 ? t("ticket.needTitle") : content.trim().length < 10 ? t("ticket.needContent") : null;
  const submit = (acceptedAnswer?: string) => (problem() ? setError(problem()) : run(async () => onCreated(await call(appealEndpoints.postTickets, { body: body(acceptedAnswer), headers: { "idempotency-key": `${idempotencyKey}-${acceptedAnswer ?? "form"}` } }))));

  const answers = suggestions && (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("ticket.suggestions")}</h2>} style={{ marginTop: asAgent ? 0 : 12, marginBottom: 12 }}>
          {suggestions.length === 0 ? (
            <Typography.Text>{t("ticket.suggestionsEmpty")}</Typography.Text>
          ) : (
            <List
              dataSource={suggestions}
              renderItem={(s) => (
                <List.Item actions={[<Button key="accept" onClick={() => void submit(s.ref)} disabled={!category.length || content.trim().length < 10}>{t("ticket.accept")}</Button>]}>
                  <List.Item.Meta title={s.link ? <a href={s.link}>{s.title}</a> : s.title} description={s.answer} />
                </List.Item>
              )}
            />
          )}
        </Card>
  );
  const form = (
    <Form layout="vertical" onFinish={() => void submit()}>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      {asAgent && (
        <Space wrap>
          <Form.Item label={t("ticket.callerName")} htmlFor="caller-name" required>
            <Input id="caller-name" value={callerName} maxLength={30} onChange={(e) => setCallerName(e.target.value)} />
          </Form.Item>
          <Form.Item label={t("ticket.callerMobile")} htmlFor="caller-mobile" required>
            <Input id="caller-mobile" value={callerMobile} maxLength={11} inputMode="numeric" onChange={(e) => setCallerMobile(e.target.value)} />
          </Form.Item>
        </Space>
      )}
      <Space wrap>
        <Form.Item label={t("ticket.type")} htmlFor="ticket-type" required>
          <Select id="ticket-type" style={{ width: 140 }} value={type} onChange={setType} options={Object.entries(TICKET_TYPES).map(([k, v]) => ({ value: k, label: i18n.language === "en" ? v.en : v.zh }))} />
        </Form.Item>
        <Form.Item label={t("ticket.category")} htmlFor="ticket-category" required>
          <Cascader id="ticket-category" style={{ width: 320 }} options={options} changeOnSelect value={category} onChange={(v) => setCategory((v as string[]) ?? [])} placeholder={t("ticket.category")} />
        </Form.Item>
      </Space>
      <Form.Item label={t("ticket.title")} htmlFor="ticket-title" required>
        <Input id="ticket-title" value={title} maxLength={60} onChange={(e) => setTitle(e.target.value)} />
      </Form.Item>
      <Form.Item label={t("ticket.content")} htmlFor="ticket-content" required>
        <Input.TextArea id="ticket-content" rows={4} maxLength={2000} showCount value={content} onChange={(e) => setContent(e.target.value)} />
      </Form.Item>
      <Form.Item label={t("ticket.address")} htmlFor="ticket-address" extra={located ? (located.divisionCode ? (asAgent ? t("ticket.located", { place: located.placeName ?? "", code: located.divisionCode }) : t("ticket.locatedPlace", { place: located.placeName ?? "" })) : t("ticket.notLocated")) : undefined}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <AddressPicker
            id="ticket-address"
            aria-label={t("ticket.address")}
            loose
            placeholder={t("ticket.addressHint")}
            value={address || undefined}
            onChange={(a) => {
              setAddress(a ?? "");
              setLocated(null);
            }}
            // An address picked from the registry is located at once.
            onStreet={(_, picked) => void run(async () => setLocated(await call(appealEndpoints.postAppealsLocate, { body: { address: picked } })))}
          />
          <Button disabled={address.trim().length < 4} onClick={() => void run(async () => setLocated(await call(appealEndpoints.postAppealsLocate, { body: { address: address.trim() } })))}>
            {t("ticket.locate")}
          </Button>
        </Space>
      </Form.Item>
      <Space wrap>
        {type === "enquiry" && (
          <Button disabled={title.trim().length < 2} loading={busy && suggestions === null} onClick={() => void run(async () => setSuggestions((await call(appealEndpoints.postAppealsSuggestions, { body: { text: `${title} ${content}`.trim() } })).items))}>
            {t("ticket.findAnswers")}
          </Button>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {asAgent ? t("ticket.record") : t("ticket.submit")}
        </Button>
      </Space>
      {!asAgent && answers}
    </Form>
  );
  if (!asAgent) return form;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        {form}
      </Col>
      <Col xs={24} lg={10}>
        <div role="region" aria-label={t("ticket.answersBeside")} aria-live="polite">
          {answers ?? <Typography.Paragraph type="secondary">{t("ticket.answersHint")}</Typography.Paragraph>}
        </div>
        {aside}
      </Col>
    </Row>
  );
}
