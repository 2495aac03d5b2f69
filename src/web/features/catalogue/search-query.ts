/** Results per page of the search page. */
export const SEARCH_PAGE_SIZE = 10;

/** The search API's query for the search page's address (null without a query): one definition for the page and its early read. */
export function searchQueryOf(params: URLSearchParams) {
  const q = params.get("q") ?? "";
  if (!q) return null;
  const page = Number(params.get("page") ?? 1);
  const type = params.get("type") ?? "";
  const level = params.get("level") ?? "";
  const audience = params.get("audience") ?? "";
  // Values from the address bar are checked by the server like any other query (400 with the reason).
  return { q, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE, ...(type ? { type } : {}), ...(level ? { level } : {}), ...(audience ? { audience } : {}) };
}
