import { randomBytes } from "node:crypto";
import { createRepositoryStore } from "../../repositories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ed25519Signer } from "../../crypto/signer";
import { FieldCipher } from "../../crypto/field-cipher";
import type { Database } from "../../db/database";
import { seedDemo, seedUuid } from "../../seed/seed-demo";
import { createTestDatabase } from "../../testing/test-app";
import { SealService } from "./seal.service";
import type { Actor } from "../../actor";

let database: Database;
let close: () => Promise<void>;
let seals: SealService;
const cipher = new FieldCipher(randomBytes(32));
const orgId = seedUuid("org:310101-AMR");
const ctx = { requestId: null, ip: null, userAgent: null };

beforeAll(async () => {
  ({ database, close } = await createTestDatabase());
  await seedDemo(database.db, cipher);
  seals = new SealService(createRepositoryStore(database.db), cipher, ed25519Signer);
});
afterAll(() => close());

const admin = (path: string): Actor => ({ accountId: seedUuid("account:admin"), kind: "staff", name: "管理员", personId: null, orgId: null, orgPath: path, governmentPath: "310000/", regionCode: "310000", roles: ["sys_admin"], actingFor: null });

describe("electronic seals", () => {
  it("signs with the organisation's key, made on first use; a changed payload or signature fails", async () => {
    const store = createRepositoryStore(database.db);
    const data = Buffer.from(JSON.stringify({ holder: "张伟明", licence: "JY23101010001" }));
    const seal = await store.transact((repos) => seals.sign(repos, orgId, data));
    expect(seal.algorithm).toBe("Ed25519");
    expect(await seals.verify(seal, data)).toEqual({ ok: true, keyStatus: "active" });
    expect((await seals.verify(seal, Buffer.from(JSON.stringify({ holder: "张伟民", licence: "JY23101010001" })))).ok).toBe(false);
    const flipped = Buffer.from(seal.signature, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect((await seals.verify({ ...seal, signature: flipped.toString("base64") }, data)).ok).toBe(false);
    const stored = await database.db.selectFrom("seal_keys").selectAll().where("org_id", "=", orgId).executeTakeFirstOrThrow();
    expect(stored.private_key_enc.startsWith("v1:")).toBe(true);
    expect(stored.private_key_enc).not.toContain(ed25519Signer.generate().privateKey.slice(0, 16)); // a PKCS#8 Ed25519 key always starts with the same bytes
  });

  it("two first signatures at once still make one key", async () => {
    const other = seedUuid("org:310115-AMR");
    const store = createRepositoryStore(database.db);
    const [a, b] = await Promise.all([store.transact((r) => seals.sign(r, other, Buffer.from("a"))), store.transact((r) => seals.sign(r, other, Buffer.from("b")))]);
    expect(a.keyId).toBe(b.keyId);
  });

  it("rotation keeps what the old key signed verifiable, and only administrators above the org may rotate", async () => {
    const store = createRepositoryStore(database.db);
    const data = Buffer.from("before rotation");
    const old = await store.transact((repos) => seals.sign(repos, orgId, data));
    await expect(seals.rotate(admin("310000/310115/"), orgId, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const next = await seals.rotate(admin("310000/"), orgId, ctx);
    expect(next.keyId).not.toBe(old.keyId);
    expect(await seals.verify(old, data)).toEqual({ ok: true, keyStatus: "retired" });
    const fresh = await store.transact((repos) => seals.sign(repos, orgId, data));
    expect(fresh.keyId).toBe(next.keyId);
    expect((await seals.keys(admin("310000/"), orgId)).map((k) => k.status)).toEqual(["active", "retired"]);
    const audit = await database.db.selectFrom("audit_log").select("action").where("action", "=", "seal.rotate").execute();
    expect(audit).toHaveLength(1);
  });
});
