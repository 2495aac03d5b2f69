import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Encrypts sensitive personal fields at rest (AES-256-GCM) and derives keyed blind indexes
 * (HMAC-SHA256) so that an encrypted ID number or mobile can still be looked up exactly.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("the data key must be 32 bytes");
    this.encKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "haoban field encryption v1", 32));
    this.indexKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "haoban blind index v1", 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith("v1:")) throw new Error("unknown field cipher version");
    const raw = Buffer.from(stored.slice(3), "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }

  /** A value that identifies the key without revealing it: stored once per database to catch a process started with another key. */
  keyCheckValue(): string {
    return createHmac("sha256", this.indexKey).update("haoban data key check v1").digest("base64url");
  }

  /** A deterministic keyed hash for equality look-ups; `kind` keeps ID numbers, mobiles and prefilled values apart. */
  blindIndex(kind: "id" | "mobile" | "prefill", value: string): string {
    return createHmac("sha256", this.indexKey).update(`${kind}:${value}`).digest("base64url");
  }
}

/** The master key from HAOBAN_DATA_KEY, else from `<dataDir>/keys/data.key`, created on first use. */
export function loadMasterKey(dataKey: string | undefined, dataDir: string): Buffer {
  if (dataKey) return Buffer.from(dataKey, "base64");
  const dir = path.join(dataDir, "keys");
  const file = path.join(dir, "data.key");
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    // Another process started at the same moment wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    throw err;
  }
  return key;
}
