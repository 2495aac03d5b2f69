import { ITEM_KINDS, LEVEL_DIGIT, type Level } from "./catalogue";

/** Basic code: 2-letter item type + 5-digit main item + 3-digit sub-item (000 if none), e.g. XK00001001. */
export const BASIC_CODE_PATTERN = new RegExp(`^(${Object.keys(ITEM_KINDS).join("|")})\\d{5}\\d{3}$`);

export function isBasicCode(code: string): boolean {
  return BASIC_CODE_PATTERN.test(code);
}

/**
 * Implementation code: basic code + level of authority + the implementing division (6, 9 or 12 digits)
 * + the implementing organisation's key, e.g. XK00001001-3-310101-AMR.
 */
export function buildImplCode(basicCode: string, level: Level, divisionCode: string, orgKey: string): string {
  return `${basicCode}-${LEVEL_DIGIT[level]}-${divisionCode}-${orgKey}`;
}

export function parseImplCode(code: string): { basicCode: string; level: Level; divisionCode: string; orgKey: string } | null {
  const m = /^([A-Z]{2}\d{8})-([2-5])-(\d{6}|\d{9}|\d{12})-([A-Z0-9]{2,12})$/.exec(code);
  if (!m || !isBasicCode(m[1]!)) return null;
  const level = (Object.entries(LEVEL_DIGIT).find(([, d]) => d === m[2])?.[0] ?? null) as Level | null;
  if (!level) return null;
  const digits = m[3]!.length;
  const expected = { city: 6, district: 6, street: 9, community: 12 }[level];
  if (digits !== expected) return null;
  return { basicCode: m[1]!, level, divisionCode: m[3]!, orgKey: m[4]! };
}
