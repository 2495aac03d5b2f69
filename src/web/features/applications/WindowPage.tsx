import { PickupsCard } from "../delivery/PickupsCard";
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ItemDetail } from "../../../shared/schemas/catalogue";
import type { PersonView } from "../../../shared/schemas/registry";
import { call } from "../../api";
import { registryEndpoints } from "../../../shared/api/registry";
import { searchEndpoints } from "../../../shared/api/search";
import { catalogueEndpoints } from "../../../shared/api/catalogue";
import { applicationEndpoints } from "../../../shared/api/applications";
import { FormRenderer } from "../../components/FormRenderer";
import { MaterialUpload, type MaterialValue } from "./MaterialUpload";
import { PageFrame, errorMessage } from "../../components/PageFrame";

/**
 * 窗口收件: a clerk verifies a walk-in applicant by ID number (masked on screen, the look-up logged
 * with its purpose), picks the service — any 全市通办 item, whichever department handles it — fills the
 * same form, uploads the scanned materials and submits; the receipt prints at once.
 */
export function WindowPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [idNumber, setIdNumber] = useState("");
  const [person, setPerson] = useState<PersonView | null>(null);
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [materials, setMaterials] = useState<MaterialValue[]>([]);
  const [busy, setBusy] = useState(false);
  /** The applicant, asked at the counter, agrees that certificates and registry data stand in for materials. */
  const [consent, setConsent] = useState(false);

  async function verify() {
    try {
      setPerson(await call(registryEndpoints.postRegistryPersonLookups, { body: { idNumber: idNumber.trim().toUpperCase(), purpose: "窗口收件核验申请人身份" } }));
    } catch (err) {
      setPerson(null);
      message.error(errorMessage(err));
    }
  }

  async function searchItems(q: string) {
    if (!q.trim()) return;
    const r = await call(searchEndpoints.getSearch, { query: { type: "item", limit: "10", q: q.trim() } });
    setOptions(r.hits.flatMap((h) => [{ value: h.id, label: `${h.title.map((s) => s.text).join("")} — ${h.orgName ?? ""}` }, ...h.alsoAt.map((a) => ({ value: a.id, label: `${h.title.map((s) => s.text).join("")} — ${a.orgName}` }))]));
  }

  async function pick(id: string) {
    setMaterials([]);
    setItem(await call(catalogueEndpoints.getCatalogueItemsById, { params: { id: id } }));
  }

  // One key per intake: a double click or a retry after a dropped connection files it once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  async function submit(formData: Record<string, unknown>) {
    setBusy(true);
    try {
      const r = await call(applicationEndpoints.submitAtWindow, { body: { itemId: item!.id, idNumber: idNumber.trim().toUpperCase(), formData, materials: materials.map(({ materialKey, fileId }) => ({ materialKey, fileId })), dataConsent: consent }, headers: { "idempotency-key": idempotencyKey } });
      navigate(`/print/applications/${r.id}/receipt`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageFrame title={t("window.title")} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("window.hint")} />
      <PickupsCard />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("window.person")}</h2>} style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={verify}>
          <Form.Item label={t("window.lookup")} htmlFor="window-id">
            <Input id="window-id" value={idNumber} maxLength={18} autoComplete="off" onChange={(e) => (setIdNumber(e.target.value), setPerson(null))} style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("window.lookupButton")}
          </Button>
        </Form>
        {person && (
          <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t("me.name")}>{person.name}</Descriptions.Item>
            <Descriptions.Item label={t("me.idNumber")}>{person.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label={t("me.mobile")}>{person.mobileMasked ?? "—"}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {person && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("window.item")}</h2>}>
          <Space direction="vertical" style={{ width: "100%" }}>
            <Select showSearch aria-label={t("window.searchItem")} placeholder={t("window.searchItem")} style={{ width: "100%", maxWidth: 560 }} filterOption={false} onSearch={(q) => void searchItems(q)} onChange={(v: string) => void pick(v)} options={options} />
            {item && (
              <FormRenderer
                key={item.id}
                fields={item.content.form.fields}
                onSubmit={(v) => void submit(v)}
                submitText={t("window.submit")}
                disabled={busy}
                extra={
                  <>
                    <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} style={{ marginBottom: 12 }}>
                      {t("window.consent")}
                    </Checkbox>
                    <MaterialUpload materials={item.content.guide.materials} value={materials} onChange={setMaterials} />
                  </>
                }
              />
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
