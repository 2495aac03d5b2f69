import { chinaDate } from "../china-time";
/**
 * Resident ID number (居民身份证号码, GB 11643-1999):
 * 6-digit address code + 8-digit birth date + 3-digit sequence + 1 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

export type IdNumberError = "ID_NUMBER_FORMAT" | "ID_NUMBER_BIRTHDATE" | "ID_NUMBER_CHECKSUM";

export interface IdNumberInfo {
  idNumber: string;
  addressCode: string;
  birthDate: string; // YYYY-MM-DD
  gender: "M" | "F";
}

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Parses YYYYMMDD into an ISO date if it is a real calendar date, else null. */
export function parseCompactDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates an 18-character resident ID number. A lower-case x is accepted and normalised.
 * Rejects impossible and future birth dates (relative to `today`) and births before 1900.
 */
export function validateIdNumber(
  input: string,
  today: Date = new Date(),
): { ok: true; value: IdNumberInfo } | { ok: false; error: IdNumberError } {
  const idNumber = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, error: "ID_NUMBER_FORMAT" };
  const birthDate = parseCompactDate(idNumber.slice(6, 14));
  const todayIso = chinaDate(today); // born "today" means today in China, whatever the machine's zone
  if (!birthDate || birthDate < "1900-01-01" || birthDate > todayIso) {
    return { ok: false, error: "ID_NUMBER_BIRTHDATE" };
  }
  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
    return { ok: false, error: "ID_NUMBER_CHECKSUM" };
  }
  return {
    ok: true,
    value: {
      idNumber,
      addressCode: idNumber.slice(0, 6),
      birthDate,
      gender: Number(idNumber[16]) % 2 === 1 ? "M" : "F",
    },
  };
}

/** Builds a valid ID number from its parts (used by demo data and tests). */
export function buildIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const first17 = `${addressCode}${birthDate.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

/** Masks an ID number for display: 310101********123X. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${"*".repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
