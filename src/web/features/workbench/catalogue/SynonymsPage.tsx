import { Alert, App, Button, Input, Popconfirm, Select, Space, Table } from "antd";
import type { ItemOf } from "../../../../shared/api/endpoint";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../../api";
import { searchEndpoints } from "../../../../shared/api/search";
import { PageFrame, errorMessage } from "../../../components/PageFrame";

type Synonym = ItemOf<typeof searchEndpoints.getSearchSynonyms>;

/** The synonym dictionary: everyday words → official terms; search uses changes at once. */
export function SynonymsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Synonym[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [term, setTerm] = useState("");
  const [expansions, setExpansions] = useState<string[]>([]);
  /** Unsaved edits per term, kept apart from what the server returned. */
  const [edits, setEdits] = useState<Record<string, string[]>>({});
  const load = useCallback(() => {
    call(searchEndpoints.getSearchSynonyms, {  })
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  async function save(s: Pick<Synonym, "term" | "expansions">) {
    try {
      await call(searchEndpoints.putSearchSynonymsByTerm, { params: { term: s.term }, body: { expansions: s.expansions } });
      message.success(t("synonyms.saved"));
      setEdits(({ [s.term]: _saved, ...rest }) => rest);
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageFrame title={t("synonyms.title")} intro={t("synonyms.intro")} />
      {error && <Alert type="error" message={error} role="alert" />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input aria-label={t("synonyms.term")} placeholder={t("synonyms.term")} value={term} onChange={(e) => setTerm(e.target.value)} maxLength={20} style={{ width: 160 }} />
        <Select aria-label={t("synonyms.expansions")} mode="tags" placeholder={t("synonyms.expansionsHelp")} value={expansions} onChange={setExpansions} style={{ minWidth: 320 }} />
        <Button
          type="primary"
          disabled={!term.trim() || expansions.length === 0}
          onClick={async () => {
            await save({ term: term.trim(), expansions });
            setTerm("");
            setExpansions([]);
          }}
        >
          {t("synonyms.add")}
        </Button>
      </Space>
      <Table<Synonym>
        rowKey="term"
        loading={!items && !error}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t("synonyms.term"), dataIndex: "term", width: 160 },
          {
            title: t("synonyms.expansions"),
            render: (_, s) => (
              <Select aria-label={`${t("synonyms.expansions")} ${s.term}`} mode="tags" value={edits[s.term] ?? s.expansions} onChange={(v: string[]) => setEdits((e) => ({ ...e, [s.term]: v }))} style={{ width: "100%" }} />
            ),
          },
          {
            title: t("staff.actions"),
            width: 180,
            render: (_, s) => (
              <Space>
                <Button size="small" disabled={!edits[s.term]} onClick={() => save({ term: s.term, expansions: edits[s.term] ?? s.expansions })}>{t("synonyms.save")}</Button>
                <Popconfirm
                  title={t("synonyms.remove")}
                  onConfirm={async () => {
                    await call(searchEndpoints.deleteSearchSynonymsByTerm, { params: { term: s.term } });
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
    </>
  );
}
