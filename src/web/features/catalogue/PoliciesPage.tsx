import { Alert, Input, List, Select, Space, Spin, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { PolicySummaryView, SearchResponse } from "../../../shared/schemas/search";
import { call } from "../../api";
import { policyEndpoints } from "../../../shared/api/policy";
import { searchEndpoints } from "../../../shared/api/search";
import type { CallInput } from "../../../shared/api/endpoint";
import { PageFrame } from "../../components/PageFrame";

type SearchQueryInput = NonNullable<CallInput<typeof searchEndpoints.getSearch>["query"]>;
import { Highlighted } from "./Highlighted";
import { labels } from "../../labels";

/** 政策库: documents newest first; full-text search with highlighting and a status filter. */
export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const status = params.get("status") ?? undefined;
  const [list, setList] = useState<PolicySummaryView[] | null>(null);
  const [found, setFound] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    if (q) {
      setFound(null);
      call(searchEndpoints.getSearch, { query: { q, type: "policy", limit: 50, ...(status ? { status: status as SearchQueryInput["status"] } : {}) } })
        .then(setFound)
        .catch((e: Error) => setError(e.message));
    } else {
      setList(null);
      call(policyEndpoints.getPolicies, { query: status ? { status: status as SearchQueryInput["status"] } : {} })
        .then((r) => setList(r.items))
        .catch((e: Error) => setError(e.message));
    }
  }, [q, status]);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <>
      <PageFrame title={t("policies.title")} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t("policies.search")} placeholder={t("policies.search")} defaultValue={q} allowClear onSearch={(v) => set("q", v.trim() || undefined)} style={{ width: 320 }} enterButton={t("home.search")} />
        <Select
          aria-label={t("policies.status")}
          placeholder={t("policies.status")}
          allowClear
          style={{ minWidth: 140 }}
          value={status}
          onChange={(v) => set("status", v)}
          options={["valid", "revised", "repealed"].map((s) => ({ value: s, label: l.policyStatus(s) }))}
        />
      </Space>
      {error && <Alert type="error" message={error} role="alert" />}
      {!error && !(q ? found : list) && <Spin tip={t("common.loading")} />}
      {q && found && (
        <List
          dataSource={found.hits}
          locale={{ emptyText: t("search.empty", { q }) }}
          renderItem={(h) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/policies/${h.id}`}><Highlighted segments={h.title} /></Link>}
                description={<><div><Highlighted segments={h.snippet} /></div><div>{h.docNumber} · {h.issuer} {h.status !== "valid" && <Tag>{l.policyStatus(h.status ?? "")}</Tag>}</div></>}
              />
            </List.Item>
          )}
        />
      )}
      {!q && list && (
        <List
          dataSource={list}
          renderItem={(p) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/policies/${p.id}`}>{p.title}</Link>}
                description={<>{p.docNumber} · {p.issuer} · {p.issuedOn} <Tag color={p.status === "valid" ? "success" : undefined}>{l.policyStatus(p.status)}</Tag></>}
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
