import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The signature scheme both local providers (payment, post) publish: a message is signed with
 * HMAC-SHA256 over the timestamp, a nonce, the method, the path and the raw body, with the
 * merchant's key, in four headers under the provider's prefix. A receiver refuses a missing or wrong
 * signature and a timestamp outside the window (a replayed old message).
 */

/** Seconds a signed message stays acceptable. */
export const SIGNATURE_WINDOW_S = 300;

export interface SignedHeaderNames {
  merchant: string;
  timestamp: string;
  nonce: string;
  signature: string;
}
export const headerNames = (prefix: string): SignedHeaderNames => ({ merchant: `${prefix}-merchant`, timestamp: `${prefix}-timestamp`, nonce: `${prefix}-nonce`, signature: `${prefix}-signature` });

const signingString = (timestamp: string, nonce: string, method: string, path: string, body: string) => `${timestamp}\n${nonce}\n${method.toUpperCase()}\n${path}\n${body}`;

export function signature(key: string, timestamp: string, nonce: string, method: string, path: string, body: string): string {
  return createHmac("sha256", key).update(signingString(timestamp, nonce, method, path, body)).digest("hex");
}

/** The headers of a signed message from `merchant`. */
export function signWith(names: SignedHeaderNames, merchant: string, key: string, method: string, path: string, body: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(12).toString("hex");
  return { [names.merchant]: merchant, [names.timestamp]: timestamp, [names.nonce]: nonce, [names.signature]: signature(key, timestamp, nonce, method, path, body) };
}

export type Verification = "ok" | "missing" | "unknown_merchant" | "bad_signature" | "stale";

/** Checks a signed message; `keyOf` gives the key of a merchant (undefined: unknown). */
export function verifyWith(names: SignedHeaderNames, headers: Record<string, string | string[] | undefined>, method: string, path: string, body: string, keyOf: (merchant: string) => string | undefined, nowMs = Date.now(), windowS = SIGNATURE_WINDOW_S): Verification {
  const get = (h: string) => {
    const v = headers[h];
    return typeof v === "string" ? v : undefined;
  };
  const merchant = get(names.merchant);
  const timestamp = get(names.timestamp);
  const nonce = get(names.nonce);
  const sig = get(names.signature);
  if (!merchant || !timestamp || !nonce || !sig || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(sig)) return "missing";
  const key = keyOf(merchant);
  if (!key) return "unknown_merchant";
  const expected = Buffer.from(signature(key, timestamp, nonce, method, path, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(sig, "hex"))) return "bad_signature";
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > windowS) return "stale";
  return "ok";
}
