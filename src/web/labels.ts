import { CHANNELS, HOLDING_LIMITS, ITEM_KINDS, LEVELS, MATERIAL_FORMS, MATERIAL_MEDIA, ONLINE_DEPTHS, POLICY_STATUSES, SCOPES, THEMES, CERTIFICATE_TYPES } from "../shared/catalogue";
import { DATA_ELEMENTS } from "../shared/data-elements";

/** A bilingual label in the current language. */
export const inLang = (lang: string, v: { zh: string; en: string } | undefined, fallback = "") => (v ? (lang === "en" ? v.en : v.zh) : fallback);

/** Labels of the catalogue's reference lists in the current language. */
export function labels(lang: string) {
  const en = lang === "en";
  const pick = (v: { zh: string; en: string }) => (en ? v.en : v.zh);
  return {
    kind: (k: string) => pick(ITEM_KINDS[k as keyof typeof ITEM_KINDS] ?? { zh: k, en: k }),
    level: (k: string) => pick(LEVELS[k as keyof typeof LEVELS] ?? { zh: k, en: k }),
    theme: (k: string) => pick(THEMES[k as keyof typeof THEMES] ?? { zh: k, en: k }),
    channel: (k: string) => pick(CHANNELS[k as keyof typeof CHANNELS] ?? { zh: k, en: k }),
    scope: (k: string) => pick(SCOPES[k as keyof typeof SCOPES] ?? { zh: k, en: k }),
    depth: (k: number) => pick(ONLINE_DEPTHS[k as keyof typeof ONLINE_DEPTHS] ?? { zh: String(k), en: String(k) }),
    holdingLimit: (k: string) => pick(HOLDING_LIMITS[k as keyof typeof HOLDING_LIMITS] ?? { zh: k, en: k }),
    policyStatus: (k: string) => pick(POLICY_STATUSES[k as keyof typeof POLICY_STATUSES] ?? { zh: k, en: k }),
    materialForm: (k: string) => MATERIAL_FORMS[k as keyof typeof MATERIAL_FORMS] ?? k,
    medium: (k: string) => MATERIAL_MEDIA[k as keyof typeof MATERIAL_MEDIA] ?? k,
    replaceable: (kind: string, code: string) => (kind === "certificate" ? (CERTIFICATE_TYPES[code] ?? code) : (DATA_ELEMENTS[code]?.[en ? "en" : "zh"] ?? code)),
  };
}

export const THEMES_FOR: Record<"person" | "enterprise", string[]> = {
  person: ["birth", "education", "employment", "social_security", "medical", "elderly", "housing", "marriage", "travel", "household", "disability", "tax"],
  enterprise: ["start_business", "operation", "tax", "social_security", "construction", "employment", "closure"],
};

/** The antd colour of a deadline light (green: on time, yellow: one working day left, red: overdue). */
export const LIGHT_COLOR = { green: "success", yellow: "warning", red: "error" } as const;
