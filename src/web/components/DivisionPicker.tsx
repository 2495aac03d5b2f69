import { Cascader } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { orgEndpoints } from "../../shared/api/org";
import { call } from "../api";

interface Option {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Option[];
  loading?: boolean;
}

/**
 * 行政区划 picked, not typed: the district, then (optionally) its street or town, by name; the
 * division code is what the form stores (310101, or 310101002 with the street).
 */
export function DivisionPicker({ id, value, onChange, disabled, "aria-label": ariaLabel }: { id?: string | undefined; value: string | undefined; onChange: (code: string | undefined) => void; disabled?: boolean | undefined; "aria-label"?: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [options, setOptions] = useState<Option[]>([]);
  const district = value?.slice(0, 6);

  const streetsOf = async (code: string): Promise<Option[]> =>
    (await call(orgEndpoints.getDivisions, { query: { parent: code } })).items.map((s) => ({ value: s.code, label: en ? s.nameEn : s.name, isLeaf: true }));

  useEffect(() => {
    let live = true;
    void (async () => {
      const districts = (await call(orgEndpoints.getDivisions, {})).items.map((d): Option => ({ value: d.code, label: en ? d.nameEn : d.name, isLeaf: false }));
      if (live) setOptions(districts);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [en]);

  // A street chosen elsewhere (a draft, a prefill, an address picked beside it) shows by its name: its district's streets are read too.
  useEffect(() => {
    const at = options.find((d) => d.value === district);
    if (!at || at.children || !value || value.length <= 6) return;
    let live = true;
    void streetsOf(at.value)
      .then((children) => {
        if (!live) return;
        at.children = children;
        setOptions((o) => [...o]);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [options, district, value]);

  async function loadData(path: Option[]) {
    const target = path[path.length - 1]!;
    target.loading = true;
    setOptions((o) => [...o]);
    target.children = await streetsOf(target.value).catch(() => []);
    target.loading = false;
    setOptions((o) => [...o]);
  }

  return (
    <Cascader
      id={id}
      aria-label={ariaLabel}
      style={{ width: "100%" }}
      disabled={disabled}
      options={options}
      loadData={(p) => void loadData(p as Option[])}
      changeOnSelect
      placeholder={t("division.placeholder")}
      value={value ? (value.length > 6 ? [value.slice(0, 6), value] : [value]) : undefined}
      onChange={(path) => onChange(path?.length ? String(path[path.length - 1]) : undefined)}
    />
  );
}
