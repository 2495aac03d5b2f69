import { Alert, Empty, Pagination, Select, Space, Spin, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LEVEL_CODES } from "../../../shared/catalogue";
import type { SearchResponse } from "../../../shared/schemas/search";
import { call } from "../../api";
import { searchEndpoints } from "../../../shared/api/search";
import type { CallInput } from "../../../shared/api/endpoint";
import { PageFrame } from "../../components/PageFrame";

type SearchQueryInput = NonNullable<CallInput<typeof searchEndpoints.getSearch>["query"]>;
import { Highlighted } from "./Highlighted";
import { SearchBox } from "./SearchBox";
import { SEARCH_PAGE_SIZE, searchQueryOf } from "./search-query";
import { placeFor, usePlace } from "./place";
import { labels } from "../../labels";

/** Unified search results: services, policies and answers, with highlights, filters and suggestions. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const l = labels(i18n.language);
  const place = usePlace();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const type = params.get("type") ?? "";
  const level = params.get("level") ?? undefined;
  const audience = params.get("audience") ?? undefined;
  const page = Number(params.get("page") ?? 1);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const query = searchQueryOf(new URLSearchParams({ q, page: String(page), type, level: level ?? "", audience: audience ?? "" })) as SearchQueryInput | null;
    if (!query) return;
    setResult(null);
    setError(null);
    call(searchEndpoints.getSearch, { query })
      .then(setResult)
      .catch((e: Error) => setError(e.message));
  }, [q, type, level, audience, page]);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next);
  };

  return (
    <>
      <PageFrame title={t("search.title")} />
      <div style={{ maxWidth: 640, marginBottom: 16 }}>
        <SearchBox initial={q} />
      </div>
      <nav aria-label={t("search.typeFilter")}>
        <ul className="filter-links">
          {(["all", "item", "policy", "answer"] as const).map((k) => {
            const next = new URLSearchParams(params);
            if (k === "all") next.delete("type");
            else next.set("type", k);
            next.delete("page");
            return (
              <li key={k}>
                <Link to={`/search?${next.toString()}`} replace aria-current={(type || "all") === k ? "page" : undefined}>
                  {t(k === "all" ? "search.all" : k === "item" ? "search.items" : k === "policy" ? "search.policies" : "search.answers")}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {(type === "" || type === "item") && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t("catalogue.level")} placeholder={t("catalogue.level")} allowClear style={{ minWidth: 140 }} value={level} onChange={(v) => set("level", v)} options={LEVEL_CODES.map((lv) => ({ value: lv, label: l.level(lv) }))} />
          <Select
            aria-label={t("guide.audience")}
            placeholder={t("guide.audience")}
            allowClear
            style={{ minWidth: 140 }}
            value={audience}
            onChange={(v) => set("audience", v)}
            options={[
              { value: "person", label: t("nav.personal") },
              { value: "enterprise", label: t("nav.enterprise") },
            ]}
          />
        </Space>
      )}
      {error && <Alert type="error" message={error} role="alert" />}
      {q && !result && !error && <Spin tip={t("common.loading")} />}
      {result && (
        <>
          <p role="status">
            {t("search.found", { total: result.total })}
            {result.understoodAs.length > 1 && ` · ${t("search.understoodAs")}：${result.understoodAs.slice(1, 6).join("、")}`}
          </p>
          {result.total === 0 ? (
            <Empty description={<><div>{t("search.empty", { q })}</div><div>{t("search.hint")}</div></>} />
          ) : (
            <ol className="result-list" aria-label={t("search.results")} start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
              {result.hits.map((hit) => {
                // A service done in several places opens the one of the person's own district or street.
                // Without one of their own, the search's own choice stands.
                const here = hit.type === "item" ? placeFor([{ id: hit.id, orgName: hit.orgName ?? "", regionCode: hit.regionCode, level: hit.level ?? "" }, ...hit.alsoAt], place) : undefined;
                const h = here ? { ...hit, id: here.id, orgName: here.orgName } : hit;
                return (
                <li key={`${h.type}-${hit.id}`}>
                  <div className="result-title">
                    <Tag color={h.type === "item" ? "processing" : h.type === "policy" ? "warning" : h.type === "bundle" ? "default" : "success"}>{t(`search.type_${h.type}`)}</Tag>
                    {h.type === "answer" ? (
                      <Highlighted segments={h.title} />
                    ) : (
                      <Link to={h.type === "item" ? `/items/${h.id}` : h.type === "bundle" ? `/bundles/${h.id}` : `/policies/${h.id}`}>
                        <Highlighted segments={h.title} />
                      </Link>
                    )}
                  </div>
                  <div className="result-snippet">{h.type === "answer" ? h.answer : <Highlighted segments={h.snippet} />}</div>
                  <div className="result-meta">
                    {h.type === "item" && (
                      <>
                        {h.kind && <Tag>{l.kind(h.kind)}</Tag>}
                        {h.orgName}
                        {h.alsoAt.length > 0 && ` · ${t("search.alsoAt", { count: h.alsoAt.length })}`}
                      </>
                    )}
                    {h.type === "policy" && (
                      <>
                        {h.docNumber} · {h.issuer} {h.status && h.status !== "valid" && <Tag>{l.policyStatus(h.status)}</Tag>}
                      </>
                    )}
                  </div>
                </li>
                );
              })}
            </ol>
          )}
          {result.total > SEARCH_PAGE_SIZE && <Pagination current={page} pageSize={SEARCH_PAGE_SIZE} total={result.total} onChange={(p) => set("page", String(p))} showSizeChanger={false} />}
        </>
      )}
    </>
  );
}
