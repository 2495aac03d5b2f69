import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import type { Config } from "../../config";
import { samplePdf, samplePng } from "../../testing/sample-files";
import { login, startTestApp, type TestApp } from "../../testing/test-app";
import { DatabaseStorage, S3Storage } from "./file-storage";

/** Materials stored so that every server process reads them: in the database, or in an S3-compatible bucket. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ storage: { kind: "database" } });
});
afterAll(() => t.close());

describe("file storage shared by several processes", () => {
  it("a material uploaded through one process is read through another (database storage)", async () => {
    const other = await buildApp({ config: t.config, database: t.database, cipher: t.cipher, logger: false, senders: t.senders });
    await other.app.ready();
    try {
      const citizen = await login(t.app, "13800000001");
      const up = await t.app.inject({ method: "POST", url: "/api/v1/files", headers: { ...citizen.headers, "content-type": "image/png", "x-file-name": encodeURIComponent("平面图.png") }, payload: samplePng() });
      expect(up.statusCode, up.body).toBe(201);
      const read = await other.app.inject({ method: "GET", url: `/api/v1/files/${up.json().id}`, headers: citizen.headers });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.rawPayload.equals(samplePng())).toBe(true);
      const blob = await t.database.db.selectFrom("file_blobs").select(["mime"]).executeTakeFirstOrThrow();
      expect(blob.mime).toBe("image/png");
    } finally {
      await other.app.close();
    }
  });

  it("database storage never overwrites a key, and deletes", async () => {
    const storage = new DatabaseStorage(t.database.db);
    await storage.put("2026/12/06/test.pdf", samplePdf("一"), "application/pdf");
    await expect(storage.put("2026/12/06/test.pdf", samplePdf("二"), "application/pdf")).rejects.toThrow();
    expect((await storage.get("2026/12/06/test.pdf")).equals(samplePdf("一"))).toBe(true);
    await storage.delete("2026/12/06/test.pdf");
    await expect(storage.get("2026/12/06/test.pdf")).rejects.toThrow();
  });

  it("defaults to the database with a PostgreSQL server and to local disk on the embedded one", async () => {
    const { loadConfig } = await import("../../config");
    expect(loadConfig({ DATABASE_URL: "postgres://x/y" }).storage).toEqual({ kind: "database" });
    expect(loadConfig({}).storage).toMatchObject({ kind: "local" });
    expect(loadConfig({ HAOBAN_S3_BUCKET: "b", DATABASE_URL: "postgres://x/y" }).storage).toMatchObject({ kind: "s3", bucket: "b" });
    expect(() => loadConfig({ HAOBAN_FILES_STORE: "ftp" })).toThrow(/HAOBAN_FILES_STORE/);
  });
});

describe("S3-compatible storage, against a real S3 server", () => {
  let dir: string;
  let server: S3rver;
  let endpoint: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "haoban-s3-"));
    server = new S3rver({ port: 0, address: "127.0.0.1", directory: dir, silent: true, configureBuckets: [{ name: "materials", configs: [] }] });
    const { port } = (await server.run()) as { port: number };
    endpoint = `http://127.0.0.1:${port}`;
    // s3rver's own credentials, through the standard variables the storage reads.
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores, reads and deletes an object", async () => {
    const storage = new S3Storage({ bucket: "materials", region: "us-east-1", endpoint, forcePathStyle: true });
    await storage.put("2026/12/06/a.pdf", samplePdf("S3"), "application/pdf");
    expect((await storage.get("2026/12/06/a.pdf")).equals(samplePdf("S3"))).toBe(true);
    await storage.delete("2026/12/06/a.pdf");
    await expect(storage.get("2026/12/06/a.pdf")).rejects.toThrow();
  });

  it("serves uploads through the platform with the bucket configured", async () => {
    const config: Config = { ...t.config, storage: { kind: "s3", bucket: "materials", region: "us-east-1", endpoint, forcePathStyle: true } };
    const s3app = await buildApp({ config, database: t.database, cipher: t.cipher, logger: false, senders: t.senders });
    await s3app.app.ready();
    try {
      const citizen = await login(s3app.app, "13800000002");
      const up = await s3app.app.inject({ method: "POST", url: "/api/v1/files", headers: { ...citizen.headers, "content-type": "application/pdf", "x-file-name": encodeURIComponent("证明.pdf") }, payload: samplePdf("证明") });
      expect(up.statusCode, up.body).toBe(201);
      const read = await s3app.app.inject({ method: "GET", url: `/api/v1/files/${up.json().id}`, headers: citizen.headers });
      expect(read.statusCode).toBe(200);
      expect(read.rawPayload.equals(samplePdf("证明"))).toBe(true);
    } finally {
      await s3app.app.close();
    }
  });
});
