import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogueEndpoints } from "../shared/api/catalogue";
import { searchEndpoints } from "../shared/api/search";
import { call } from "./api";
import { searchQueryOf } from "./features/catalogue/search-query";
import { startFirstReads } from "./first-reads";

const ok = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("first reads", () => {
  it("starts a search page's read at load; the page's own call gets that response and nothing is fetched twice", async () => {
    const fetch = vi.fn(() => ok({ total: 1, items: [] }));
    vi.stubGlobal("fetch", fetch);
    startFirstReads({ pathname: "/search", search: "?q=%E5%87%BA%E7%94%9F%E7%99%BB%E8%AE%B0&type=item&page=2" });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe(`/api/v1/search?q=${encodeURIComponent("出生登记")}&limit=10&offset=10&type=item`);
    const query = searchQueryOf(new URLSearchParams({ q: "出生登记", page: "2", type: "item", level: "", audience: "" }))!;
    expect(await call(searchEndpoints.getSearch, { query: query as never })).toEqual({ total: 1, items: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
    // Used once: asking again reads again.
    await call(searchEndpoints.getSearch, { query: query as never });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("starts a guide's read, and nothing for other pages or an empty search", async () => {
    const fetch = vi.fn(() => ok({}));
    vi.stubGlobal("fetch", fetch);
    startFirstReads({ pathname: "/search", search: "" });
    startFirstReads({ pathname: "/me/applications", search: "" });
    expect(fetch).not.toHaveBeenCalled();
    startFirstReads({ pathname: "/items/0a1b2c3d-0000-4000-8000-000000000001", search: "" });
    await call(catalogueEndpoints.getCatalogueItemsById, { params: { id: "0a1b2c3d-0000-4000-8000-000000000001" } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("does not serve an early read that has gone stale", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(() => ok({}));
    vi.stubGlobal("fetch", fetch);
    startFirstReads({ pathname: "/items/abc", search: "" });
    vi.advanceTimersByTime(11_000);
    await call(catalogueEndpoints.getCatalogueItemsById, { params: { id: "abc" } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
