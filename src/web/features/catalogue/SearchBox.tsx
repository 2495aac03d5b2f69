import { AutoComplete, Input } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useSuggestions } from "./useSuggestions";

/**
 * The search box of the home and results pages, with suggestions as the person types. One search is one
 * entry in the browser's history: Enter on a suggestion fires both the box's search and the suggestion's
 * choice, and searching again for what is already shown adds nothing, so one Back leaves the results.
 */
export function SearchBox({ id, size, initial = "" }: { id?: string; size?: "large"; initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [input, setInput] = useState(initial);
  const [shownFor, setShownFor] = useState(initial);
  if (initial !== shownFor) {
    setShownFor(initial);
    setInput(initial);
  }
  const suggestions = useSuggestions(input);
  const pending = useRef<{ to: string; chosen: boolean } | null>(null);
  // Enter on a highlighted suggestion fires the box's search (with what was typed) and the choice of the
  // suggestion in the same moment: the choice wins, and one search is one history entry.
  const go = (value: string, chosen: boolean) => {
    const q = value.trim();
    if (!q) return;
    const to = `/search?q=${encodeURIComponent(q)}`;
    if (pending.current && pending.current.chosen && !chosen) return;
    const first = pending.current === null;
    pending.current = { to, chosen };
    if (!first) return;
    setTimeout(() => {
      const target = pending.current!.to;
      pending.current = null;
      // Searching again for what is shown adds nothing.
      if (location.pathname + location.search !== target) navigate(target);
    }, 0);
  };
  return (
    <div role="search" className="search-box">
      <AutoComplete value={input} options={suggestions.map((v) => ({ value: v }))} onChange={setInput} onSelect={(v: string) => go(v, true)} style={{ width: "100%" }}>
        <Input.Search id={id} size={size} placeholder={t("home.searchPlaceholder")} enterButton={t("home.search")} aria-label={t("home.searchLabel")} onSearch={(v) => go(v, false)} />
      </AutoComplete>
    </div>
  );
}
