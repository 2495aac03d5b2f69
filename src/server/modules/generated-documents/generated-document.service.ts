import { createHash } from "node:crypto";
import { chinaDate } from "../../../shared/china-time";
import type { DocumentTemplateKey } from "../../../shared/document-templates";
import type { FormValues } from "../../../shared/form-values";
import type { ItemContent, Material } from "../../../shared/schemas/catalogue";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository, VersionContentsRepos } from "../catalogue";
import type { OrgRepository } from "../orgs";
import type { SealService } from "../seals";
import type { GeneratedDocumentRepository } from "./generated-document.repository";
import { openForm } from "../../crypto/form-sealing";
import { renderPdfOffThread } from "./pdf-render-thread";
import { divisionCodesIn, TEMPLATE_BUILDERS } from "./templates";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; catalogue: CatalogueRepository; generatedDocuments: GeneratedDocumentRepository; orgs: OrgRepository } & VersionContentsRepos;

/** Who may read an application's materials (kept by the applications module, as for uploaded files). */
export type DocumentAccess = (actor: Actor, applicationId: string) => Promise<{ staffRead: { personId: string | null; regionCode: string } | null } | null>;

/** The published content of an item (the catalogue's cache of versions). */
export type ContentOf = (versionId: string) => Promise<ItemContent>;

/** What the submitting transaction knows of the new application. */
export interface NewApplication {
  id: string;
  regionCode: string;
}

const generatedMaterials = (content: ItemContent) => content.guide.materials.filter((m): m is Material & { generatedFrom: DocumentTemplateKey } => !!m.generatedFrom && !m.situation);
const fileNameOf = (m: Material, itemName: string) => `${itemName}-${m.name}.pdf`.replace(/[\\/:*?"<>|]/g, "_");

/**
 * 系统生成材料: the documents an item declares as generated from its form (申请书, 公司章程, 任职文件,
 * 发票领用申请表, 职工名单) are produced as PDFs with a Chinese font embedded, sealed with the handling
 * department's electronic seal and kept with the application (encrypted at rest) — the applicant uploads
 * nothing for them. A submission only records what it owes, dated; rendering (tens of milliseconds of
 * CPU a document) happens after it commits, in the documents worker of a jobs process or for the first
 * reader, whichever comes first — the same answers and instant give the same bytes either way. The
 * applicant can preview one from the answers before submitting; the applicant and staff who may read the
 * application open it afterwards (a staff read audited like an uploaded material).
 * Raises: ITEM_NOT_FOUND, MATERIAL_NOT_GENERATED, FILE_NOT_FOUND, FILE_CORRUPTED.
 */
export class GeneratedDocumentService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly seals: SealService,
    private readonly contentOf: ContentOf,
    private readonly access: DocumentAccess,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Renders every generated material of an item from the answers (co-signers are shown these before they
   * sign); `unit` reads the division names (the caller's transaction, if any). The same answers and
   * instant give the same bytes: what co-signers signed is what is sealed.
   */
  async render(unit: UnitOfWork, content: ItemContent, values: FormValues, applicantName: string, createdAt: Date = this.now(), reference = "在线申请"): Promise<Array<{ materialKey: string; template: DocumentTemplateKey; fileName: string; body: Uint8Array }>> {
    const wanted = generatedMaterials(content);
    if (!wanted.length) return [];
    const places = await this.store.within(unit).orgs.divisionNames(divisionCodesIn(content.form.fields, values));
    const input = { itemName: content.name, fields: content.form.fields, values, applicantName, date: chinaDate(createdAt), createdAt, places, reference };
    return Promise.all(wanted.map(async (m) => ({ materialKey: m.key, template: m.generatedFrom, fileName: fileNameOf(m, content.name), body: await renderPdfOffThread(TEMPLATE_BUILDERS[m.generatedFrom](input)) })));
  }

  /**
   * Records the documents an item generates as owed by a new application, inside its submitting
   * transaction, dated `documentsAt`; returns how many. They are rendered and sealed after the commit.
   */
  async owe(unit: UnitOfWork, app: NewApplication, content: ItemContent, documentsAt: Date): Promise<number> {
    const repos = this.store.within(unit);
    const wanted = generatedMaterials(content);
    for (const m of wanted) {
      await repos.generatedDocuments.insert({ application_id: app.id, material_key: m.key, template: m.generatedFrom, file_name: fileNameOf(m, content.name), region_code: app.regionCode, documents_at: documentsAt });
    }
    return wanted.length;
  }

  /**
   * Renders, seals and keeps what an application owes. Rendering happens outside any transaction (it
   * holds no connection meanwhile); keeping is one transaction per document that writes only if no other
   * process kept it first (the bytes are the same). Returns how many this call kept.
   */
  async renderOwed(applicationId: string): Promise<number> {
    const owed = await this.store.repos.generatedDocuments.owedBy(applicationId);
    if (!owed.length) return 0;
    const first = owed[0]!;
    const content = await this.contentOf(first.version_id);
    const values = openForm(first.form_data, this.cipher);
    const rendered = await this.render(this.store.repos, { ...content, guide: { ...content.guide, materials: content.guide.materials.filter((m) => owed.some((o) => o.material_key === m.key)) } }, values, first.applicant_name, first.documents_at);
    let kept = 0;
    for (const d of rendered) {
      const row = owed.find((o) => o.material_key === d.materialKey)!;
      const body = Buffer.from(d.body);
      const sha256 = createHash("sha256").update(body).digest("hex");
      const done = await this.store.transact(async (repos) => {
        const seal = await this.seals.sign(repos, first.handling_org_id, body);
        const kept = await repos.generatedDocuments.keepRendered(row.id, {
          size_bytes: body.length,
          sha256,
          body_enc: this.cipher.encrypt(body.toString("base64")),
          seal_key_id: seal.keyId,
          seal_algorithm: seal.algorithm,
          signature: seal.signature,
          rendered_at: this.now(),
        });
        // The department's seal put on a document by the platform, on its behalf: recorded with the document's hash.
        if (kept) await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "application.document.seal", targetType: "application", targetId: applicationId, orgId: first.handling_org_id, regionCode: row.region_code, details: { materialKey: row.material_key, sha256, sealKeyId: seal.keyId } });
        return kept;
      });
      if (done) kept++;
    }
    return kept;
  }

  /** The documents worker's round: renders what up to `limit` applications owe, the longest waiting first; returns how many documents it kept. */
  async renderDue(limit = 10): Promise<number> {
    let kept = 0;
    for (const applicationId of await this.store.repos.generatedDocuments.owingApplications(limit)) kept += await this.renderOwed(applicationId);
    return kept;
  }

  /** A preview of one generated material from the answers so far (not sealed, not kept), for the applicant to review. */
  async preview(itemId: string, materialKey: string, values: FormValues, applicantName: string): Promise<{ fileName: string; body: Uint8Array }> {
    const item = await this.store.repos.catalogue.findApplicable(itemId);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    return this.previewOf(await this.contentOf(item.version_id), materialKey, values, applicantName);
  }

  /** A preview from an item's content already read (a 一件事 previews its items' materials). */
  async previewOf(content: ItemContent, materialKey: string, values: FormValues, applicantName: string): Promise<{ fileName: string; body: Uint8Array }> {
    const material = generatedMaterials(content).find((m) => m.key === materialKey);
    if (!material) throw new DomainError("MATERIAL_NOT_GENERATED");
    const [doc] = await this.render(this.store.repos, { ...content, guide: { ...content.guide, materials: [material] } }, values, applicantName, this.now(), "预览（尚未提交）");
    return { fileName: doc!.fileName, body: doc!.body };
  }

  /**
   * One document of an application for its applicant or staff who may read it (anyone else: FILE_NOT_FOUND),
   * checked against its hash and its seal; a staff read is audited with its purpose.
   */
  async read(actor: Actor, applicationId: string, materialKey: string, ctx: RequestContext) {
    const access = await this.access(actor, applicationId);
    if (!access) throw new DomainError("FILE_NOT_FOUND");
    let row = await this.store.repos.generatedDocuments.find(applicationId, materialKey);
    if (!row) throw new DomainError("FILE_NOT_FOUND");
    // Owed still (the worker has not come to it, or no jobs process runs): rendered for this reader.
    if (!row.rendered_at) {
      await this.renderOwed(applicationId);
      row = await this.store.repos.generatedDocuments.find(applicationId, materialKey);
    }
    if (!row?.body_enc || !row.sha256 || !row.seal_key_id || !row.seal_algorithm || !row.signature) throw new DomainError("FILE_NOT_FOUND");
    const body = Buffer.from(this.cipher.decrypt(row.body_enc), "base64");
    if (createHash("sha256").update(body).digest("hex") !== row.sha256) throw new DomainError("FILE_CORRUPTED");
    const verified = await this.seals.verify({ keyId: row.seal_key_id, algorithm: row.seal_algorithm, signature: row.signature }, body);
    if (!verified.ok) throw new DomainError("FILE_CORRUPTED");
    if (access.staffRead) {
      const read = access.staffRead;
      await this.store.transact((r) =>
        r.audit.append(actor, ctx, {
          action: "application.material.read",
          targetType: "application",
          targetId: applicationId,
          regionCode: read.regionCode,
          ...(read.personId ? { subjectPersonId: read.personId } : {}),
          purpose: "审查申请材料",
          details: { materialKey, generated: true, sha256: row.sha256 },
        }),
      );
    }
    return { fileName: row.file_name, body, sha256: row.sha256, sealKeyId: row.seal_key_id };
  }
}
