import { useEffect, useState } from "react";
import { call } from "../../api";
import { searchEndpoints } from "../../../shared/api/search";

/** Suggestions for what is being typed, fetched after a short pause. */
export function useSuggestions(input: string): string[] {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  useEffect(() => {
    const q = input.trim();
    if (!q) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      call(searchEndpoints.getSearchSuggest, { query: { q: q } })
        .then((r) => setSuggestions(r.suggestions))
        .catch(() => setSuggestions([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [input]);
  return suggestions;
}
