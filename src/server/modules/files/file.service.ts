import { createHash, randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { hasRole, SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { FileRepository } from "./file.repository";
import { DomainError } from "../../domain-error";
import type { FileStorage } from "./file-storage";
import { cleanFileName, inspectContent } from "./file-inspection";
import { chinaDate } from "../../../shared/china-time";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; files: FileRepository };

/**
 * Who may see the materials of an application (kept by the applications module): null for no one
 * but the uploader; `staffRead` when the actor sees them as staff, a read that is audited.
 */
export type MaterialAccess = (actor: Actor, applicationId: string) => Promise<{ staffRead: { personId: string | null; regionCode: string } | null } | null>;

/** What may be uploaded as a material: scans and photos, and PDF documents. */
export const ALLOWED_MIME = ["image/jpeg", "image/png", "application/pdf"] as const;
export type AllowedMime = (typeof ALLOWED_MIME)[number];

export interface UploadInput {
  fileName: string;
  /** The type the client declared; it must agree with what the content is. */
  declaredMime: string;
  body: Buffer;
}

/**
 * Uploaded materials: checked by size, declared type and content (magic bytes), stored behind the
 * storage interface with their SHA-256, readable by the uploader, the applicant and staff who may
 * read the application (each staff read audited with its purpose), verified against the hash on read.
 * PDFs may carry no active content and no file may be two formats at once; names are cleaned of
 * control and bidirectional characters and end in their real type's extension.
 * Raises: FILE_EMPTY, FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED, FILE_TYPE_MISMATCH, FILE_ACTIVE_CONTENT,
 * FILE_POLYGLOT, FILE_UNREADABLE, FILE_NOT_FOUND, FILE_CORRUPTED.
 */
export class FileService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly storage: FileStorage,
    private readonly maxBytes: number,
    private readonly now: () => Date = () => new Date(),
    private readonly materialAccess: MaterialAccess = async () => null,
  ) {}

  async upload(actor: Actor, input: UploadInput, ctx: RequestContext) {
    if (actor.kind !== "citizen" && !hasRole(actor, "window_clerk")) throw new DomainError("FORBIDDEN");
    if (input.body.length === 0) throw new DomainError("FILE_EMPTY");
    if (input.body.length > this.maxBytes) throw new DomainError("FILE_TOO_LARGE", { maxBytes: this.maxBytes });
    if (!(ALLOWED_MIME as readonly string[]).includes(input.declaredMime)) throw new DomainError("FILE_TYPE_NOT_ALLOWED", { allowed: ALLOWED_MIME });
    const detected = await fileTypeFromBuffer(input.body);
    if (!detected || detected.mime !== input.declaredMime) throw new DomainError("FILE_TYPE_MISMATCH", { declared: input.declaredMime, detected: detected?.mime ?? null });
    const problem = await inspectContent(input.body, detected.mime);
    if (problem) throw new DomainError(problem);
    const fileName = cleanFileName(input.fileName, detected.ext);

    const day = chinaDate(this.now()).replaceAll("-", "/");
    const storageKey = `${day}/${randomUUID()}.${detected.ext}`;
    const sha256 = createHash("sha256").update(input.body).digest("hex");
    await this.storage.put(storageKey, input.body, detected.mime);
    try {
      return await this.store.transact(async (repos) => {
        const row = await repos.files.insert({
          owner_account_id: actor.accountId,
          application_id: null,
          material_key: null,
          file_name: fileName,
          mime: detected.mime,
          size_bytes: input.body.length,
          sha256,
          storage_key: storageKey,
          region_code: actor.regionCode,
        });
        await repos.audit.append(actor, ctx, { action: "file.upload", targetType: "file", targetId: row.id, details: { fileName, mime: detected.mime, size: input.body.length, sha256 } });
        return { id: row.id, fileName: row.file_name, mime: row.mime, size: row.size_bytes };
      });
    } catch (err) {
      await this.storage.delete(storageKey); // nothing half-stored
      throw err;
    }
  }

  /**
   * Links uploaded files to an application as its materials, in the caller's transaction: each must be
   * the submitter's own and not yet used by another application. Raises MATERIAL_INVALID.
   */
  async attach(unit: UnitOfWork, actor: Actor, applicationId: string, materials: Array<{ materialKey: string; fileId: string }>): Promise<void> {
    const repos = this.store.within(unit);
    const files = new Map((await repos.files.findManyForUpdate(materials.map((m) => m.fileId))).map((f) => [f.id, f]));
    const problems = materials
      .filter((m) => {
        const f = files.get(m.fileId);
        return !f || f.owner_account_id !== actor.accountId || f.application_id !== null;
      })
      .map((m) => ({ path: m.materialKey, message: "材料文件不存在、不属于您或已用于其他申请，请重新上传" }));
    if (problems.length) throw new DomainError("MATERIAL_INVALID", { issues: problems });
    for (const m of materials) await repos.files.attach(m.fileId, applicationId, m.materialKey);
  }

  /** The content of a file for someone allowed to see it; anyone else gets FILE_NOT_FOUND. */
  async read(actor: Actor, id: string, ctx: RequestContext) {
    const repos = this.store.repos;
    const file = await repos.files.findById(id);
    if (!file) throw new DomainError("FILE_NOT_FOUND");
    let staffReadOf: { applicationId: string; personId: string | null; regionCode: string } | null = null;
    if (file.owner_account_id !== actor.accountId) {
      const access = file.application_id ? await this.materialAccess(actor, file.application_id) : null;
      if (!access) throw new DomainError("FILE_NOT_FOUND");
      if (access.staffRead) staffReadOf = { applicationId: file.application_id!, ...access.staffRead };
    }
    const body = await this.storage.get(file.storage_key);
    if (createHash("sha256").update(body).digest("hex") !== file.sha256) throw new DomainError("FILE_CORRUPTED");
    if (staffReadOf) {
      const read = staffReadOf;
      await this.store.transact((r) => r.audit.append(actor, ctx, {
        action: "application.material.read",
        targetType: "file",
        targetId: file.id,
        regionCode: read.regionCode,
        ...(read.personId ? { subjectPersonId: read.personId } : {}),
        purpose: "审查申请材料",
        details: { applicationId: read.applicationId, materialKey: file.material_key, fileName: file.file_name },
      }));
    }
    return { body, mime: file.mime, fileName: file.file_name };
  }

  /** Removes uploads never used within `days` (rows first, in a transaction with the audit record; then the bytes). */
  async removeUnattached(days: number): Promise<number> {
    const before = new Date(this.now().getTime() - days * 86_400_000);
    const keys = await this.store.transact(async (repos) => {
      const removed = await repos.files.deleteUnattached(before, 1000);
      if (removed.length) await repos.audit.append(SYSTEM_ACTOR, { requestId: null, ip: null, userAgent: null }, { action: "file.cleanup", targetType: "file", details: { removed: removed.length, olderThanDays: days } });
      return removed;
    });
    for (const key of keys) await this.storage.delete(key);
    return keys.length;
  }
}
