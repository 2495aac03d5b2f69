import { validateCreditCode } from "./credit-code";

/**
 * E-certificate identifiers (电子证照标识, GB/T 36904-2018):
 * `1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>` where the type code is the
 * defining authority's credit code + 3 digits, the issuer code the issuing organisation's credit code,
 * the serial the issuer's number for the certificate, the version 3 digits, and the check character
 * ISO/IEC 7064 MOD 37,36 over the four fields concatenated (no root, no dots).
 */
export const CERTIFICATE_ROOT = "1.2.156.3005.2";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export type CertificateIdError = "CERTIFICATE_ID_FORMAT" | "CERTIFICATE_ID_CHECKSUM";

/** The MOD 37,36 check character of a string over 0-9A-Z (a check value of 36 is written "0"). */
export function mod3736CheckChar(data: string): string {
  let p = 36;
  for (const ch of data) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`not a certificate-identifier character: ${ch}`);
    p = (p + value) % 36;
    if (p === 0) p = 36;
    p = (2 * p) % 37;
  }
  const check = (37 - p) % 37;
  return check === 36 ? "0" : ALPHABET[check]!;
}

export interface CertificateIdParts {
  /** The defining authority's credit code + 3 digits (21 characters). */
  typeCode: string;
  /** The issuing organisation's credit code. */
  issuerCode: string;
  /** The issuer's number for this certificate (1–30 characters of 0-9A-Z). */
  serial: string;
  /** Three digits. */
  version: string;
}

/** Builds a complete identifier with its check character; throws on malformed parts. */
export function buildCertificateId(parts: CertificateIdParts): string {
  const problem = partsProblem(parts);
  if (problem) throw new Error(problem);
  const body = `${parts.typeCode}${parts.issuerCode}${parts.serial}${parts.version}`;
  return `${CERTIFICATE_ROOT}.${parts.typeCode}.${parts.issuerCode}.${parts.serial}.${parts.version}.${mod3736CheckChar(body)}`;
}

function partsProblem(p: CertificateIdParts): string | null {
  if (!/^[0-9A-Z]{18}\d{3}$/.test(p.typeCode) || !validateCreditCode(p.typeCode.slice(0, 18)).ok) return "type code must be a credit code and 3 digits";
  if (!validateCreditCode(p.issuerCode).ok || p.issuerCode !== p.issuerCode.toUpperCase()) return "issuer code must be a credit code";
  if (!/^[0-9A-Z]{1,30}$/.test(p.serial)) return "serial must be 1–30 characters of 0-9A-Z";
  if (!/^\d{3}$/.test(p.version)) return "version must be 3 digits";
  return null;
}

/** Parses and checks an identifier (lower case is normalised). */
export function validateCertificateId(input: string): { ok: true; value: CertificateIdParts & { id: string } } | { ok: false; error: CertificateIdError } {
  const id = input.trim().toUpperCase();
  if (!id.startsWith(`${CERTIFICATE_ROOT}.`)) return { ok: false, error: "CERTIFICATE_ID_FORMAT" };
  const fields = id.slice(CERTIFICATE_ROOT.length + 1).split(".");
  if (fields.length !== 5) return { ok: false, error: "CERTIFICATE_ID_FORMAT" };
  const [typeCode, issuerCode, serial, version, check] = fields as [string, string, string, string, string];
  const parts = { typeCode, issuerCode, serial, version };
  if (partsProblem(parts) || !/^[0-9A-Z]$/.test(check)) return { ok: false, error: "CERTIFICATE_ID_FORMAT" };
  if (mod3736CheckChar(`${typeCode}${issuerCode}${serial}${version}`) !== check) return { ok: false, error: "CERTIFICATE_ID_CHECKSUM" };
  return { ok: true, value: { ...parts, id } };
}
