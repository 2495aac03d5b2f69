import { Alert, Button, Cascader, Input, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { addressEndpoints } from "../../shared/api/address";
import { orgEndpoints } from "../../shared/api/org";
import type { AddressCheck } from "../../shared/schemas/address";
import { call } from "../api";

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  /** The registry's whole address when this option completes it. */
  address?: string | null;
  children?: Option[];
  loading?: boolean;
}

const divisions = async (en: boolean, parent?: string): Promise<Option[]> =>
  (await call(orgEndpoints.getDivisions, { query: parent ? { parent } : {} })).items.map((d) => ({ value: d.code, label: en ? d.nameEn : d.name, isLeaf: false }));

/** The options below a path: district → street (行政区划), then road → door → room (标准地址库). */
async function childrenOf(en: boolean, path: string[]): Promise<Option[]> {
  if (path.length === 1) return divisions(en, path[0]);
  const [, street, road, door] = path;
  const r = await call(addressEndpoints.getAddressOptions, { query: { street: street!, ...(road ? { road } : {}), ...(door ? { door } : {}) } });
  return r.items.map((o) => ({ value: o.value, label: o.value, isLeaf: o.leaf, address: o.address }));
}

/**
 * A street address picked, not typed: district → street or town → road → door (门牌) → room from the
 * address registry; the value is the registry's whole address and `onStreet` tells the form the street's
 * division code. What the registry lacks can be typed, and is then checked (form, district, registry).
 */
export function AddressPicker({
  id,
  value,
  onChange,
  onStreet,
  division,
  disabled,
  loose = false,
  placeholder,
  "aria-label": ariaLabel,
}: {
  id?: string | undefined;
  value: string | undefined;
  onChange: (address: string | undefined) => void;
  /** The street (9-digit code) of an address picked from the registry. */
  onStreet?: ((code: string, address: string) => void) | undefined;
  /** The district or street the same form asks apart: a typed address is checked against it. */
  division?: string | undefined;
  disabled?: boolean | undefined;
  /** A place rather than a door (事发地址): typed first and not checked (a place need not have a door). */
  loose?: boolean | undefined;
  placeholder?: string | undefined;
  "aria-label"?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[] | undefined>(undefined);
  const [typing, setTyping] = useState(loose);
  const [checked, setChecked] = useState<AddressCheck | null>(null);
  const shown = useRef<string | undefined>(undefined);

  // The districts; and an address already held (a draft, a prefill) shown by its parts when the registry has it.
  useEffect(() => {
    let live = true;
    void (async () => {
      const top = await divisions(en);
      let at: string[] | undefined;
      if (value && value !== shown.current) {
        const c = await call(addressEndpoints.postAddressChecks, { body: { address: value, ...(division ? { division } : {}) } });
        const p = c.place;
        if (p?.streetCode && p.road && p.door) {
          at = [p.districtCode, p.streetCode, p.road, p.door, ...(p.room ? [p.room] : [])];
          let level = top;
          for (let i = 0; i < at.length - 1; i++) {
            const o = level.find((x) => x.value === at![i]);
            if (!o) break;
            o.children = await childrenOf(en, at.slice(0, i + 1));
            level = o.children;
          }
        } else if (live) {
          setTyping(true);
          if (!loose) setChecked(c);
        }
      }
      if (!live) return;
      shown.current = value;
      setOptions(top);
      if (at) setPath(at);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // Read once per language; the picker's own changes keep its path.
  }, [en]);

  // A typed address the registry does not hold is marked where it is read (the department verifies it).
  const [unverified, setUnverified] = useState(false);
  useEffect(() => {
    if (!disabled || !value || loose) return setUnverified(false);
    let live = true;
    call(addressEndpoints.postAddressChecks, { body: { address: value, ...(division ? { division } : {}) } })
      .then((c) => live && setUnverified(!c.known))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [disabled, value, division, loose]);

  async function loadData(selected: Option[]) {
    const target = selected[selected.length - 1]!;
    target.loading = true;
    setOptions((o) => [...o]);
    target.children = await childrenOf(en, selected.map((o) => o.value)).catch(() => []);
    if (target.children.length === 0) target.isLeaf = true;
    target.loading = false;
    setOptions((o) => [...o]);
  }

  async function check(text: string) {
    if (!text.trim()) return setChecked(null);
    if (loose) return;
    setChecked(await call(addressEndpoints.postAddressChecks, { body: { address: text.trim(), ...(division ? { division } : {}) } }).catch(() => null));
  }

  if (disabled)
    return (
      <Space direction="vertical" style={{ width: "100%" }} size={4}>
        <Input id={id} aria-label={ariaLabel} value={value ?? ""} disabled />
        {unverified && <Typography.Text type="warning">{t("address.unverified")}</Typography.Text>}
      </Space>
    );

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={4}>
      {typing ? (
        <Input
          id={id}
          aria-label={ariaLabel}
          value={value ?? ""}
          maxLength={200}
          placeholder={placeholder ?? t("address.typeHint")}
          onChange={(e) => {
            setChecked(null);
            onChange(e.target.value || undefined);
          }}
          onBlur={(e) => void check(e.target.value)}
        />
      ) : (
        <Cascader
          id={id}
          aria-label={ariaLabel}
          style={{ width: "100%" }}
          options={options}
          loadData={(p) => void loadData(p as Option[])}
          placeholder={t("address.placeholder")}
          value={path}
          displayRender={(labels, selected) => (selected?.[selected.length - 1] as Option | undefined)?.address ?? labels.join(" / ")}
          onChange={(p, selected) => {
            const last = (selected as Option[] | undefined)?.[(selected?.length ?? 1) - 1];
            setPath(p as string[] | undefined);
            const address = last?.address ?? undefined;
            shown.current = address;
            onChange(address);
            if (address && p && p.length > 1) onStreet?.(String(p[1]), address);
          }}
        />
      )}
      {typing && checked?.problem && <Alert type="error" showIcon role="alert" message={t("address.problem", { problem: en ? checked.problem.messageEn : checked.problem.message })} />}
      {typing && checked && !checked.problem && <Alert type={checked.known ? "success" : "warning"} showIcon message={checked.known ? t("address.known") : t("address.unknown")} />}
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => {
          setTyping(!typing);
          setChecked(null);
        }}
      >
        {typing ? t("address.pick") : t("address.type")}
      </Button>
    </Space>
  );
}
