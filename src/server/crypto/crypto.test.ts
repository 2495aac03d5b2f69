import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FieldCipher, loadMasterKey } from "./field-cipher";
import { hashPassword, verifyPassword } from "./password";

describe("field cipher", () => {
  const cipher = new FieldCipher(randomBytes(32));

  it("round-trips, with a fresh IV each time", () => {
    const a = cipher.encrypt("310101198503125034");
    const b = cipher.encrypt("310101198503125034");
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe("310101198503125034");
  });

  it("detects tampering (GCM tag)", () => {
    const stored = cipher.encrypt("13800000001");
    const raw = Buffer.from(stored.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString("base64")}`)).toThrow();
  });

  it("gives deterministic blind indexes, separated by kind and key", () => {
    expect(cipher.blindIndex("id", "x")).toBe(cipher.blindIndex("id", "x"));
    expect(cipher.blindIndex("id", "x")).not.toBe(cipher.blindIndex("mobile", "x"));
    expect(new FieldCipher(randomBytes(32)).blindIndex("id", "x")).not.toBe(cipher.blindIndex("id", "x"));
  });

  it("creates a key file once and reads it back", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "haoban-key-"));
    try {
      const first = loadMasterKey(undefined, dir);
      expect(first).toHaveLength(32);
      expect(loadMasterKey(undefined, dir).equals(first)).toBe(true);
      expect(loadMasterKey(Buffer.alloc(32, 7).toString("base64"), dir).equals(Buffer.alloc(32, 7))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("password hashing", () => {
  it("verifies the right password only, with a salt per hash", async () => {
    const h1 = await hashPassword("Haoban@2026");
    const h2 = await hashPassword("Haoban@2026");
    expect(h1).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword("Haoban@2026", h1)).toBe(true);
    expect(await verifyPassword("Haoban@2027", h1)).toBe(false);
    expect(await verifyPassword("Haoban@2026", "md5$whatever")).toBe(false);
  });
});
