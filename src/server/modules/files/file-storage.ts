import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

/** Where the bytes of uploaded materials live; the database keeps only their metadata and hash. */
export interface FileStorage {
  readonly kind: string;
  put(key: string, body: Buffer, mime: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** The default: a directory on local disk (under the data directory). */
export class LocalDiskStorage implements FileStorage {
  readonly kind = "local";
  constructor(private readonly root: string) {}

  private file(key: string) {
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return resolved;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body, { flag: "wx" }); // never overwrite: keys are unique
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

/**
 * The bytes in the database itself (table file_blobs): every server process on one PostgreSQL server
 * reads what any other stored, with nothing else to run. The default with a PostgreSQL server.
 */
export class DatabaseStorage implements FileStorage {
  readonly kind = "database";
  constructor(private readonly db: Kysely<DB>) {}

  async put(key: string, body: Buffer, mime: string): Promise<void> {
    await this.db.insertInto("file_blobs").values({ key, body, mime }).execute(); // keys are unique: never overwrite
  }

  async get(key: string): Promise<Buffer> {
    const row = await this.db.selectFrom("file_blobs").select("body").where("key", "=", key).executeTakeFirst();
    if (!row) throw Object.assign(new Error(`no stored file ${key}`), { code: "ENOENT" });
    return Buffer.from(row.body);
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom("file_blobs").where("key", "=", key).execute();
  }
}

export interface S3Options {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (e.g. a MinIO server); absent for AWS itself. */
  endpoint?: string;
  /** Path-style URLs, which most S3-compatible servers need. */
  forcePathStyle: boolean;
}

/** Any S3-compatible object store; credentials come from the standard AWS environment variables. */
export class S3Storage implements FileStorage {
  readonly kind = "s3";
  private readonly client: S3Client;
  constructor(private readonly options: S3Options) {
    this.client = new S3Client({ region: options.region, forcePathStyle: options.forcePathStyle, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  }

  async put(key: string, body: Buffer, mime: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentType: mime, IfNoneMatch: "*" }));
  }

  async get(key: string): Promise<Buffer> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }
}
