import { catalogueEndpoints } from "../shared/api/catalogue";
import { searchEndpoints } from "../shared/api/search";
import { readEarly } from "./api";
import { searchQueryOf } from "./features/catalogue/search-query";

/**
 * The first API read of the pages citizens land on most (search results, a guide), started with the
 * app rather than after the page's chunk has downloaded: on a slow phone that round trip is the
 * difference on Largest Contentful Paint. The page then asks for the same read and gets this one.
 */
export function startFirstReads(location: { pathname: string; search: string }): void {
  if (location.pathname === "/search") {
    const query = searchQueryOf(new URLSearchParams(location.search));
    if (query) readEarly(searchEndpoints.getSearch, { query: query as never });
    return;
  }
  const guide = /^\/items\/([\w-]+)$/.exec(location.pathname);
  if (guide) readEarly(catalogueEndpoints.getCatalogueItemsById, { params: { id: guide[1]! } });
}
