import { createHash } from "node:crypto";

/** A stable UUID derived from a seed key, so demo records have the same ids on every machine. */
export function seedUuid(key: string): string {
  const h = createHash("sha256").update(`haoban-demo:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
